// Denser boundaries for benches, as cadastral layers have (≈ 50 vertices a mahalla instead of the demo's 7).
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Shape = Polygon | MultiPolygon;

/** The shape with `f` applied to each of its rings. */
export const mapShape = (g: Shape, f: (ring: Position[]) => Position[]): Shape =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(f) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(f)) };

/**
 * Cuts each edge of a ring into `pieces`, the inner points computed from the edge's endpoints in canonical order (and
 * moved by `shift`, if given, as a function of the point and the edge), so the two neighbours of a shared edge get the
 * same points and shared borders stay shared.
 * @example cutEdges([[0, 0], [2, 0], [0, 0]], 2) // [[0, 0], [1, 0], [2, 0], [1, 0], [0, 0]]
 */
export function cutEdges(
  ring: Position[],
  pieces: number,
  shift: (x: number, y: number, dx: number, dy: number) => Position = (x, y) => [x, y],
): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    out.push(a);
    const flip = a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
    const [p, q] = flip ? [b, a] : [a, b];
    const [dx, dy] = [q[0]! - p[0]!, q[1]! - p[1]!];
    const mid: Position[] = [];
    for (let s = 1; s < pieces; s++) mid.push(shift(p[0]! + (dx * s) / pieces, p[1]! + (dy * s) / pieces, dx, dy));
    out.push(...(flip ? mid.reverse() : mid));
  }
  out.push(ring[ring.length - 1]!);
  return out;
}
