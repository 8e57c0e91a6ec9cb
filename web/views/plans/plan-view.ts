// Pure helpers of the plans page: state colours, the next period of a plan, and the inspectors a district offers.
import type { FeatureCollection, Geometry } from 'geojson';
import type { PlanState } from '../../../server/contract/catalog.ts';
import type { Rgb } from '../../map/colors.ts';
import type { MahallaFeatureProps } from '../../map/layers.ts';

/** Colour-blind-safe pairs (green/blue vs amber/red also differ in lightness); the state is always written too. */
export const STATE_COLORS: Record<PlanState, Rgb> = {
  done: [26, 152, 80],
  on_track: [69, 117, 180],
  behind: [230, 145, 30],
  overdue: [205, 40, 40],
};

const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
const lastOfMonth = (y: number, m0: number): string => day(Date.UTC(y, m0 + 1, 0));

/**
 * The period after a plan's: whole calendar months move by their number of months (a quarter to the next quarter),
 * other periods by their length.
 * @example nextPeriod('2026-07-01', '2026-09-30') // { from: '2026-10-01', to: '2026-12-31' }
 */
export function nextPeriod(from: string, to: string): { from: string; to: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number, number];
  if (fd === 1 && to === lastOfMonth(ty, tm - 1)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = Date.UTC(fy, fm - 1 + months, 1);
    const s = new Date(start);
    return { from: day(start), to: lastOfMonth(s.getUTCFullYear(), s.getUTCMonth() + months - 1) };
  }
  const length = Math.round((ms(to) - ms(from)) / 86_400_000) + 1;
  return { from: day(ms(to) + 86_400_000), to: day(ms(to) + length * 86_400_000) };
}

export type TerritoryProps = MahallaFeatureProps & { inspectorId: number | null; inspectorName: string | null };

/** The inspectors with a territory in a district, by name. */
export function districtInspectors(fc: FeatureCollection<Geometry, TerritoryProps>, district: string): Array<{ id: number; name: string; mahallas: number }> {
  const byId = new Map<number, { id: number; name: string; mahallas: number }>();
  for (const f of fc.features) {
    const p = f.properties;
    if (p.districtSoato !== district || p.inspectorId === null) continue;
    const e = byId.get(p.inspectorId) ?? { id: p.inspectorId, name: p.inspectorName ?? `Inspector ${p.inspectorId}`, mahallas: 0 };
    e.mahallas++;
    byId.set(p.inspectorId, e);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
