// The weekly counts (data/schema.sql *_weeks) held in memory as typed columns, once per data generation: an emerging
// ask with filters nobody asked before read ≈ 1.4 M grouped rows out of 7.2 M stored ones nationally through SQL
// (0.2–0.7 s of GROUP BY and copying). Here the rows of each week are grouped by their filter codes, with each week's
// totals per mahalla beside them: a filter sums the runs it selects, or, selecting most rows, takes the totals less
// the runs it leaves out (a filter of all categories but one reads a twelfth of the rows).
import type { Db } from './database.ts';
import { WEEK_TABLES } from './aggregates.ts';
import { perDb } from './per-db.ts';
import type { RecordSource } from '../contract/catalog.ts';

/**
 * The weekly rows ordered by week and filter code. Week `first + j` has the runs [weekRuns[j], weekRuns[j + 1]); run
 * r holds rows [runStarts[r], runStarts[r + 1]), all of code runCode[r].
 */
export interface WeekColumns {
  /** Week number of the first stored week: days from 1970-01-04 (a Sunday) to its first day, over 7. */
  first: number;
  weekRuns: Int32Array;
  runStarts: Int32Array;
  /** The two filter codes of the run's rows in one: the first filter's ENUM code | the second's << FILTER_BITS. */
  runCode: Uint16Array;
  id: Int32Array;
  n: Int32Array;
  /** The largest mahalla id (the width of `totals`). */
  maxId: number;
  /** Records of every code per week and mahalla id: totals[j · (maxId + 1) + id]. */
  totals: Int32Array;
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
  // No ORDER BY: sorting 7.2 M rows by week and code took DuckDB two thirds of the load (≈ 3.3 s of 4.1 s on a busy
  // host, ≈ 1 s of the cold first emerging ask when quiet); weekColumnsOf groups them by counting instead.
  const rows = await db.ints<'w' | 'code' | 'id' | 'n'>(
    `SELECT (date_diff('day', DATE '1970-01-04', week) // 7)::INTEGER AS w,
            (enum_code(${a})::INTEGER | (enum_code(${b})::INTEGER << ${FILTER_BITS}))::INTEGER AS code, mahalla_id AS id, n
     FROM ${WEEK_TABLES[source]}`,
  );
  return weekColumnsOf(rows.w, rows.code, rows.id, rows.n);
}

/** Codes one run can have: both filters' ENUM codes side by side. */
const CODES = 1 << (2 * FILTER_BITS);

/**
 * WeekColumns of rows in any order (week number `w`, filter code, mahalla id, count), grouped by week, then code, by
 * one counting sort: a count per (week, code), their running sums as each run's start, then each row's id and count
 * placed at its run's next slot. Within a run rows keep their order; weekCounts only sums them, so any order would do.
 * @example weekColumnsOf(new Int32Array([7, 5, 5]), new Int32Array([1, 0, 1]), ids, ns).weekRuns; // [0, 2, 2, 3]
 */
export function weekColumnsOf(w: Int32Array, code: Int32Array, id: Int32Array, n: Int32Array): WeekColumns {
  const m = w.length;
  let first = m > 0 ? w[0]! : 0,
    last = first,
    maxId = 0;
  for (let r = 0; r < m; r++) {
    const c = code[r]!;
    if (!(c >= 0 && c < CODES)) throw new RangeError(`filter code ${c} out of 0…${CODES - 1}`);
    if (w[r]! < first) first = w[r]!;
    if (w[r]! > last) last = w[r]!;
    if (id[r]! > maxId) maxId = id[r]!;
  }
  const weeks = m > 0 ? last - first + 1 : 0;
  const width = maxId + 1;
  // at[key + 1] counts the rows of key = week index · CODES + code, then (running sums) at[key] is where they start.
  const at = new Int32Array(weeks * CODES + 1);
  const totals = new Int32Array(weeks * width);
  for (let r = 0; r < m; r++) {
    const j = w[r]! - first;
    at[j * CODES + code[r]! + 1]!++;
    if (id[r]! >= 0) totals[j * width + id[r]!]! += n[r]!;
  }
  const weekRuns = new Int32Array(weeks + 1);
  const starts: number[] = [],
    codes: number[] = [];
  for (let key = 0; key < weeks * CODES; key++) {
    const size = at[key + 1]!;
    at[key + 1] = at[key]! + size;
    if (size === 0) continue;
    starts.push(at[key]!);
    codes.push(key % CODES);
    weekRuns[Math.floor(key / CODES) + 1] = starts.length;
  }
  // A week without rows has no runs: its range starts where the previous week's ended.
  for (let j = 1; j <= weeks; j++) weekRuns[j] = Math.max(weekRuns[j]!, weekRuns[j - 1]!);
  starts.push(m);
  const sortedId = new Int32Array(m),
    sortedN = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const slot = at[(w[r]! - first) * CODES + code[r]!]!++;
    sortedId[slot] = id[r]!;
    sortedN[slot] = n[r]!;
  }
  return {
    first,
    weekRuns,
    runStarts: Int32Array.from(starts),
    runCode: Uint16Array.from(codes),
    id: sortedId,
    n: sortedN,
    maxId,
    totals,
  };
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
 * Week j's records per mahalla id of the rows passing `pass` (indexed by code), into `sum` (maxId + 1 wide, or
 * more): the runs that pass summed into zeros, or, when those hold more rows than the others, the week's totals less
 * the others. False, `sum` untouched, when no row of the week passes.
 */
function weekSumInto(cols: WeekColumns, pass: Uint8Array, j: number, sum: Int32Array): boolean {
  const { weekRuns, runStarts, runCode, id: rowId, n: rowN, totals } = cols;
  const width = cols.maxId + 1;
  let kept = 0,
    left = 0;
  for (let r = weekRuns[j]!; r < weekRuns[j + 1]!; r++) {
    const size = runStarts[r + 1]! - runStarts[r]!;
    if (pass[runCode[r]!] === 1) kept += size;
    else left += size;
  }
  if (kept === 0) return false;
  const fromTotals = left < kept;
  if (fromTotals) sum.set(totals.subarray(j * width, (j + 1) * width));
  else sum.fill(0);
  const sign = fromTotals ? -1 : 1;
  for (let r = weekRuns[j]!; r < weekRuns[j + 1]!; r++) {
    if ((pass[runCode[r]!] === 1) === fromTotals) continue;
    for (let i = runStarts[r]!, end = runStarts[r + 1]!; i < end; i++) {
      const u = rowId[i]!;
      if (u >= 0) sum[u] = sum[u]! + sign * rowN[i]!;
    }
  }
  return true;
}

/** Indices j of the stored weeks from week number `firstWeek` to `lastWeek`, both included: [j0, j1). */
function storedWeeks(cols: WeekColumns, firstWeek: number, lastWeek: number): [j0: number, j1: number] {
  const weeks = cols.weekRuns.length - 1;
  return [Math.max(0, firstWeek - cols.first), Math.min(weeks, lastWeek - cols.first + 1)];
}

/**
 * Records per mahalla and week of the rows passing `pass` (indexed by code), weeks `firstWeek` … `lastWeek` (week
 * numbers), as grouped rows: mahalla id, week index from firstWeek, count (as SELECT … GROUP BY would give them, in
 * another order), each week summed by weekSumInto.
 * @example weekCounts(cols, passTable(-1, -1), weekNumber('2023-11-05'), weekNumber('2026-10-25')); // { id, k, n }
 */
export function weekCounts(
  cols: WeekColumns,
  pass: Uint8Array,
  firstWeek: number,
  lastWeek: number,
): Record<'id' | 'k' | 'n', Int32Array> {
  const [j0, j1] = storedWeeks(cols, firstWeek, lastWeek);
  const width = cols.maxId + 1;
  const sum = new Int32Array(width);
  // At most one row per mahalla and week: ≈ 1.5 M nationally, not the 7.2 M stored rows.
  const cap = Math.max(0, j1 - j0) * width;
  const id = new Int32Array(cap),
    k = new Int32Array(cap),
    n = new Int32Array(cap);
  let m = 0;
  for (let j = j0; j < j1; j++) {
    if (!weekSumInto(cols, pass, j, sum)) continue;
    const bin = j + cols.first - firstWeek;
    for (let u = 0; u < width; u++) {
      const c = sum[u]!;
      if (c === 0) continue;
      id[m] = u;
      k[m] = bin;
      n[m++] = c;
    }
  }
  // Views of the first m rows: their buffers (moved to a worker whole) hold some unused rows at most.
  return { id: id.subarray(0, m), k: k.subarray(0, m), n: n.subarray(0, m) };
}

/**
 * The same counts as the bin-major cube the emerging statistics read (countCube of weekCounts' rows with byBin):
 * unit i (mahalla unitIds[i]) in week firstWeek + t at into[t · units + i], t < nBins, `into` holding zeros. Each
 * week's sums are read straight into its slice: no rows made, moved to a worker and scattered there (≈ 1.4 M
 * nationally, ≈ 25-40 ms of the emerging ask's wall clock before either worker could start its slices).
 * @example weekCubeInto(cols, passTable(-1, -1), weekNumber('2023-11-05'), 156, ids, new Float64Array(156 * n));
 */
export function weekCubeInto(
  cols: WeekColumns,
  pass: Uint8Array,
  firstWeek: number,
  nBins: number,
  unitIds: readonly number[],
  into: Float64Array,
): Float64Array {
  const [j0, j1] = storedWeeks(cols, firstWeek, firstWeek + nBins - 1);
  const width = cols.maxId + 1;
  // One entry past the ids, never written: a mahalla id beyond the stored ones (no records at all) reads its zero.
  const sum = new Int32Array(width + 1);
  const nUnits = unitIds.length;
  const slot = Int32Array.from(unitIds, (u) => (u >= 0 && u < width ? u : width));
  for (let j = j0; j < j1; j++) {
    if (!weekSumInto(cols, pass, j, sum)) continue;
    const at = (j + cols.first - firstWeek) * nUnits;
    for (let i = 0; i < nUnits; i++) into[at + i] = sum[slot[i]!]!;
  }
  return into;
}
