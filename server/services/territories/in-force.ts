// The plan in force on a day: in each district, the approved version whose effective day is the latest on or before
// that day (before a district's first approved version, that first one: records older than the first order on record
// are read with it). A district with no version on record keeps the analytics database's own territory_assignment.
// Every page that says who covers a mahalla (coverage, outlines, cards, cooperation gaps, plans, an inspector's own
// area) asks here, for the last day of the period it shows, so an analysis of an earlier period uses the plan of then.
import type { Db } from '../../db/database.ts';
import { dataEpoch, perDb, shared, within } from '../../db/per-db.ts';
import { mahallaColumns, type MahallaColumns } from '../../selection/mahallas.ts';
import type { ApprovedTerritory, UserStore } from '../../store/types.ts';
import { dataPeriod } from '../data-period.ts';

export interface Assignment {
  /** equal for two days with the same versions in force: what caches of derived data key on */
  key: string;
  /** the inspector covering each mahalla; a mahalla not in it is uncovered (unassigned, or its post is vacant) */
  inspectorOf: ReadonlyMap<number, number>;
  /** per district, the version in force (null: none on record, the analytics database's assignment) */
  versionOf: ReadonlyMap<string, number | null>;
}

/**
 * The approved version in force on `day` among one district's, sorted by effective day: the latest that began on
 * or before it, else the first (null when there is none).
 * @example pickInForce([{ id: 1, effectiveFrom: '2023-01-09', … }, { id: 7, effectiveFrom: '2024-03-15', … }], '2024-03-14') // id 1
 */
export function pickInForce<T extends Pick<ApprovedTerritory, 'effectiveFrom'>>(
  sorted: readonly T[],
  day: string,
): T | null {
  let found: T | null = sorted[0] ?? null;
  for (const v of sorted) if (v.effectiveFrom <= day) found = v;
  return found;
}

/** The analytics database's own assignment, and its districts in order: read once per database. */
const baseline = perDb(async (db) => {
  const [rows, cols] = await Promise.all([
    db.columns<{ m: number; i: number }>('SELECT mahalla_id AS m, inspector_id AS i FROM territory_assignment'),
    mahallaColumns(db),
  ]);
  return { mahalla: rows.m, inspector: rows.i, districts: [...new Set(cols.district)].sort() };
});

/** Approved versions by district in effective order, re-read whenever the store's territory stamp moves. */
const timelines = new WeakMap<UserStore, { stamp: number; byDistrict: Promise<Map<string, ApprovedTerritory[]>> }>();

function timeline(store: UserStore): Promise<Map<string, ApprovedTerritory[]>> {
  const stamp = store.territories.stamp();
  const hit = timelines.get(store);
  if (hit && hit.stamp === stamp) return hit.byDistrict;
  const byDistrict = store.territories.approved().then((rows) => {
    const out = new Map<string, ApprovedTerritory[]>();
    for (const r of rows) (out.get(r.district) ?? out.set(r.district, []).get(r.district))?.push(r);
    return out;
  });
  byDistrict.catch(() => timelines.delete(store));
  timelines.set(store, { stamp, byDistrict });
  return byDistrict;
}

/** Mahalla → inspector (null for a vacant post) of approved versions as they stood at their edit counter. */
const contents = new WeakMap<UserStore, Map<string, Map<number, number | null>>>();

/** The contents of some approved versions: those not seen before are read in one query. */
async function contentsOf(
  store: UserStore,
  versions: readonly ApprovedTerritory[],
): Promise<Array<Map<number, number | null>>> {
  let cache = contents.get(store);
  if (!cache) contents.set(store, (cache = new Map<string, Map<number, number | null>>()));
  const key = (v: ApprovedTerritory): string => `${v.id}.${v.version}`;
  const missing = versions.filter((v) => !cache.has(key(v)));
  if (missing.length > 0) {
    const rows = await store.territories.holders(missing.map((v) => v.id));
    const byId = new Map(missing.map((v) => [v.id, new Map<number, number | null>()]));
    for (const r of rows) byId.get(r.id)?.set(r.mahalla, r.inspector);
    for (const v of missing) cache.set(key(v), byId.get(v.id) ?? new Map<number, number | null>());
  }
  return versions.map((v) => cache.get(key(v)) ?? new Map<number, number | null>());
}

/** A number per store, so keys of two stores over one database (tests) never meet. */
const serials = new WeakMap<UserStore, number>();
let lastSerial = 0;
function storeSerial(store: UserStore): number {
  let n = serials.get(store);
  if (n === undefined) serials.set(store, (n = ++lastSerial));
  return n;
}

/** The last few assignments built, per database and store (a handful of periods are in use at any time). */
const RECENT = 8;
const built = new WeakMap<Db, WeakMap<UserStore, Map<string, Promise<Assignment>>>>();

function recent(db: Db, store: UserStore): Map<string, Promise<Assignment>> {
  let stores = built.get(db);
  if (!stores) built.set(db, (stores = new WeakMap<UserStore, Map<string, Promise<Assignment>>>()));
  let cache = stores.get(store);
  if (!cache) stores.set(store, (cache = new Map<string, Promise<Assignment>>()));
  return cache;
}

async function build(
  db: Db,
  store: UserStore,
  cols: MahallaColumns,
  picked: ReadonlyMap<string, ApprovedTerritory | null>,
  key: string,
): Promise<Assignment> {
  const districtOf = (m: number): string | undefined => cols.district[cols.index.get(m) ?? -1];
  const inspectorOf = new Map<number, number>();
  const base = await baseline(db);
  base.mahalla.forEach((m, k) => {
    const d = districtOf(m);
    if (d !== undefined && picked.get(d) === null) inspectorOf.set(m, base.inspector[k] ?? 0);
  });
  const versions = [...picked.values()].filter((v) => v !== null);
  (await contentsOf(store, versions)).forEach((content, k) => {
    const district = versions[k]?.district;
    // A mahalla another district now holds (after a rebuild on other boundaries) is not this version's to give.
    for (const [m, i] of content) if (i !== null && districtOf(m) === district) inspectorOf.set(m, i);
  });
  return {
    key,
    inspectorOf,
    versionOf: new Map([...picked].map(([d, v]) => [d, v?.id ?? null])),
  };
}

/**
 * Who covers each mahalla on `day` (YYYY-MM-DD): the one function every page reads territories through.
 * @example (await assignmentOn(db, store, '2024-03-31')).inspectorOf.get(2) // 1, or undefined once a vacant post has it
 */
export async function assignmentOn(db: Db, store: UserStore, day: string): Promise<Assignment> {
  const [byDistrict, cols, base] = await Promise.all([timeline(store), mahallaColumns(db), baseline(db)]);
  const picked = new Map(base.districts.map((d) => [d, pickInForce(byDistrict.get(d) ?? [], day)]));
  const key = `${dataEpoch(db)}:${storeSerial(store)}:${[...picked.values()].map((v) => (v ? `${v.id}.${v.version}` : 'b')).join(',')}`;
  const cache = recent(db, store);
  let hit = cache.get(key);
  if (hit) {
    // Most recently used last: the first entry is the one to drop.
    cache.delete(key);
    cache.set(key, hit);
    return within(hit);
  }
  hit = shared(() => build(db, store, cols, picked, key));
  hit.catch(() => cache.delete(key));
  cache.set(key, hit);
  if (cache.size > RECENT) cache.delete(cache.keys().next().value ?? key);
  return within(hit);
}

/** The reference "today" of pages without a period (the map's polygons, outlines, an inspector's own area). */
export async function referenceDay(db: Db): Promise<string> {
  return (await dataPeriod(db)).end;
}

/**
 * The mahallas an inspector covers in an assignment, ascending.
 * @example territoryOf(a, 1) // [1, 2]
 */
export function territoryOf(a: Assignment, inspector: number): number[] {
  const out: number[] = [];
  for (const [m, i] of a.inspectorOf) if (i === inspector) out.push(m);
  return out.sort((x, y) => x - y);
}

/**
 * Caches what is derived from a plan in force (workloads, outlines) per database and plan, for the last few plans:
 * a new approval or another period's plan builds once, then is reused.
 * @example const staffOf = perAssignment(async (db, a) => build(db, a)); await staffOf(db, await assignmentOn(db, store, day))
 */
export function perAssignment<T>(
  load: (db: Db, a: Assignment) => Promise<T>,
  size = RECENT,
): (db: Db, a: Assignment) => Promise<T> {
  const caches = new WeakMap<Db, Map<string, Promise<T>>>();
  return (db, a) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map<string, Promise<T>>()));
    let hit = cache.get(a.key);
    if (hit) {
      cache.delete(a.key);
    } else {
      hit = shared(() => load(db, a));
      const mine = cache;
      hit.catch(() => mine.delete(a.key));
    }
    cache.set(a.key, hit);
    if (cache.size > size) cache.delete(cache.keys().next().value ?? a.key);
    return within(hit);
  };
}
