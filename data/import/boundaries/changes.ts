// Which parts of the map a boundary re-import changes: mahallas whose polygon is new, gone or different, as boxes, and
// the ids of those gone. A record outside every such box, in a mahalla that remains, keeps its mahalla untested: it
// lay in its own polygon (or in none) before, and only changed polygons can hold it now.
import type { FlatPolygons } from '../../../server/geo/flat-polygons.ts';

/** Polygons (flattened) with the mahalla id of each. */
export interface IdPolygons {
  flat: FlatPolygons;
  ids: Int32Array;
}

/** Where boundaries changed. */
export interface BoundaryChanges {
  /** minX, minY, maxX, maxY of every changed polygon, before and after (lon/lat degrees). */
  boxes: Float64Array;
  /**
   * Ids of mahallas that are gone: their records are all tested again, strays outside every box included (those go to
   * the nearest centre). A stray of a mahalla that remains stays where it is unless a changed polygon's box holds it.
   */
  ids: Int32Array;
  /** How many of the new polygons changed (added ones included) and how many old ones are gone. */
  changed: number;
  retired: number;
}

/** Whether polygon p of `a` and polygon q of `b` have the same rings, holes and coordinates, bit for bit. */
export function samePolygon(a: FlatPolygons, p: number, b: FlatPolygons, q: number): boolean {
  const ra = a.polyRingStart[p]!;
  const rb = b.polyRingStart[q]!;
  const rings = a.polyRingStart[p + 1]! - ra;
  if (rings !== b.polyRingStart[q + 1]! - rb) return false;
  for (let k = 0; k < rings; k++) {
    const sa = a.ringStart[ra + k]!;
    const sb = b.ringStart[rb + k]!;
    const n = a.ringStart[ra + k + 1]! - sa;
    if (n !== b.ringStart[rb + k + 1]! - sb || a.ringHole[ra + k] !== b.ringHole[rb + k]) return false;
    for (let i = 0; i < 2 * n; i++) if (a.coords[2 * sa + i] !== b.coords[2 * sb + i]) return false;
  }
  return true;
}

/**
 * Compares the boundaries in force with the new ones by mahalla id. `suspect` holds indices of new polygons to treat as
 * changed even when identical (those overlapping a neighbour: which of two overlapping polygons a point falls in
 * depends on their order).
 *
 * @example
 * const c = boundaryChanges(before, after, new Set());
 * c.changed; // 1 when one mahalla's polygon moved; c.boxes holds its old and new box
 */
export function boundaryChanges(before: IdPolygons, after: IdPolygons, suspect: ReadonlySet<number>): BoundaryChanges {
  const oldAt = new Map<number, number>();
  before.ids.forEach((id, p) => oldAt.set(id, p));
  const boxes: number[] = [];
  const ids: number[] = [];
  const box = (f: FlatPolygons, p: number): void => {
    if (f.bbox[4 * p]! <= f.bbox[4 * p + 2]!) boxes.push(...f.bbox.subarray(4 * p, 4 * p + 4));
  };
  let changed = 0;
  const kept = new Set<number>();
  after.ids.forEach((id, q) => {
    const p = oldAt.get(id);
    if (p !== undefined) kept.add(id);
    if (p !== undefined && !suspect.has(q) && samePolygon(before.flat, p, after.flat, q)) return;
    changed++;
    box(after.flat, q);
    if (p !== undefined) box(before.flat, p);
  });
  let retired = 0;
  before.ids.forEach((id, p) => {
    if (kept.has(id)) return;
    retired++;
    box(before.flat, p);
    ids.push(id);
  });
  return { boxes: Float64Array.from(boxes), ids: Int32Array.from(ids), changed, retired };
}

/** Side of the grid cells that stand for the changed boxes in SQL, in degrees (≈ 1 km). */
export const CELL_DEG = 0.01;

/**
 * The grid cells (key: column × 100,000 + row of floor(lon / CELL_DEG), floor(lat / CELL_DEG)) that the boxes touch,
 * sorted and distinct; null when there would be more than `limit` (then every record is tested).
 *
 * @example boxCells(new Float64Array([69.201, 41.301, 69.215, 41.305])) // [692004130, 692104130]
 */
export function boxCells(boxes: Float64Array, limit = 2_000_000): number[] | null {
  const keys = new Set<number>();
  for (let b = 0; b < boxes.length; b += 4) {
    const x0 = Math.floor(boxes[b]! / CELL_DEG);
    const y0 = Math.floor(boxes[b + 1]! / CELL_DEG);
    const x1 = Math.floor(boxes[b + 2]! / CELL_DEG);
    const y1 = Math.floor(boxes[b + 3]! / CELL_DEG);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) + keys.size > limit) return null;
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.add(x * 100_000 + y);
  }
  return [...keys].sort((a, b) => a - b);
}

/** The SQL expression of a record's cell key, matching {@link boxCells}. */
export const CELL_SQL = `(floor(lon / ${CELL_DEG})::BIGINT * 100000 + floor(lat / ${CELL_DEG})::BIGINT)`;
