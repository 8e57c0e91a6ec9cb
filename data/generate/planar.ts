// Planar rings of the demo tessellation: types, signed area, point in ring, and a district indexed for clipping.
import Flatbush from 'flatbush';

/** A ring as flat planar coordinates [x0, y0, x1, y1, …] (km, local projection), open (no closing vertex). */
export type Ring = number[];
/** A polygon: exterior ring counter-clockwise first, then clockwise holes. */
export type PlanarPolygon = Ring[];

/** A district prepared for clipping: rings oriented with the interior on the left, plus a segment index. */
export interface DistrictIndex {
  /** All ring vertices, rings concatenated, no closing vertex. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Segment i runs from vertex i to vertex next[i] (the ring start after its last vertex). */
  readonly next: Int32Array;
  /** Ring of each vertex. */
  readonly ring: Int32Array;
  /** One box per segment. */
  readonly index: Flatbush;
  readonly bbox: readonly [number, number, number, number];
}

/** Signed area of a flat ring (positive when counter-clockwise). */
export function ringArea(r: Ring): number {
  let s = 0;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    s += (r[j] ?? 0) * (r[i + 1] ?? 0) - (r[i] ?? 0) * (r[j + 1] ?? 0);
  }
  return s / 2;
}

/** Flat ring with its vertex order reversed. */
export function reverseRing(r: Ring): Ring {
  const out: Ring = [];
  for (let i = r.length - 2; i >= 0; i -= 2) out.push(r[i] ?? 0, r[i + 1] ?? 0);
  return out;
}

/** Even-odd point-in-ring test. */
export function pointInRing(r: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const xi = r[i] ?? 0,
      yi = r[i + 1] ?? 0,
      xj = r[j] ?? 0,
      yj = r[j + 1] ?? 0;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  }
  return inside;
}

/**
 * Indexes district polygons given as planar rings (first ring of each polygon is the exterior).
 * Winding is normalised here: exteriors counter-clockwise, holes clockwise.
 * @example indexDistrict([[[0, 0, 1, 0, 1, 1, 0, 1]]])
 */
export function indexDistrict(polygons: PlanarPolygon[]): DistrictIndex {
  const rings: Ring[] = [];
  for (const poly of polygons) {
    poly.forEach((r, k) => rings.push(ringArea(r) > 0 === (k === 0) ? r : reverseRing(r)));
  }
  const n = rings.reduce((s, r) => s + r.length / 2, 0);
  const xs = new Float64Array(n),
    ys = new Float64Array(n);
  const next = new Int32Array(n),
    ring = new Int32Array(n);
  let v = 0;
  rings.forEach((r, ri) => {
    const start = v;
    for (let i = 0; i < r.length; i += 2, v++) {
      xs[v] = r[i] ?? 0;
      ys[v] = r[i + 1] ?? 0;
      ring[v] = ri;
      next[v] = i + 2 < r.length ? v + 1 : start;
    }
  });
  const index = new Flatbush(Math.max(1, n));
  for (let i = 0; i < n; i++) {
    const j = next[i] ?? 0;
    const ax = xs[i] ?? 0,
      ay = ys[i] ?? 0,
      bx = xs[j] ?? 0,
      by = ys[j] ?? 0;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { xs, ys, next, ring, index, bbox: [index.minX, index.minY, index.maxX, index.maxY] };
}

/** Even-odd test of a point against all district rings (a ray to +x, only through indexed segments). */
export function pointInDistrict(d: DistrictIndex, x: number, y: number): boolean {
  let inside = false;
  for (const i of d.index.search(x, y, d.bbox[2], y)) {
    const j = d.next[i] ?? 0;
    const xi = d.xs[i] ?? 0,
      yi = d.ys[i] ?? 0,
      xj = d.xs[j] ?? 0,
      yj = d.ys[j] ?? 0;
    if (yi > y !== yj > y && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  }
  return inside;
}
