// H3 indexes as 64-bit integers: the cell stored per point at ingest and its coarser parents derived by bit masks, so
// DuckDB can group points by any resolution without an H3 extension (none can be installed offline).
import { h3IndexToSplitLong, latLngToCell } from 'h3-js';

/** Resolution of the cell stored with every incident and application (≈ 0.1 km², ≈ 174 m edge). */
export const STORED_H3_RES = 9;

/** Bits 52–55 of an H3 index hold its resolution. */
const RES_SHIFT = 52n;
const RES_FIELD = 0xfn << RES_SHIFT;
const ALL_BITS = (1n << 64n) - 1n;

/** The masks that turn a finer cell into its parent at `res`: `parent = (cell & clear) | set`. */
export interface ParentMasks {
  /** Every bit except the resolution field. */
  clear: bigint;
  /** The new resolution, and 7 (binary 111, "unused") in each of the 15 − res digits below it. */
  set: bigint;
}

/**
 * Masks for the parent at `res` of any cell at resolution `res` or finer (H3 index layout: digit r occupies bits
 * 3·(15 − r) … 3·(15 − r) + 2; digits below the cell's resolution are 7). Pass them to SQL as decimal strings.
 * @example
 * const { clear, set } = h3ParentMasks(7);
 * ((0x8920a192dd3ffffn & clear) | set).toString(16); // '8720a192dffffff', as cellToParent('8920a192dd3ffff', 7)
 */
export function h3ParentMasks(res: number): ParentMasks {
  if (!Number.isInteger(res) || res < 0 || res > 15)
    throw new RangeError(`H3 resolution must be an integer 0–15, got ${res}`);
  const unusedDigits = (1n << BigInt(3 * (15 - res))) - 1n;
  return { clear: ALL_BITS & ~RES_FIELD, set: (BigInt(res) << RES_SHIFT) | unusedDigits };
}

/**
 * The parent of `cell` (a 64-bit H3 index at resolution ≥ res) at `res`, by the same masks SQL uses.
 * @example h3ParentBits(0x8920a192dd3ffffn, 7).toString(16) // '8720a192dffffff'
 */
export function h3ParentBits(cell: bigint, res: number): bigint {
  const { clear, set } = h3ParentMasks(res);
  return (cell & clear) | set;
}

/** H3 cells as two 32-bit halves each: DuckDB joins them into one UBIGINT as `(hi::UBIGINT << 32) | lo`. */
export interface H3Halves {
  hi: Uint32Array<ArrayBuffer>;
  lo: Uint32Array<ArrayBuffer>;
}

/**
 * The resolution-`res` cells of points as two 32-bit halves (DuckDB joins them: `(hi::UBIGINT << 32) | lo`), so no
 * BigInt is allocated per point. Coordinates are WGS84 degrees, lon and lat in separate arrays.
 * @example
 * const { hi, lo } = h3Halves(new Float64Array([69.28]), new Float64Array([41.3]), 9);
 * ((BigInt(hi[0]) << 32n) | BigInt(lo[0])).toString(16); // '8920a192dd3ffff'
 */
export function h3Halves(lons: ArrayLike<number>, lats: ArrayLike<number>, res = STORED_H3_RES): H3Halves {
  const n = lons.length;
  const hi = new Uint32Array(n),
    lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const [lower, upper] = h3IndexToSplitLong(latLngToCell(lats[i] ?? 0, lons[i] ?? 0, res));
    hi[i] = upper;
    lo[i] = lower;
  }
  return { hi, lo };
}

/**
 * One point's cell as a 64-bit integer (the UBIGINT stored in DuckDB), for small inserts such as test fixtures.
 * @example h3Bigint(69.28, 41.3).toString(16) // '8920a192dd3ffff'
 */
export function h3Bigint(lon: number, lat: number, res = STORED_H3_RES): bigint {
  return BigInt(`0x${latLngToCell(lat, lon, res)}`);
}

/** Low bits of a resolution-`res` cell that hold only unused digits (all ones), so dropping them loses nothing. */
export const h3UnusedBits = (res: number): number => 3 * (15 - res);

/**
 * A resolution-`res` cell as an exact JS number: its index shifted right past the unused digits (below 2^42 for
 * res ≤ 9), which SQL returns as a DOUBLE. Reading 70,000 of these is far cheaper than 70,000 hex strings.
 * @example h3CellKey('8720a192dffffff', 7) // 0x8720a192dffffffn >> 24n, as a number
 */
export function h3CellKey(cell: string, res: number): number {
  return Number(BigInt(`0x${cell}`) >> BigInt(h3UnusedBits(res)));
}

/**
 * The inverse of h3CellKey: the h3-js hex string of a key at `res`.
 * @example h3KeyCell(h3CellKey('8720a192dffffff', 7), 7) // '8720a192dffffff'
 */
export function h3KeyCell(key: number, res: number): string {
  const shift = BigInt(h3UnusedBits(res));
  return ((BigInt(key) << shift) | ((1n << shift) - 1n)).toString(16);
}

/**
 * The upper and lower 32 bits of the index of a key at `res` (5–9, whose unused digits span fewer than 32 bits), as
 * h3IndexToSplitLong gives them from the hex string, by arithmetic on the key alone: no string or BigInt per cell
 * (≈ 74,000 a national answer).
 * @example h3KeyHalves(h3CellKey('8720a192dffffff', 7), 7) // [0x2dffffff, 0x8720a19], as h3IndexToSplitLong('8720a192dffffff')
 */
export function h3KeyHalves(key: number, res: number): [lo: number, hi: number] {
  const shift = h3UnusedBits(res);
  if (shift >= 32) throw new RangeError(`h3KeyHalves needs resolution 5 or finer, got ${res}`);
  const lowBits = 2 ** (32 - shift);
  const hi = Math.floor(key / lowBits);
  const lo = (key - hi * lowBits) * 2 ** shift + (2 ** shift - 1);
  return [lo, hi];
}
