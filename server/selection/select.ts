// The selection: a validated query (period, districts, one mahalla, which records and their filters) and the asker's
// scope become, once per request, the records' table, predicate, parameters and area that every service reads. No
// service computes an end date or an area predicate itself; access to an area is decided here and nowhere else.
import type { Db } from '../db/database.ts';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  REGISTRIES,
  type IncidentCategory,
  type IncidentStatus,
  type Receiver,
  type RecordSource,
  type Registry,
} from '../contract/catalog.ts';
import type { Period } from '../shared/period.ts';
import { ALL, areaSql, districtsArea, within, type Area } from './area.ts';
import { mahallaColumns, type MahallaColumns } from './mahallas.ts';
import { recordFilter } from './record-filter.ts';
import { and, timeWindow, type SqlPart } from './window.ts';

/** What a query may ask for; absent filters select everything. */
export interface SelectionInput {
  from: string;
  to: string;
  district?: readonly string[] | undefined;
  mahalla?: number | undefined;
  source?: RecordSource;
  categories?: readonly IncidentCategory[];
  statuses?: readonly IncidentStatus[];
  registries?: readonly Registry[];
  receivers?: readonly Receiver[];
}

export interface Selection {
  period: Period;
  source: RecordSource;
  categories: IncidentCategory[];
  statuses: IncidentStatus[];
  registries: Registry[];
  receivers: Receiver[];
  area: Area;
  /** the districts the area lies in, sorted; null = every district */
  districts: string[] | null;
  /** the one mahalla asked for (a card, a record list), known to lie in the asker's scope */
  mahalla: number | null;
  /** the FROM item of the records counted (incidents, or applications with their receipt time as `ts`) */
  table: string;
  /** the record filters alone (categories and statuses, or registries and receivers) */
  filter: SqlPart;
  /** 1 where the mahalla at that index of `mahallaColumns` lies in the area; null = every mahalla (shared: read only) */
  mask: Uint8Array | null;
  /** what the asker may see beyond aggregates: exact record locations, and names of persons (inspectors) */
  access: Access;
}

export interface Access {
  locations: boolean;
  persons: boolean;
}

/** Everything (scripts, tests of services); requests get their principal's access. */
export const FULL_ACCESS: Access = { locations: true, persons: true };

/** A request for an area outside the asker's scope (403), or for a mahalla that does not exist (404). */
export class SelectionRefused extends Error {
  constructor(
    readonly status: 403 | 404,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * The selection of a validated query within `scope` (the area the asker may see; everything by default). Asking for
 * districts or a mahalla outside the scope is refused, never answered with less; asking for none selects the scope.
 * @example const sel = await select(db, c.req.valid('query')); const w = recordsWhere(sel); db.all(`SELECT count(*) FROM ${sel.table} WHERE ${w.sql}`, w.params)
 */
export async function select(
  db: Db,
  q: SelectionInput,
  scope: Area = ALL,
  opts: { mahallaField?: string; access?: Access } = {},
): Promise<Selection> {
  const m = await mahallaColumns(db);
  const { area, districts } = await selectArea(db, q.district, scope);
  if (q.mahalla !== undefined) {
    // The mahalla is named where the request named it: `mahalla` in a query, `id` in a card's path.
    const field = opts.mahallaField ?? 'mahalla';
    if (!m.index.has(q.mahalla)) throw new SelectionRefused(404, field, 'no mahalla has this id');
    if (!within({ kind: 'mahallas', ids: [q.mahalla] }, scope, districtOfIn(m)))
      throw new SelectionRefused(403, field, 'is outside the area you may see');
  }
  const source = q.source ?? 'incidents';
  const f = {
    source,
    categories: [...(q.categories ?? INCIDENT_CATEGORIES)],
    statuses: [...(q.statuses ?? INCIDENT_STATUSES)],
    registries: [...(q.registries ?? REGISTRIES)],
    receivers: [...(q.receivers ?? RECEIVERS)],
  };
  const records = recordFilter(f);
  return {
    period: { from: q.from, to: q.to },
    ...f,
    area,
    districts,
    mahalla: q.mahalla ?? null,
    table: records.table,
    filter: { sql: records.sql, params: records.params },
    mask: maskOf(area, m),
    access: opts.access ?? FULL_ACCESS,
  };
}

const districtOfIn =
  (m: MahallaColumns) =>
  (id: number): string | undefined =>
    m.district[m.index.get(id) ?? -1];

/**
 * The area of a request that names some districts (or none) within `scope`, and the districts it lies in: for the
 * layers that have no period (mahalla polygons, base points, territory outlines). Districts outside the scope are
 * refused; naming none selects the scope.
 */
export async function selectArea(
  db: Db,
  district: readonly string[] | undefined,
  scope: Area = ALL,
): Promise<{ area: Area; districts: string[] | null }> {
  const districtOf = districtOfIn(await mahallaColumns(db));
  const asked = districtsArea(district);
  if (asked.kind !== 'all' && !within(asked, scope, districtOf))
    throw new SelectionRefused(403, 'district', 'is outside the area you may see');
  const area = asked.kind === 'all' ? scope : asked;
  return { area, districts: areaDistricts(area, districtOf) };
}

function areaDistricts(area: Area, districtOf: (id: number) => string | undefined): string[] | null {
  if (area.kind === 'all') return null;
  if (area.kind === 'districts') return [...area.districts];
  return [...new Set(area.ids.map((id) => districtOf(id) ?? ''))].filter(Boolean).sort();
}

/** The masks of the areas asked last, per mahalla list (a new list after a data change starts afresh). */
const masks = new WeakMap<MahallaColumns, Map<string, Uint8Array>>();
/** Areas kept per mahalla list: the scopes of the people signed in and the districts they look at, with room. */
const KEPT_MASKS = 64;

/**
 * 1 where the mahalla at that index of `m` (`mahallaColumns`) lies in the area, null for the whole database; kept:
 * every request of a district's or a region's user selects the same area, and mapping 9,400 mahallas to it each time
 * took ≈ 1 s of the main thread's 21 in the national 50-client load. Shared: read it, never write it.
 * @example maskOf({ kind: 'districts', districts: ['1726287'] }, await mahallaColumns(db)) // Uint8Array [1, 1, 0, 0]
 */
export function maskOf(area: Area, m: MahallaColumns): Uint8Array | null {
  if (area.kind === 'all') return null;
  let kept = masks.get(m);
  if (!kept) masks.set(m, (kept = new Map<string, Uint8Array>()));
  const key = JSON.stringify(area);
  let hit = kept.get(key);
  if (!hit) {
    if (kept.size >= KEPT_MASKS) kept.delete(kept.keys().next().value ?? '');
    hit = areaMask(area, m);
    kept.set(key, hit);
  }
  return hit;
}

function areaMask(area: Exclude<Area, { kind: 'all' }>, m: { id: number[]; district: string[] }): Uint8Array {
  if (area.kind === 'districts') {
    const keep = new Set(area.districts);
    return Uint8Array.from(m.district, (d) => (keep.has(d) ? 1 : 0));
  }
  const keep = new Set(area.ids);
  return Uint8Array.from(m.id, (id) => (keep.has(id) ? 1 : 0));
}

export interface WhereOptions {
  /** another period than the selection's (a comparison period) */
  period?: Period;
  /** prefix of the time parameters, so two windows can sit in one query */
  name?: string;
  /** column of the time (`ts` for both kinds of record, as `table` presents them) */
  col?: string;
  /** narrow to the area (default) or count the whole study area (a statistic judged against its surroundings) */
  area?: boolean;
  /** narrow to the selection's one mahalla, when it has one (default) */
  mahalla?: boolean;
}

/**
 * The predicate of the selection's records: the period, the record filters, and the one mahalla when there is one
 * (it was checked against the scope; the districts asked beside it only say where the person was looking), else the
 * area.
 */
export function recordsWhere(sel: Selection, opts: WhereOptions = {}): SqlPart {
  const { period = sel.period, name = '', col = 'ts', area = true, mahalla = true } = opts;
  const one = mahalla && sel.mahalla !== null;
  return and(
    timeWindow(period, { col, name }),
    sel.filter,
    one
      ? { sql: 'mahalla_id = $mahalla', params: { mahalla: sel.mahalla } }
      : area
        ? areaSql(sel.area)
        : { sql: 'TRUE', params: {} },
  );
}

/** Whether the mahalla at index `i` of `mahallaColumns` lies in the selection's area. */
export const inArea = (sel: Selection, i: number): boolean => sel.mask === null || sel.mask[i] === 1;
