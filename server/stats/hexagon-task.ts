// The hexagon answer's statistics and columns, on the statistics worker: the H3 study area is built there once and
// kept (≈ 76,000 cells and their k-ring weights nationally), each request sends only its counts, and the cells come
// back as packed typed arrays (server/shared/hexagon-columns.ts) instead of ≈ 2.5 MB of JSON made on the main thread.
import { h3KeyCell, h3KeyHalves } from '../geo/h3-bits.ts';
import { areaOf, studyAreaOf, type CellResidents, type StudyArea } from '../geo/h3-study-area.ts';
import type { HexagonColumns } from '../shared/hexagon-columns.ts';
import { neighbourhoodExcess, type TooFew } from './neighbourhood-excess.ts';

/** Study areas kept on this thread, by the caller's key (database, data generation, resolution); oldest out first. */
const kept = new Map<string, { area: StudyArea; res: number }>();
const KEEP = 6;

/** What the caller keeps of a study area: its cell keys (to place counts) and its residents. */
export interface StudyAreaSummary {
  /** h3CellKey of each cell, ascending */
  keys: Float64Array;
  residents: number;
}

/** What an area is kept from: the cells' residents (of the boundaries) and the cells that held a record. */
export interface StudyAreaInput {
  res: number;
  base: CellResidents;
  /** h3CellKey at `res` of every cell that holds a record */
  used: Float64Array;
}

/**
 * Builds the study area of `input` and keeps it under `key` for hexagonColumns.
 * @example keepStudyArea('db1|0|7', { res: 7, base, used }).keys.length // cells of the area
 */
export function keepStudyArea(key: string, input: StudyAreaInput): StudyAreaSummary {
  const area = studyAreaOf(input.base, input.used, input.res);
  if (kept.size >= KEEP) kept.delete(kept.keys().next().value ?? '');
  kept.set(key, { area, res: input.res });
  // A copy: the result's buffers are moved to the caller, the kept area must keep its own.
  return { keys: area.keys.slice(), residents: area.residents.reduce((a, b) => a + b, 0) };
}

/** The request's counts and which cells it returns (h3CellKey numbers). */
export interface HexagonCounts {
  /** ascending cell keys with records, and their records */
  key: Float64Array;
  n: Float64Array;
  /** null: every cell; else cells overlapping the chosen districts, and cells holding one of their records */
  outline: Float64Array | null;
  own: Float64Array | null;
}

export interface HexagonTally {
  hot: number;
  cold: number;
  units: number;
  lostToFdr: number;
  heldBack: number;
  /** records and residents of the study area (the test's N and its residents) */
  records: number;
  residents: number;
  tooFew: TooFew | null;
}

/**
 * x to 4 significant digits, as Number(x.toPrecision(4)) gives it but without making a string (≈ 76,000 a national
 * answer): the integer is scaled back by an exact power of ten, so the result is the double nearest the decimal.
 * @example fourDigits(0.000123456) // 0.0001235
 */
export function fourDigits(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const k = 3 - Math.floor(Math.log10(Math.abs(x)));
  return k >= 0 ? Math.round(x * 10 ** k) / 10 ** k : Math.round(x / 10 ** -k) * 10 ** -k;
}

/**
 * Counts placed on the area's cells by a merge of the two ascending key lists (no hashing of ≈ 74,000 doubles), and
 * the keys of counted cells the area lacks.
 * @example placeCounts(new Float64Array([1, 3]), { key: new Float64Array([3, 4]), n: new Float64Array([5, 6]) }) // { x: [0, 5], outside: [4] }
 */
export function placeCounts(
  keys: Float64Array,
  counted: { key: Float64Array; n: Float64Array },
): { x: Float64Array; outside: number[] } {
  const x = new Float64Array(keys.length);
  const outside: number[] = [];
  let j = 0;
  counted.key.forEach((key, k) => {
    while (j < keys.length && keys[j]! < key) j++;
    if (keys[j] === key) x[j] = counted.n[k] ?? 0;
    else outside.push(key);
  });
  return { x, outside };
}

/**
 * The exact neighbourhood test over the kept study area `key` and the columns of the returned cells that hold a record
 * or a significant bin, with the tally over every returned cell; `missing` when this thread does not hold the area
 * (the worker restarted, or evicted it): the caller keeps it again and asks once more.
 * @example hexagonColumns('db1|0|7', counts, { fdr: true }).columns.count
 */
export function hexagonColumns(
  key: string,
  counts: HexagonCounts,
  opts: { fdr: boolean },
): { missing: true } | { missing: false; columns: HexagonColumns; tally: HexagonTally } {
  const hit = kept.get(key);
  if (!hit) return { missing: true };
  const base = hit.area;
  const first = placeCounts(base.keys, counts);
  // Only records outside the kept area (added since, or applications where no incident ever was) fall outside it;
  // they widen it for this request, with no residents of their own.
  const area =
    first.outside.length > 0
      ? areaOf(
          [...base.cells, ...first.outside.map((k) => h3KeyCell(k, hit.res))],
          hit.res,
          new Map(base.cells.map((c, i) => [c, base.residents[i]!])),
        )
      : base;
  const x = area === base ? first.x : placeCounts(area.keys, counts).x;
  const r = neighbourhoodExcess(x, area.share, area.w, opts);
  const outline = counts.outline ? new Set(counts.outline) : null;
  const own = counts.own ? new Set(counts.own) : null;
  const t = { hot: 0, cold: 0, units: 0, lostToFdr: 0, heldBack: 0 };
  const rows: number[] = [];
  for (let i = 0; i < area.keys.length; i++) {
    const k = area.keys[i]!;
    if (outline !== null && !outline.has(k) && own?.has(k) !== true) continue;
    const bin = r.bin[i]!;
    t.units++;
    if (bin > 0) t.hot++;
    if (bin < 0) t.cold++;
    t.lostToFdr += r.lostToFdr[i]!;
    t.heldBack += r.heldBack[i]!;
    if (x[i] !== 0 || bin !== 0) rows.push(i);
  }
  const n = rows.length;
  const columns: HexagonColumns = {
    hi: new Uint32Array(n),
    lo: new Uint32Array(n),
    count: new Uint32Array(n),
    z: new Float32Array(n),
    p: new Float64Array(n),
    bin: new Int8Array(n),
  };
  rows.forEach((i, j) => {
    const [lo, hi] = h3KeyHalves(area.keys[i]!, hit.res);
    columns.hi[j] = hi;
    columns.lo[j] = lo;
    columns.count[j] = x[i]!;
    columns.z[j] = Math.round(r.z[i]! * 1000) / 1000;
    columns.p[j] = fourDigits(r.p[i]!);
    columns.bin[j] = r.bin[i]!;
  });
  const residents = area.residents.reduce((a, b) => a + b, 0);
  return { missing: false, columns, tally: { ...t, records: r.records, residents, tooFew: r.tooFew } };
}
