// Every record per mahalla and day, unfiltered, held in memory as running sums once per data generation: the map's
// figures, its hot spots, its time line and the coverage page count a period's records per mahalla with no category or
// registry filter (every default view, and every view of 50 people at desks under load), which through SQL was a
// scan and GROUP BY of ≈ 1–2 M national records per ask (15–100 ms, two at a time on two cores). Here any period of
// any area is two reads per mahalla. ≈ 41 MB per record kind nationally (9,400 mahallas × 3 years), read in ≈ 0.5 s.
import type { RecordSource } from '../contract/catalog.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { daysBetween, type Period } from '../shared/period.ts';
import { dayCounts, windowSum, type DayCounts } from '../stats/day-counts.ts';
import type { Db } from './database.ts';
import { perDb } from './per-db.ts';

export interface DaySums {
  /** the ISO day of day index 0 (the first day with a record) */
  origin: string;
  /**
   * Units are the mahallas in `mahallaColumns` order, then one more: the records of an id that is no mahalla (a map
   * over the whole database counts them, as its SQL did). Days from `origin`, through the last day with a record.
   */
  counts: DayCounts;
}

/** Where a count comes from: the day sums when they hold the ask (`auto`), or the records (the tests' reference). */
export type CountSource = 'auto' | 'records';

/** The time column of each record kind. */
const TIME = { incidents: 'ts', applications: 'received_at' } as const satisfies Record<RecordSource, string>;

async function load(db: Db, source: RecordSource): Promise<DaySums> {
  const m = await mahallaColumns(db);
  const time = TIME[source];
  // One (mahalla, day) pair per record, counted here: reading 10 M pairs costs ≈ 0.3 s, grouping them in DuckDB first
  // ≈ 1.5 s (as server/services/cooperation/day-aggregates.ts measured). `ts::DATE` is the day the time windows of
  // server/selection/window.ts put a record in (a TIMESTAMP without zone, compared with midnights).
  const [span] = await db.all<{ origin: string | null; days: number | null }>(
    `SELECT strftime(min(${time})::DATE, '%Y-%m-%d') AS origin,
            (max(${time})::DATE - min(${time})::DATE + 1)::INTEGER AS days FROM ${source}`,
  );
  const origin = span?.origin ?? '1970-01-01';
  const days = span?.days ?? 0;
  const rows = await db.ints<'m' | 'd'>(
    `SELECT mahalla_id AS m, (${time}::DATE - $origin::DATE)::INTEGER AS d FROM ${source}`,
    { origin },
  );
  const units = m.id.length;
  // Ids are dense (1…n, data/build-db.ts), so an array maps the 10 M ids fastest; any other id is the last unit.
  const maxId = m.id.reduce((a, b) => Math.max(a, b), 0);
  const unitOfId = new Int32Array(maxId + 1).fill(units);
  m.id.forEach((id, u) => (unitOfId[id] = u));
  const unit = rows.m.map((id) => (id >= 0 && id <= maxId ? unitOfId[id]! : units));
  return { origin, counts: dayCounts(units + 1, 0, days, unit, rows.d) };
}

const bySource = {
  incidents: perDb((db) => load(db, 'incidents')),
  applications: perDb((db) => load(db, 'applications')),
};

/**
 * The day sums of one record kind, loaded on first use per data generation (an import that commits reloads them).
 * @example const s = await daySums(db, 'incidents'); periodPerMahalla(s, { from: '2026-08-03', to: '2026-10-31' })
 */
export const daySums = (db: Db, source: RecordSource): Promise<DaySums> => bySource[source](db);

/** Day indices of a period's first and last day. */
const span = (s: DaySums, p: Period): [from: number, to: number] => [
  daysBetween(s.origin, p.from),
  daysBetween(s.origin, p.to),
];

/**
 * Records per mahalla (`mahallaColumns` order) on the days of `p`, both ends included.
 * @example periodPerMahalla(await daySums(db, 'incidents'), { from: '2024-03-01', to: '2024-03-31' }) // Int32Array
 */
export function periodPerMahalla(s: DaySums, p: Period): Int32Array {
  const [from, to] = span(s, p);
  const out = new Int32Array(s.counts.units - 1);
  for (let u = 0; u < out.length; u++) out[u] = windowSum(s.counts, u, from, to);
  return out;
}

/**
 * Records in each of `weeks` weeks from the first day of `p` (week k from its k·7-th day, the last cut at `p.to`) of the
 * mahallas `keep` says are in the area (by index in `mahallaColumns` order), or of every record, those of no mahalla
 * included, when `keep` is null (the whole database, as the SQL without an area predicate counted).
 * @example weekTotals(s, { from: '2026-08-03', to: '2026-10-31' }, 13, null) // 13 counts
 */
export function weekTotals(s: DaySums, p: Period, weeks: number, keep: ((u: number) => boolean) | null): number[] {
  const [from, to] = span(s, p);
  const out = new Array<number>(weeks).fill(0);
  const units = s.counts.units;
  for (let u = 0; u < units; u++) {
    if (keep !== null && (u === units - 1 || !keep(u))) continue;
    for (let k = 0; k < weeks; k++) out[k]! += windowSum(s.counts, u, from + 7 * k, Math.min(to, from + 7 * k + 6));
  }
  return out;
}

/**
 * Whether the day sums answer a selection: it counts every record of its kind (no category, status, registry or
 * receiver filter; record-filter.ts leaves out a filter that selects everything) of an area, not of one mahalla.
 * @example heldByDaySums(await select(db, { from: '2026-08-03', to: '2026-10-31' })) // true
 */
export const heldByDaySums = (sel: { filter: { sql: string }; mahalla: number | null }): boolean =>
  sel.filter.sql === 'TRUE' && sel.mahalla === null;
