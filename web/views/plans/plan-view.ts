// Pure helpers of the plans page: state colours and the inspectors a district offers.
import type { PlanState } from '../../../server/contract/catalog.ts';
import type { Rgb } from '../../map/colors.ts';
import type { MahallaFeatureProps } from '../../map/layers.ts';
import { compareShown } from '../../i18n/collate.ts';
import type { TerritoryColumns } from '../../queries/coverage.ts';

/** Colour-blind-safe pairs (green/blue vs amber/red also differ in lightness); the state is always written too. */
export const STATE_COLORS: Record<PlanState, Rgb> = {
  done: [26, 152, 80],
  on_track: [69, 117, 180],
  behind: [230, 145, 30],
  overdue: [205, 40, 40],
};

export type TerritoryProps = MahallaFeatureProps & { inspectorId: number | null; inspectorName: string | null };

/**
 * The inspectors with a territory in a district, by name, each with the number of mahallas it covers: from the
 * territories as columns (GET /api/coverage/territories, a few KiB a district), not from the mahalla polygons.
 * @example
 * districtInspectors({ inspectorId: [7], name: ['Aziz'], districtSoato: ['17'], slot: [0], mahallaIds: [[1]] }, '17')
 * // [{ id: 7, name: 'Aziz', mahallas: 1 }]
 */
export function districtInspectors(
  t: TerritoryColumns,
  district: string,
): Array<{ id: number; name: string; mahallas: number }> {
  const out: Array<{ id: number; name: string; mahallas: number }> = [];
  t.inspectorId.forEach((id, k) => {
    const mahallas = t.mahallaIds[k]?.length ?? 0;
    if (t.districtSoato[k] !== district || mahallas === 0) return;
    out.push({ id, name: t.name[k] ?? `Inspector ${id}`, mahallas });
  });
  return out.sort((a, b) => compareShown(a.name, b.name) || a.id - b.id);
}
