// Pure helpers of the plans page: state colours and the inspectors a district offers.
import type { FeatureCollection, Geometry } from 'geojson';
import type { PlanState } from '../../../server/contract/catalog.ts';
import type { Rgb } from '../../map/colors.ts';
import type { MahallaFeatureProps } from '../../map/layers.ts';
import { compareShown } from '../../i18n/collate.ts';

/** Colour-blind-safe pairs (green/blue vs amber/red also differ in lightness); the state is always written too. */
export const STATE_COLORS: Record<PlanState, Rgb> = {
  done: [26, 152, 80],
  on_track: [69, 117, 180],
  behind: [230, 145, 30],
  overdue: [205, 40, 40],
};

export type TerritoryProps = MahallaFeatureProps & { inspectorId: number | null; inspectorName: string | null };

/** The inspectors with a territory in a district, by name. */
export function districtInspectors(
  fc: FeatureCollection<Geometry, TerritoryProps>,
  district: string,
): Array<{ id: number; name: string; mahallas: number }> {
  const byId = new Map<number, { id: number; name: string; mahallas: number }>();
  for (const f of fc.features) {
    const p = f.properties;
    if (p.districtSoato !== district || p.inspectorId === null) continue;
    const e = byId.get(p.inspectorId) ?? {
      id: p.inspectorId,
      name: p.inspectorName ?? `Inspector ${p.inspectorId}`,
      mahallas: 0,
    };
    e.mahallas++;
    byId.set(p.inspectorId, e);
  }
  return [...byId.values()].sort((a, b) => compareShown(a.name, b.name) || a.id - b.id);
}
