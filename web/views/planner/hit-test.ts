// Which mahallas a brush stroke or a lasso touches, as pure functions over flat screen coordinates (pixels, x right,
// y down): a brush is a circle of radius r swept along a segment (a capsule, so a fast drag misses nothing between two
// pointer events), tested against each mahalla's projected polygon; a lasso takes the mahallas whose representative
// point is inside the freehand polygon (even–odd rule).

/**
 * Projected shapes, one per mahalla (by model index): shape s has rings ringOf[s] … ringOf[s+1]; ring k has points
 * start[k] … start[k+1] of xy (x, y interleaved). box holds each shape's [minX, minY, maxX, maxY].
 */
export interface Shapes {
  xy: Float64Array;
  start: Int32Array;
  ringOf: Int32Array;
  box: Float64Array;
}

/** Polygon or MultiPolygon coordinates in lon/lat degrees; null for a mahalla without a boundary. */
export type Rings = ReadonlyArray<ReadonlyArray<readonly number[]>>;
export type ShapeCoords = ReadonlyArray<Rings> | null;

/**
 * Flattens shapes (each a list of polygons, each a list of rings of [lon, lat]) through `project` (lon, lat → pixels).
 * @example
 * const s = projectShapes([[[[0, 0], [1, 0], [1, 1], [0, 0]]]], (lon, lat) => [lon * 10, lat * 10]);
 * s.box // Float64Array [0, 0, 10, 10]
 */
export function projectShapes(
  shapes: readonly ShapeCoords[],
  project: (lon: number, lat: number) => readonly [number, number],
): Shapes {
  let points = 0,
    rings = 0;
  for (const s of shapes)
    for (const poly of s ?? [])
      for (const ring of poly) {
        rings++;
        points += ring.length;
      }
  const xy = new Float64Array(points * 2);
  const start = new Int32Array(rings + 1);
  const ringOf = new Int32Array(shapes.length + 1);
  const box = new Float64Array(shapes.length * 4);
  let p = 0,
    k = 0;
  shapes.forEach((s, i) => {
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const poly of s ?? [])
      for (const ring of poly) {
        for (const c of ring) {
          const [x, y] = project(c[0]!, c[1]!);
          xy[2 * p] = x;
          xy[2 * p + 1] = y;
          p++;
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
        start[++k] = p;
      }
    ringOf[i + 1] = k;
    box.set([x0, y0, x1, y1], 4 * i);
  });
  return { xy, start, ringOf, box };
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). @example dist2ToSegment(0, 1, -1, 0, 1, 0) // 1 */
export function dist2ToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  const ex = ax + t * dx - px,
    ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

const cross = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Whether segments a–b and c–d cross or touch. @example segmentsMeet(0, 0, 2, 2, 0, 2, 2, 0) // true */
export function segmentsMeet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = cross(cx, cy, dx, dy, ax, ay),
    d2 = cross(cx, cy, dx, dy, bx, by);
  const d3 = cross(ax, ay, bx, by, cx, cy),
    d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Collinear or touching cases: an endpoint lies on the other segment.
  return (
    dist2ToSegment(ax, ay, cx, cy, dx, dy) === 0 ||
    dist2ToSegment(bx, by, cx, cy, dx, dy) === 0 ||
    dist2ToSegment(cx, cy, ax, ay, bx, by) === 0 ||
    dist2ToSegment(dx, dy, ax, ay, bx, by) === 0
  );
}

/**
 * Whether (x, y) is inside the ring of points xy[2·from] … xy[2·to) (closed or not), by the even–odd rule.
 * @example inRing(Float64Array.of(0, 0, 4, 0, 4, 4, 0, 4), 0, 4, 1, 1) // true
 */
export function inRing(xy: ArrayLike<number>, from: number, to: number, x: number, y: number): boolean {
  let inside = false;
  for (let i = from, j = to - 1; i < to; j = i++) {
    const xi = xy[2 * i]!,
      yi = xy[2 * i + 1]!,
      xj = xy[2 * j]!,
      yj = xy[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether (x, y) is inside shape s: inside an odd number of its rings (outer rings and holes alike). */
function inShape(s: Shapes, i: number, x: number, y: number): boolean {
  let inside = false;
  for (let k = s.ringOf[i]!; k < s.ringOf[i + 1]!; k++)
    if (inRing(s.xy, s.start[k]!, s.start[k + 1]!, x, y)) inside = !inside;
  return inside;
}

/**
 * The shapes a brush of radius r (pixels) touches when swept from (x0, y0) to (x1, y1); a still brush has x0 = x1,
 * y0 = y1. A shape is touched when the swept segment comes within r of its boundary or lies inside it.
 * @example
 * // squares at x 0–10 and 20–30: a brush at x 15 is 5 px from each
 * brushHits(squares, 15, 5, 15, 5, 4) // []
 * brushHits(squares, 15, 5, 15, 5, 5) // [0, 1]
 */
export function brushHits(s: Shapes, x0: number, y0: number, x1: number, y1: number, r: number): number[] {
  const hits: number[] = [];
  const r2 = r * r;
  const n = s.ringOf.length - 1;
  const lx = Math.min(x0, x1) - r,
    hx = Math.max(x0, x1) + r,
    ly = Math.min(y0, y1) - r,
    hy = Math.max(y0, y1) + r;
  for (let i = 0; i < n; i++) {
    const b = 4 * i;
    if (s.box[b]! > hx || s.box[b + 2]! < lx || s.box[b + 1]! > hy || s.box[b + 3]! < ly) continue;
    if (inShape(s, i, x0, y0) || touches(s, i, x0, y0, x1, y1, r2)) hits.push(i);
  }
  return hits;
}

/** Whether segment (x0, y0)–(x1, y1) comes within √r2 of an edge of shape i (or crosses one). */
function touches(s: Shapes, i: number, x0: number, y0: number, x1: number, y1: number, r2: number): boolean {
  const { xy, start } = s;
  for (let k = s.ringOf[i]!; k < s.ringOf[i + 1]!; k++) {
    const from = start[k]!,
      to = start[k + 1]!;
    for (let a = from, b = to - 1; a < to; b = a++) {
      const ax = xy[2 * a]!,
        ay = xy[2 * a + 1]!,
        bx = xy[2 * b]!,
        by = xy[2 * b + 1]!;
      if (
        dist2ToSegment(ax, ay, x0, y0, x1, y1) <= r2 ||
        dist2ToSegment(x0, y0, ax, ay, bx, by) <= r2 ||
        dist2ToSegment(x1, y1, ax, ay, bx, by) <= r2 ||
        segmentsMeet(x0, y0, x1, y1, ax, ay, bx, by)
      )
        return true;
    }
  }
  return false;
}

/**
 * The points (x, y interleaved, one per mahalla) inside the lasso's freehand polygon (x, y interleaved, closed
 * implicitly); fewer than three lasso points select nothing.
 * @example lassoHits(Float64Array.of(1, 1, 9, 9), Float64Array.of(0, 0, 5, 0, 5, 5, 0, 5)) // [0]
 */
export function lassoHits(points: ArrayLike<number>, lasso: ArrayLike<number>): number[] {
  const corners = Math.floor(lasso.length / 2);
  if (corners < 3) return [];
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let k = 0; k < corners; k++) {
    x0 = Math.min(x0, lasso[2 * k]!);
    x1 = Math.max(x1, lasso[2 * k]!);
    y0 = Math.min(y0, lasso[2 * k + 1]!);
    y1 = Math.max(y1, lasso[2 * k + 1]!);
  }
  const hits: number[] = [];
  for (let m = 0; m < points.length / 2; m++) {
    const x = points[2 * m]!,
      y = points[2 * m + 1]!;
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && inRing(lasso, 0, corners, x, y)) hits.push(m);
  }
  return hits;
}

/**
 * A GeoJSON geometry as a list of polygons (a Polygon is one); anything else (a point, a line, none) has no area.
 * @example asPolygons({ type: 'Polygon', coordinates: [ring] }) // [[ring]]
 */
export function asPolygons(g: { type: string; coordinates?: unknown } | null | undefined): ShapeCoords {
  if (g?.type === 'Polygon') return [g.coordinates as Rings];
  if (g?.type === 'MultiPolygon') return g.coordinates as ReadonlyArray<Rings>;
  return null;
}
