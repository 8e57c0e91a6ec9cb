// Which neighbours of a coverage may overlap: exact segment and point tests over typed arrays on the pairs whose boxes
// meet, the borders they share skipped; the caller measures the few pairs found (turf), instead of every pair.
import Flatbush from 'flatbush';
import { coverageEdges, type CoverageEdges } from './coverage-edges.ts';
import type { FlatPolygons } from './flat-polygons.ts';

/** Whether segments a–b and c–d cross at one point inside both (touching, collinear and shared ends are not). */
function crossProperly(c: Float64Array, a: number, b: number, p: number, q: number): boolean {
  const ax = c[2 * a]!,
    ay = c[2 * a + 1]!,
    bx = c[2 * b]!,
    by = c[2 * b + 1]!;
  const px = c[2 * p]!,
    py = c[2 * p + 1]!,
    qx = c[2 * q]!,
    qy = c[2 * q + 1]!;
  const d1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const d2 = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
  const d3 = (qx - px) * (ay - py) - (qy - py) * (ax - px);
  const d4 = (qx - px) * (by - py) - (qy - py) * (bx - px);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Edges of polygon p whose box meets [x0, x1] × [y0, y1]. */
function edgesIn(flat: FlatPolygons, g: CoverageEdges, p: number, box: readonly number[]): number[] {
  const c = flat.coords;
  const [x0, y0, x1, y1] = box as [number, number, number, number];
  const out: number[] = [];
  for (let e = g.polyEdgeStart[p]!; e < g.polyEdgeStart[p + 1]!; e++) {
    const a = g.from[e]!;
    const b = g.to[e]!;
    if (Math.max(c[2 * a]!, c[2 * b]!) < x0 || Math.min(c[2 * a]!, c[2 * b]!) > x1) continue;
    if (Math.max(c[2 * a + 1]!, c[2 * b + 1]!) < y0 || Math.min(c[2 * a + 1]!, c[2 * b + 1]!) > y1) continue;
    out.push(e);
  }
  return out;
}

/** Where along an edge its inner test point lies: not the middle, where the vertex of a split neighbour often is. */
const ALONG = (Math.sqrt(5) - 1) / 2;

/**
 * Whether (x, y) lies inside polygon p (even-odd over its rings) and not on its border (within rounding: 1e-12 of
 * an edge's length squared, relative).
 */
function strictlyInside(flat: FlatPolygons, p: number, x: number, y: number): boolean {
  const c = flat.coords;
  let inside = false;
  for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
    const start = flat.ringStart[r]!;
    const end = flat.ringStart[r + 1]!;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const x0 = c[2 * j]!,
        y0 = c[2 * j + 1]!,
        x1 = c[2 * i]!,
        y1 = c[2 * i + 1]!;
      const ex = x1 - x0,
        ey = y1 - y0;
      const cross = ex * (y - y0) - ey * (x - x0);
      if (
        cross * cross <= 1e-24 * (ex * ex + ey * ey) * (ex * ex + ey * ey) &&
        (x - x0) * (x - x1) <= 0 &&
        (y - y0) * (y - y1) <= 0
      )
        return false;
      if (y0 > y !== y1 > y && x < x0 + ((y - y0) * ex) / ey) inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether some point of `mine` (edges of polygon `self`) lies inside polygon `other` off its boundary: a vertex
 * that is not one of `other`'s, or a point along an edge `other` does not share; or whether both walk an edge the
 * same way (both lie on its left: they overlap).
 */
function entersOther(
  flat: FlatPolygons,
  g: CoverageEdges,
  mine: readonly number[],
  other: number,
  otherVertex: Int32Array,
): boolean {
  const c = flat.coords;
  for (const e of mine) {
    const a = g.from[e]!;
    const b = g.to[e]!;
    if (g.repeated[e]! & 1 && ownsEdge(g, other, g.key[e]!)) return true;
    if (otherVertex[g.vid[a]!] !== other && strictlyInside(flat, other, c[2 * a]!, c[2 * a + 1]!)) return true;
    // A border shared with `other`: every point of it is on other's border.
    if (g.twin[e] === other || (g.repeated[e]! & 2 && ownsEdge(g, other, g.back[e]!))) continue;
    const x = c[2 * a]! + ALONG * (c[2 * b]! - c[2 * a]!);
    if (strictlyInside(flat, other, x, c[2 * a + 1]! + ALONG * (c[2 * b + 1]! - c[2 * a + 1]!))) return true;
  }
  return false;
}

/** Whether polygon p has an edge of key id `key` (a scan of its edges: only for the rare repeated keys). */
function ownsEdge(g: CoverageEdges, p: number, key: number): boolean {
  for (let e = g.polyEdgeStart[p]!; e < g.polyEdgeStart[p + 1]!; e++) if (g.key[e] === key) return true;
  return false;
}

/**
 * Pairs of polygons (i < j, in order) whose interiors may overlap: their borders cross, or a point of one lies inside
 * the other off its border, or both lie on the same side of an edge they share. Every pair with an overlap of
 * positive area is among them; a pair that only touches (a shared border, a corner, a vertex on the other's edge) is
 * not, except where rounding puts a point on the border inside (the caller measures the overlap exactly).
 *
 * @example
 * // Two unit squares side by side share an edge; a third one shifted by half overlaps both.
 * overlapPairs(flattenPolygons([sq(0, 0), sq(1, 0), sq(0.5, 0)])); // [[0, 2], [1, 2]]
 */
export function overlapPairs(flat: FlatPolygons, edges = coverageEdges(flat)): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  if (flat.count < 2) return pairs;
  const boxes = new Flatbush(flat.count);
  const b = flat.bbox;
  for (let p = 0; p < flat.count; p++) boxes.add(b[4 * p]!, b[4 * p + 1]!, b[4 * p + 2], b[4 * p + 3]);
  boxes.finish();
  const c = flat.coords;
  // vertexOf[id] = the last polygon marked as having that vertex (marked afresh for each i and each j).
  const vertexOfI = new Int32Array(edges.vertices).fill(-1);
  const vertexOfJ = new Int32Array(edges.vertices).fill(-1);
  const mark = (into: Int32Array, p: number): void => {
    for (let e = edges.polyEdgeStart[p]!; e < edges.polyEdgeStart[p + 1]!; e++) into[edges.vid[edges.from[e]!]!] = p;
  };
  for (let i = 0; i < flat.count; i++) {
    if (!(b[4 * i]! <= b[4 * i + 2]!)) continue;
    mark(vertexOfI, i);
    const near = boxes.search(b[4 * i]!, b[4 * i + 1]!, b[4 * i + 2]!, b[4 * i + 3]!).sort((x, y) => x - y);
    for (const j of near) {
      if (j <= i) continue;
      const box = [
        Math.max(b[4 * i]!, b[4 * j]!),
        Math.max(b[4 * i + 1]!, b[4 * j + 1]!),
        Math.min(b[4 * i + 2]!, b[4 * j + 2]!),
        Math.min(b[4 * i + 3]!, b[4 * j + 3]!),
      ];
      const ei = edgesIn(flat, edges, i, box);
      const ej = edgesIn(flat, edges, j, box);
      let hit = false;
      for (let x = 0; x < ei.length && !hit; x++) {
        const a = edges.from[ei[x]!]!,
          a2 = edges.to[ei[x]!]!;
        for (const f of ej) if (crossProperly(c, a, a2, edges.from[f]!, edges.to[f]!)) hit = true;
      }
      if (!hit) {
        mark(vertexOfJ, j);
        hit = entersOther(flat, edges, ej, i, vertexOfI) || entersOther(flat, edges, ei, j, vertexOfJ);
      }
      if (hit) pairs.push([i, j]);
    }
  }
  return pairs;
}
