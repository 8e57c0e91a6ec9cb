// Queen contiguity between polygons (who borders whom, and along how many metres), found from their edges alone, so
// neighbours whose common border is split at different vertices (mahallas of different districts) still pair up.
import Flatbush from 'flatbush';
import type { FlatPolygons } from './flat-polygons.ts';
import { segmentLengthM } from './metrics.ts';

/** Neighbour pairs, sorted by a then b (a < b): sharedM is the common border in metres, 0 when they only touch at points. */
export interface Adjacency {
  a: Int32Array;
  b: Int32Array;
  sharedM: Float64Array;
}

/** Edges as vertex pairs: edge e runs from vertex from[e] to vertex e (the previous vertex of its ring). */
function edgeTable(flat: FlatPolygons): { from: Uint32Array; poly: Int32Array } {
  const n = flat.coords.length / 2;
  const from = new Uint32Array(n);
  const poly = new Int32Array(n);
  for (let p = 0; p < flat.count; p++) {
    for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
      const s = flat.ringStart[r]!,
        e = flat.ringStart[r + 1]!;
      for (let i = s, j = e - 1; i < e; j = i++) {
        from[i] = j;
        poly[i] = p;
      }
    }
  }
  return { from, poly };
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by), in degrees. */
function pointSegmentDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** True when the segments properly cross (each one's endpoints strictly on both sides of the other). */
function crossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number): number =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return (
    side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 &&
    side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0
  );
}

/**
 * How segments (a, b) and (c, d) meet: metres of collinear overlap (> 0), 0 when they only touch or cross, -1 when they
 * stay more than tol apart. Overlap is measured along the longer segment, between the shorter one's endpoint projections.
 */
function contact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  tol: number,
): number {
  const len = Math.hypot(bx - ax, by - ay);
  if (len < Math.hypot(dx - cx, dy - cy)) return contact(cx, cy, dx, dy, ax, ay, bx, by, tol);
  if (len > tol) {
    const ux = (bx - ax) / len,
      uy = (by - ay) / len; // unit vector along the longer segment
    const offC = Math.abs((cx - ax) * uy - (cy - ay) * ux),
      offD = Math.abs((dx - ax) * uy - (dy - ay) * ux);
    if (offC <= tol && offD <= tol) {
      const tc = (cx - ax) * ux + (cy - ay) * uy,
        td = (dx - ax) * ux + (dy - ay) * uy;
      const lo = Math.max(0, Math.min(tc, td)),
        hi = Math.min(len, Math.max(tc, td));
      if (hi - lo > tol) return segmentLengthM(ax + lo * ux, ay + lo * uy, ax + hi * ux, ay + hi * uy);
    }
  }
  const gap = Math.min(
    pointSegmentDist(cx, cy, ax, ay, bx, by),
    pointSegmentDist(dx, dy, ax, ay, bx, by),
    pointSegmentDist(ax, ay, cx, cy, dx, dy),
    pointSegmentDist(bx, by, cx, cy, dx, dy),
  );
  return gap <= tol || crossing(ax, ay, bx, by, cx, cy, dx, dy) ? 0 : -1;
}

/**
 * Queen contiguity: every pair of polygons whose boundaries come within `toleranceDeg` of each other, with the length
 * of border they share (collinear stretches, wherever each side puts its vertices). Lon/lat degrees in, metres out.
 *
 * @example
 * const adj = computeAdjacency(flattenPolygons(squares3x3));
 * // corner square 0: rook neighbours 1 and 3 (sharedM ≈ side length), queen neighbour 4 (sharedM = 0)
 */
export function computeAdjacency(flat: FlatPolygons, toleranceDeg = 1e-7): Adjacency {
  const c = flat.coords;
  const { from, poly } = edgeTable(flat);
  const n = from.length;
  const tree = new Flatbush(Math.max(1, n));
  for (let e = 0; e < n; e++) {
    const ax = c[2 * from[e]!]!,
      ay = c[2 * from[e]! + 1]!,
      bx = c[2 * e]!,
      by = c[2 * e + 1]!;
    tree.add(
      Math.min(ax, bx) - toleranceDeg,
      Math.min(ay, by) - toleranceDeg,
      Math.max(ax, bx) + toleranceDeg,
      Math.max(ay, by) + toleranceDeg,
    );
  }
  if (n === 0) tree.add(0, 0, 0, 0);
  tree.finish();

  const pairIndex = new Map<number, number>();
  const pairs: Array<{ a: number; b: number; m: number }> = [];
  for (let e = 0; e < n; e++) {
    const p = poly[e]!;
    const ax = c[2 * from[e]!]!,
      ay = c[2 * from[e]! + 1]!,
      bx = c[2 * e]!,
      by = c[2 * e + 1]!;
    for (const f of tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      const q = poly[f]!;
      if (q <= p) continue; // each pair of polygons once, from its lower side
      const m = contact(ax, ay, bx, by, c[2 * from[f]!]!, c[2 * from[f]! + 1]!, c[2 * f]!, c[2 * f + 1]!, toleranceDeg);
      if (m < 0) continue;
      const key = p * flat.count + q;
      let k = pairIndex.get(key);
      if (k === undefined) pairIndex.set(key, (k = pairs.push({ a: p, b: q, m: 0 }) - 1));
      pairs[k]!.m += m;
    }
  }
  pairs.sort((u, v) => u.a - v.a || u.b - v.b);
  return {
    a: Int32Array.from(pairs, (x) => x.a),
    b: Int32Array.from(pairs, (x) => x.b),
    sharedM: Float64Array.from(pairs, (x) => x.m),
  };
}
