// The hexagon answer's per-cell columns as they travel (packed typed arrays: server/shared/packed.ts) and as the JSON
// answer and the map read them (rows of cells, counts, z, p, bins). Isomorphic: the server packs, the web unpacks, and
// the JSON answer is made from the same columns, so both say the same.
import { splitLongToH3Index } from 'h3-js';
import { pack, unpack, type Column } from './packed.ts';

/** Per returned cell, in cell order: the H3 index as two 32-bit halves, and its figures. */
export interface HexagonColumns {
  /** upper and lower 32 bits of the H3 index */
  hi: Uint32Array<ArrayBuffer>;
  lo: Uint32Array<ArrayBuffer>;
  count: Uint32Array<ArrayBuffer>;
  /** z-equivalent of the exact p, rounded to 3 decimals before narrowing to 32 bits */
  z: Float32Array<ArrayBuffer>;
  /** two-sided exact p to 4 significant digits (64 bits: p falls far below what 32 bits hold) */
  p: Float64Array<ArrayBuffer>;
  /** −3…+3 */
  bin: Int8Array<ArrayBuffer>;
}

/** The same cells as the JSON answer writes them. */
export interface HexagonRows {
  /** h3-js hex strings */
  cells: string[];
  count: number[];
  z: number[];
  p: number[];
  bin: number[];
}

/**
 * z as the answer states it: to 3 decimals (undoes the 32-bit narrowing, exact for |z| < 8,000).
 * @example zOf(Math.fround(1.234)) // 1.234
 */
export const zOf = (z: number): number => Math.round(z * 1000) / 1000;

/**
 * The rows of the columns: hex strings of the cells, plain numbers.
 * @example hexagonRows(cols).cells[0] // '8720a192dffffff'
 */
export function hexagonRows(c: HexagonColumns): HexagonRows {
  const n = c.count.length;
  const rows: HexagonRows = { cells: new Array<string>(n), count: [], z: [], p: [], bin: [] };
  for (let i = 0; i < n; i++) {
    rows.cells[i] = splitLongToH3Index(c.lo[i]!, c.hi[i]!);
    rows.count.push(c.count[i]!);
    rows.z.push(zOf(c.z[i]!));
    rows.p.push(c.p[i]!);
    rows.bin.push(c.bin[i]!);
  }
  return rows;
}

/**
 * The binary answer: `meta` (everything but the cells) and the columns.
 * @example packHexagons({ params, counts }, cols) // Uint8Array for c.body
 */
export const packHexagons = <M>(meta: M, c: HexagonColumns): Uint8Array<ArrayBuffer> =>
  pack(meta, { ...c } satisfies Record<string, Column>);

/**
 * `meta` and the rows of a binary answer: what the JSON answer holds.
 * @example const h = unpackHexagons<Meta>(await res.arrayBuffer()); h.cells.length === h.count.length
 */
export function unpackHexagons<M>(buf: ArrayBuffer): M & HexagonRows {
  const { meta, columns } = unpack<M>(buf);
  return { ...meta, ...hexagonRows(columns as unknown as HexagonColumns) };
}
