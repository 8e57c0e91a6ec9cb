// Where a query looks: the whole database, some districts, or some mahallas (one inspector's territory). An area is
// decided once per request (server/selection/select.ts) and then read two ways: as a SQL predicate over any table
// keyed by mahalla or district, and as a membership test over the cached mahalla list for work done in JavaScript.
import type { SqlPart } from './window.ts';

export type Area =
  | { kind: 'all' }
  /** sorted, without repeats */
  | { kind: 'districts'; districts: readonly string[] }
  /** sorted, without repeats */
  | { kind: 'mahallas'; ids: readonly number[] };

export const ALL: Area = { kind: 'all' };

/** The area of some districts (or all of them when the list is absent). */
export const districtsArea = (districts: readonly string[] | undefined): Area =>
  districts === undefined ? ALL : { kind: 'districts', districts: [...new Set(districts)].sort() };

/**
 * Predicate on a column holding mahalla ids.
 * @example areaSql({ kind: 'districts', districts: ['1726262'] }).sql // 'mahalla_id IN (SELECT id FROM mahallas WHERE district_soato IN (SELECT unnest($areaDistricts::VARCHAR[])))'
 */
export function areaSql(area: Area, col = 'mahalla_id'): SqlPart {
  switch (area.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'districts':
      return {
        sql: `${col} IN (SELECT id FROM mahallas WHERE district_soato IN (SELECT unnest($areaDistricts::VARCHAR[])))`,
        params: { areaDistricts: area.districts },
      };
    case 'mahallas':
      return { sql: `${col} IN (SELECT unnest($areaMahallas::INTEGER[]))`, params: { areaMahallas: area.ids } };
  }
}

/**
 * Predicate on a table of districts' things (inspectors, base points, plans): rows of the area's districts. An area of
 * mahallas keeps the districts `districtsOf` says they lie in.
 */
export function districtSql(districts: readonly string[] | null, col = 'district_soato'): SqlPart {
  return districts === null
    ? { sql: 'TRUE', params: {} }
    : { sql: `${col} IN (SELECT unnest($areaDistricts::VARCHAR[]))`, params: { areaDistricts: districts } };
}

/** Whether `inner` lies wholly inside `outer`, given each mahalla's district (`districtOf`). */
export function within(inner: Area, outer: Area, districtOf: (mahalla: number) => string | undefined): boolean {
  if (outer.kind === 'all') return true;
  if (inner.kind === 'all') return false;
  if (outer.kind === 'districts') {
    const allowed = new Set(outer.districts);
    return inner.kind === 'districts'
      ? inner.districts.every((d) => allowed.has(d))
      : inner.ids.every((id) => allowed.has(districtOf(id) ?? ''));
  }
  if (inner.kind === 'districts') return false;
  const allowed = new Set(outer.ids);
  return inner.ids.every((id) => allowed.has(id));
}
