// The edges of a coverage (polygons meant to tile an area) as integer vertex pairs: a border two neighbours share is
// one edge walked both ways and cancels out. What is left bounds the union, so gaps come out as its clockwise rings;
// and the pairs that may overlap are found with exact segment and point tests, shared borders skipped.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { FlatPolygons } from './flat-polygons.ts';
import { vertexIds } from './vertex-ids.ts';

/** Directed edges, every ring turned so that its polygon lies on the left (outer rings anticlockwise, holes clockwise). */
export interface CoverageEdges {
  /** Start and end vertex (an index into FlatPolygons.coords / 2) of each edge. */
  from: Uint32Array;
  to: Uint32Array;
  /** Edges of polygon p are [polyEdgeStart[p], polyEdgeStart[p+1]). */
  polyEdgeStart: Uint32Array;
  /** The id of each vertex (equal ids: bit-equal coordinates) and how many ids there are. */
  vid: Int32Array;
  vertices: number;
  /** Directed edge key (from id × vertices + to id) → how many edges have it. */
  counts: Map<number, number>;
  /** Directed edge key → the first polygon having it. */
  owner: Map<number, number>;
}

/** Twice the signed area of ring r (positive: anticlockwise with y up). */
function ringArea2(flat: FlatPolygons, r: number): number {
  const c = flat.coords;
  let s = 0;
  for (let i = flat.ringStart[r]!, end = flat.ringStart[r + 1]!, j = end - 1; i < end; j = i++)
    s += (c[2 * j]! - c[2 * i]!) * (c[2 * j + 1]! + c[2 * i + 1]!);
  return s;
}

/**
 * The directed edges of every polygon, each ring oriented with its polygon on the left; zero-length edges dropped.
 * @example coverageEdges(flattenPolygons([square])).from.length // 4
 */
export function coverageEdges(flat: FlatPolygons): CoverageEdges {
  const { ids, count: vertices } = vertexIds(flat.coords);
  const n = flat.coords.length >> 1;
  const from = new Uint32Array(n);
  const to = new Uint32Array(n);
  const polyEdgeStart = new Uint32Array(flat.count + 1);
  const counts = new Map<number, number>();
  const owner = new Map<number, number>();
  let e = 0;
  for (let p = 0; p < flat.count; p++) {
    polyEdgeStart[p] = e;
    for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
      const start = flat.ringStart[r]!;
      const end = flat.ringStart[r + 1]!;
      const flip = ringArea2(flat, r) < 0 !== (flat.ringHole[r] === 1);
      for (let i = start; i < end; i++) {
        const j = i + 1 < end ? i + 1 : start;
        const [a, b] = flip ? [j, i] : [i, j];
        if (ids[a] === ids[b]) continue;
        from[e] = a;
        to[e] = b;
        e++;
        const key = ids[a]! * vertices + ids[b]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (!owner.has(key)) owner.set(key, p);
      }
    }
  }
  polyEdgeStart[flat.count] = e;
  return {
    from: from.slice(0, e),
    to: to.slice(0, e),
    polyEdgeStart,
    vid: ids,
    vertices,
    counts,
    owner,
  };
}

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
    if (hasEdge(g, other, g.vid[a]! * g.vertices + g.vid[b]!)) return true;
    if (otherVertex[g.vid[a]!] !== other && strictlyInside(flat, other, c[2 * a]!, c[2 * a + 1]!)) return true;
    if (hasEdge(g, other, g.vid[b]! * g.vertices + g.vid[a]!)) continue; // a shared border: every point is on it
    const x = c[2 * a]! + ALONG * (c[2 * b]! - c[2 * a]!);
    if (strictlyInside(flat, other, x, c[2 * a + 1]! + ALONG * (c[2 * b + 1]! - c[2 * a + 1]!))) return true;
  }
  return false;
}

/** Whether polygon p has the directed edge `key`: by its first owner, or a scan where several polygons have it. */
function hasEdge(g: CoverageEdges, p: number, key: number): boolean {
  const n = g.counts.get(key);
  if (n === undefined) return false;
  return g.owner.get(key) === p || (n > 1 && ownsEdge(g, p, key));
}

/** Whether polygon p has the directed edge `key` (a scan of its edges: only for the rare repeated keys). */
function ownsEdge(g: CoverageEdges, p: number, key: number): boolean {
  for (let e = g.polyEdgeStart[p]!; e < g.polyEdgeStart[p + 1]!; e++)
    if (g.vid[g.from[e]!]! * g.vertices + g.vid[g.to[e]!]! === key) return true;
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

/** Twice the signed area of a closed ring of positions. */
function area2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += (ring[i - 1]![0]! - ring[i]![0]!) * (ring[i - 1]![1]! + ring[i]![1]!);
  return s;
}

/** Drops vertices where the ring goes straight on or turns straight back (the spikes a T-junction leaves), closed. */
function cleanRing(pts: Position[]): Position[] {
  const out: Position[] = [];
  const straight = (a: Position, m: Position, z: Position): boolean => {
    const ux = m[0]! - a[0]!,
      uy = m[1]! - a[1]!,
      vx = z[0]! - m[0]!,
      vy = z[1]! - m[1]!;
    return Math.abs(ux * vy - uy * vx) <= 1e-12 * Math.hypot(ux, uy) * Math.hypot(vx, vy);
  };
  for (const p of pts) {
    while (out.length >= 2 && straight(out[out.length - 2]!, out[out.length - 1]!, p)) out.pop();
    out.push(p);
  }
  for (let changed = true; changed && out.length > 3;) {
    changed = false;
    if (straight(out[out.length - 2]!, out[out.length - 1]!, out[0]!)) [changed] = [true, out.pop()];
    else if (straight(out[out.length - 1]!, out[0]!, out[1]!)) [changed] = [true, out.shift()];
  }
  return [...out, out[0]!];
}

/**
 * The holes of the coverage's union, as closed rings of positions: the edges no neighbour walks the other way,
 * chained into rings (at a vertex with several ways on, the sharpest right turn, which keeps holes that touch at a
 * vertex apart, from each other and from the outline), of which the clockwise ones are holes. Exact where neighbours share their vertices; a vertex lying on a
 * neighbour's edge (a T-junction) leaves a spike of no area, which is dropped. Meaningful only when no two polygons
 * overlap (see {@link overlapPairs}).
 *
 * @example
 * // Eight unit squares around an empty middle one: one hole, the middle square (clockwise).
 * gapRings(flattenPolygons(ringOfEight)); // [[[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]
 */
export function gapRings(flat: FlatPolygons, edges = coverageEdges(flat)): Position[][] {
  const { from, to, vid, vertices, counts } = edges;
  const c = flat.coords;
  const key = (e: number): number => vid[from[e]!]! * vertices + vid[to[e]!]!;
  const left = new Map<number, number>();
  const open: number[] = [];
  for (let e = 0; e < from.length; e++) {
    const k = key(e);
    let spare = left.get(k);
    if (spare === undefined) {
      const back = counts.get(vid[to[e]!]! * vertices + vid[from[e]!]!) ?? 0;
      spare = Math.max(0, counts.get(k)! - back);
    }
    if (spare > 0) open.push(e);
    left.set(k, Math.max(0, spare - 1));
  }
  // Out-edges of each vertex id among the open edges (CSR).
  const head = new Uint32Array(vertices + 1);
  for (const e of open) head[vid[from[e]!]! + 1]!++;
  for (let v = 0; v < vertices; v++) head[v + 1]! += head[v]!;
  const fill = head.slice(0, vertices);
  const out = new Uint32Array(open.length);
  for (const e of open) out[fill[vid[from[e]!]!]!++] = e;
  const used = new Uint8Array(from.length);
  const holes: Position[][] = [];
  for (const e0 of open) {
    if (used[e0]) continue;
    const pts: Position[] = [];
    const home = vid[from[e0]!]!;
    for (let e = e0; ;) {
      used[e] = 1;
      const a = from[e]!,
        b = to[e]!;
      pts.push([c[2 * a]!, c[2 * a + 1]!]);
      const v = vid[b]!;
      if (v === home) break;
      const dx = c[2 * b]! - c[2 * a]!,
        dy = c[2 * b + 1]! - c[2 * a + 1]!;
      let next = -1;
      let bestTurn = Infinity;
      for (let k = head[v]!; k < head[v + 1]!; k++) {
        const f = out[k]!;
        if (used[f]) continue;
        const fx = c[2 * to[f]!]! - c[2 * b]!,
          fy = c[2 * to[f]! + 1]! - c[2 * b + 1]!;
        const turn = Math.atan2(dx * fy - dy * fx, dx * fx + dy * fy);
        if ((turn === -Math.PI ? Math.PI : turn) < bestTurn) [next, bestTurn] = [f, turn === -Math.PI ? Math.PI : turn];
      }
      if (next < 0) break; // cannot happen on balanced edges; stop rather than loop
      e = next;
    }
    if (pts.length < 3) continue;
    const ring = cleanRing(pts);
    if (ring.length >= 4 && area2(ring) < 0 && Math.abs(area2(ring)) > 1e-18) holes.push(ring);
  }
  return holes;
}
