// The weekly counts (data/schema.sql *_weeks) held in memory as typed columns, once per data generation: an emerging
// ask with filters nobody asked before read ≈ 1.4 M grouped rows out of 7.2 M stored ones nationally through SQL
// (0.3–0.7 s of GROUP BY and copying); one pass over these columns with the filter as a lookup table is ≈ 30–60 ms.
import type { Db } from './database.ts';
import { WEEK_TABLES } from './aggregates.ts';
import { perDb } from './per-db.ts';
import type { RecordSource } from '../contract/catalog.ts';

/** The weekly rows ordered by week: rows of week `first + j` are at [starts[j], starts[j + 1]). */
export interface WeekColumns {
  /** Week number of the first stored week: days from 1970-01-04 (a Sunday) to its first day, over 7. */
  first: number;
  starts: Int32Array;
  id: Int32Array;
  /** The two filter codes of the row in one: the first filter's ENUM code | the second's << FILTER_BITS. */
  code: Uint16Array;
  n: Int32Array;
}

/** Bits of one filter's ENUM code in `code` (every filter has fewer than 32 codes). */
export const FILTER_BITS = 5;

/** The two filter columns of each weekly table, in the order of their masks (record-filter.ts). */
const FILTER_COLUMNS = {
  incidents: ['category', 'status'],
  applications: ['registry', 'received_by'],
} as const satisfies Record<RecordSource, readonly [string, string]>;

const DAY_MS = 86_400_000;

/**
 * Week number (as WeekColumns.first) of the week holding an ISO day, weeks from Sunday to Saturday.
 * @example weekNumber('1970-01-04'); // 0
 * @example weekNumber('1970-01-10'); // 0 (the Saturday of that week)
 */
export function weekNumber(day: string): number {
  return Math.floor((Date.parse(`${day}T00:00:00Z`) / DAY_MS - 3) / 7);
}

async function load(db: Db, source: RecordSource): Promise<WeekColumns> {
  const [a, b] = FILTER_COLUMNS[source];
  const rows = await db.ints<'w' | 'id' | 'code' | 'n'>(
    `SELECT (date_diff('day', DATE '1970-01-04', week) // 7)::INTEGER AS w, mahalla_id AS id,
            (enum_code(${a})::INTEGER | (enum_code(${b})::INTEGER << ${FILTER_BITS}))::INTEGER AS code, n
     FROM ${WEEK_TABLES[source]} ORDER BY w`,
  );
  return weekColumnsOf(rows.w, rows.id, rows.code, rows.n);
}

/**
 * WeekColumns of rows already ordered by week number `w`.
 * @example weekColumnsOf(new Int32Array([5, 5, 7]), ids, codes, ns).starts; // Int32Array [0, 2, 2, 3]
 */
export function weekColumnsOf(w: Int32Array, id: Int32Array, code: Int32Array, n: Int32Array): WeekColumns {
  const m = w.length;
  const first = m > 0 ? w[0]! : 0;
  const weeks = m > 0 ? w[m - 1]! - first + 1 : 0;
  const starts = new Int32Array(weeks + 1);
  for (let r = 0; r < m; r++) starts[w[r]! - first + 1]!++;
  for (let j = 0; j < weeks; j++) starts[j + 1]! += starts[j]!;
  return { first, starts, id, code: Uint16Array.from(code), n };
}

/** The incidents' and the applications' weekly columns, loaded on first use per data generation. */
const bySource = {
  incidents: perDb((db) => load(db, 'incidents')),
  applications: perDb((db) => load(db, 'applications')),
};

/** @example const cols = await weekColumns(db, 'incidents'); */
export const weekColumns = (db: Db, source: RecordSource): Promise<WeekColumns> => bySource[source](db);

/**
 * 1 for each `code` whose two filter codes are both selected by the masks (bit i = ENUM code i selected).
 * @example passTable(0b10, 0b1)[1 | (0 << FILTER_BITS)]; // 1: first code 1, second code 0
 */
export function passTable(maskA: number, maskB: number): Uint8Array {
  const pass = new Uint8Array(1 << (2 * FILTER_BITS));
  const all = 1 << FILTER_BITS;
  for (let b = 0; b < all; b++)
    for (let a = 0; a < all; a++) pass[a | (b << FILTER_BITS)] = (maskA >>> a) & 1 & (maskB >>> b);
  return pass;
}

/**
 * Records per mahalla and week of the rows passing `pass`, weeks `firstWeek` … `lastWeek` (week numbers), as grouped
 * rows: mahalla id, week index from firstWeek, count (as SELECT … GROUP BY would give them, in another order). One
 * pass over each week's rows, summing into a dense table by mahalla id.
 * @example weekCounts(cols, passTable(-1, -1), weekNumber('2023-11-05'), weekNumber('2026-10-25')); // { id, k, n }
 */
export function weekCounts(
  cols: WeekColumns,
  pass: Uint8Array,
  firstWeek: number,
  lastWeek: number,
): Record<'id' | 'k' | 'n', Int32Array> {
  const weeks = cols.starts.length - 1;
  const j0 = Math.max(0, firstWeek - cols.first),
    j1 = Math.min(weeks, lastWeek - cols.first + 1);
  const r0 = j0 < j1 ? cols.starts[j0]! : 0,
    r1 = j0 < j1 ? cols.starts[j1]! : 0;
  let maxId = 0;
  for (let r = r0; r < r1; r++) if (cols.id[r]! > maxId) maxId = cols.id[r]!;
  // Sums by mahalla id within a week; `seen` lists the ids touched, so emitting and clearing cost only those.
  const sum = new Int32Array(maxId + 1);
  const hit = new Uint8Array(maxId + 1);
  const seen = new Int32Array(Math.min(r1 - r0, maxId + 1));
  const cap = r1 - r0;
  let id = new Int32Array(cap),
    k = new Int32Array(cap),
    n = new Int32Array(cap);
  let m = 0;
  const { starts, code, id: rowId, n: rowN } = cols;
  for (let j = j0; j < j1; j++) {
    let touched = 0;
    for (let r = starts[j]!, end = starts[j + 1]!; r < end; r++) {
      if (pass[code[r]!] === 0) continue;
      const u = rowId[r]!;
      if (u < 0) continue;
      if (hit[u] === 0) {
        hit[u] = 1;
        seen[touched++] = u;
      }
      sum[u] = sum[u]! + rowN[r]!;
    }
    const bin = j + cols.first - firstWeek;
    for (let t = 0; t < touched; t++) {
      const u = seen[t]!;
      id[m] = u;
      k[m] = bin;
      n[m++] = sum[u]!;
      sum[u] = 0;
      hit[u] = 0;
    }
  }
  if (m < cap) {
    id = id.slice(0, m);
    k = k.slice(0, m);
    n = n.slice(0, m);
  }
  return { id, k, n };
}
