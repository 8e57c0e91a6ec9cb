// Point → polygon lookup for ingest: the grid built by grid-build.ts, queried point by point or in cache-friendly batches.
import type { FlatPolygons } from './flat-polygons.ts';
import { buildGrid } from './grid-build.ts';
import { GRID_DEFAULTS, WHOLE_CELL, type GridOptions, type PolygonIndexData } from './polygon-grid.ts';

export { GRID_DEFAULTS, pointInFlatPolygon, type GridOptions, type PolygonIndexData } from './polygon-grid.ts';

/**
 * Inputs shorter than this are looked up in input order: grouping pays only from here (at 16 Ki random points both
 * ran ≈ 5 M/s on the bench host; at 64 Ki grouped ran 5.4 M/s against 3.6, medians).
 */
export const JOIN_BATCH_MIN = 32_768;
/**
 * Points grouped per batch (2^20). Grouping by block keeps the grid's cells and edges in cache, but the batch's own
 * arrays (28 bytes a point: keys, sorted x and y, origin, answer) must stay near the cache too. On the 2-core bench
 * host, 10 M random points ran at 10.0–10.8 M/s in batches of 1 Mi, 8.9–9.9 in 256 Ki, 5.4–8.0 in 4 Mi and 4.7–5.1
 * as one batch of 10 M (medians of three runs of bench/spatial-join.ts).
 */
export const JOIN_BATCH = 1 << 20;
/** Batches are grouped by blocks of 2^BLOCK_SHIFT × 2^BLOCK_SHIFT top-level cells (8 × 8: near-sorted, cheap histogram). */
const BLOCK_SHIFT = 3;

/** One batch's working arrays, allocated once per locateMany call and reused by each of its batches. */
interface Scratch {
  /** Block key per point of the batch, in input order. */
  keys: Uint32Array;
  /** Per block key: its count, then its next free slot in xs, ys, idx. */
  next: Uint32Array;
  /** The batch's points grouped by block, and the input index each came from. */
  xs: Float64Array;
  ys: Float64Array;
  idx: Uint32Array;
}

/** Top-level cell of (x, y), or -1 outside the grid (NaN included). */
function cellOf(d: PolygonIndexData, x: number, y: number): number {
  if (!(x >= d.minX && x <= d.maxX && y >= d.minY && y <= d.maxY)) return -1;
  const ix = ((x - d.minX) * d.invW) | 0;
  const iy = ((y - d.minY) * d.invH) | 0;
  return (iy < d.ny ? iy : d.ny - 1) * d.nx + (ix < d.nx ? ix : d.nx - 1);
}

/** Ray-casts the candidates of the block at o; the first (lowest-index) polygon containing (x, y) wins. */
function scanCandidates(d: PolygonIndexData, o: number, x: number, y: number): number {
  const { ent, edges } = d;
  for (let e = o + 1, eEnd = o + 1 + 3 * ent[o]!; e < eEnd; e += 3) {
    const start = ent[e + 1]!;
    if (start === WHOLE_CELL) return ent[e]!;
    let inside = false;
    for (let k = 4 * start, kEnd = 4 * ent[e + 2]!; k < kEnd; k += 4) {
      const y0 = edges[k + 1]!;
      if (y >= y0 && y < edges[k + 2]! && x < edges[k]! + (y - y0) * edges[k + 3]!) inside = !inside;
    }
    if (inside) return ent[e]!;
  }
  return -1;
}

/** The polygon containing (x, y), or -1: the one hot kernel, which every lookup goes through. */
function locateIn(d: PolygonIndexData, x: number, y: number): number {
  const c = cellOf(d, x, y);
  if (c < 0) return -1;
  let word = d.cellWord[c]!;
  while (word <= -2) {
    const o = -2 - word;
    const head = d.ent[o]!;
    if (head >= 0) return scanCandidates(d, o, x, y);
    const f = 4 * (-1 - head),
      nx = d.ent[o + 1]!,
      ny = d.ent[o + 2]!; // a sub-grid: descend one level
    const ix = ((x - d.frames[f]!) * d.frames[f + 2]!) | 0;
    const iy = ((y - d.frames[f + 1]!) * d.frames[f + 3]!) | 0;
    word = d.ent[o + 3 + (iy < 0 ? 0 : iy < ny ? iy : ny - 1) * nx + (ix < 0 ? 0 : ix < nx ? ix : nx - 1)]!;
  }
  return word;
}

/**
 * Grid-accelerated point → polygon lookup over {@link FlatPolygons} (lon/lat degrees). Answers agree exactly with
 * {@link pointInFlatPolygon}: in a tessellation every point of the covered area, shared edges and vertices included,
 * lands in exactly one polygon (see the boundary rule in polygon-grid.ts).
 */
export class PolygonIndex {
  /** The grid as plain typed arrays. */
  readonly data: PolygonIndexData;

  /**
   * Builds the grid from polygons (≈0.8 s for 9,400 polygons of ~30 vertices).
   *
   * @example
   * const index = new PolygonIndex(flattenPolygons(mahallaGeometries));
   * index.locate(69.2401, 41.2995); // polygon index in the input array, or -1
   */
  constructor(source: FlatPolygons, options: GridOptions = {}) {
    this.data = buildGrid(source, { ...GRID_DEFAULTS, ...options });
  }

  /** Index of the polygon containing (lon, lat) in degrees, or -1. */
  locate(lon: number, lat: number): number {
    return locateIn(this.data, lon, lat);
  }

  /** Writes the polygon of points [start, end) into out (-1 where none), in input order; no allocation. */
  locateRange(lons: Float64Array, lats: Float64Array, out: Int32Array, start: number, end: number): void {
    const d = this.data;
    for (let i = start; i < end; i++) out[i] = locateIn(d, lons[i]!, lats[i]!);
  }

  /**
   * The ingest join: the polygon of every point (-1 where none), with exactly {@link locate}'s answers. Points are
   * taken `batch` at a time and grouped by grid block before lookup, so the grid stays in cache however the input is
   * ordered (10 M random points: ≈ 6 M/s in input order, ≈ 11 M/s in batches, one core).
   *
   * @example
   * index.locateMany(new Float64Array([69.24, 0]), new Float64Array([41.3, 0])); // Int32Array [412, -1]
   */
  locateMany(
    lons: Float64Array,
    lats: Float64Array,
    out = new Int32Array(lons.length),
    batch = JOIN_BATCH,
  ): Int32Array {
    if (lats.length !== lons.length || out.length < lons.length)
      throw new RangeError('lons, lats and out differ in length');
    if (!(batch >= 1)) throw new RangeError(`batch must be at least 1 (got ${batch})`);
    const n = lons.length;
    if (n < JOIN_BATCH_MIN) {
      this.locateRange(lons, lats, out, 0, n);
      return out;
    }
    const size = Math.min(n, Math.floor(batch));
    const d = this.data;
    const scratch: Scratch = {
      keys: new Uint32Array(size),
      next: new Uint32Array(((d.nx >> BLOCK_SHIFT) + 1) * ((d.ny >> BLOCK_SHIFT) + 1) + 1), // + 1: off the grid
      xs: new Float64Array(size),
      ys: new Float64Array(size),
      idx: new Uint32Array(size),
    };
    for (let start = 0; start < n; start += size)
      locateBatch(d, lons, lats, out, start, Math.min(n, start + size), scratch);
    return out;
  }
}

/** Looks up points [start, end) grouped by block: a counting sort by block key, then the lookups in sorted order. */
function locateBatch(
  d: PolygonIndexData,
  lons: Float64Array,
  lats: Float64Array,
  out: Int32Array,
  start: number,
  end: number,
  s: Scratch,
): void {
  const { keys, next, xs, ys, idx } = s;
  const bx = (d.nx >> BLOCK_SHIFT) + 1;
  const offGrid = next.length - 1;
  next.fill(0);
  for (let i = start; i < end; i++) {
    const c = cellOf(d, lons[i]!, lats[i]!);
    const iy = (c / d.nx) | 0;
    const key = c < 0 ? offGrid : (iy >> BLOCK_SHIFT) * bx + ((c - iy * d.nx) >> BLOCK_SHIFT);
    keys[i - start] = key;
    next[key]!++;
  }
  for (let key = 0, slot = 0; key < next.length; key++) {
    const count = next[key]!;
    next[key] = slot;
    slot += count;
  }
  for (let i = start; i < end; i++) {
    const k = next[keys[i - start]!]!++;
    xs[k] = lons[i]!;
    ys[k] = lats[i]!;
    idx[k] = i;
  }
  for (let k = 0, m = end - start; k < m; k++) out[idx[k]!] = locateIn(d, xs[k]!, ys[k]!);
}
