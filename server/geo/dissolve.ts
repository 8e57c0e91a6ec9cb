// Dissolves a group of polygons (an inspector's mahallas) into one outline by cancelling the edges neighbours share,
// instead of a general polygon union: our clipper gives neighbours bit-identical vertices, so shared borders cancel exactly.
import type { Position } from 'geojson';
import type { FlatPolygons } from './flat-polygons.ts';

/**
 * How close (degrees) two vertices must be to count as one, and a vertex to an edge to split it there:
 * 1e-7° ≈ 1 cm, the precision our clipper rounds shared crossings to.
 */
export const DISSOLVE_TOLERANCE_DEG = 1e-7;

/**
 * The outline of the union of polygons `members` of `flat`, as GeoJSON MultiPolygon coordinates ([lon, lat] degrees,
 * closed rings, outer rings counter-clockwise, holes clockwise). Collinear vertices left on a straight border are dropped.
 *
 * How: every ring is oriented (outer CCW, hole CW), so a border two members share appears once in each direction;
 * those pairs cancel. A vertex of one member lying on another member's edge (a border split at different vertices)
 * splits that edge first, so it cancels too. The edges left are chained into rings, turning as far left as possible
 * at a vertex where several continue, so parts that touch at a corner stay separate rings.
 *
 * Degrades without losing area: where neighbours' borders do not coincide within the tolerance (independently
 * digitised real mahallas: slivers, overlaps), those edges do not cancel and the outline keeps the members' own
 * borders there (a visible inner seam), never a gap.
 *
 * @example
 * // two unit squares side by side → one 2×1 rectangle
 * dissolve(flattenPolygons([square(0, 0), square(1, 0)]), [0, 1]);
 * // [[[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]]
 */
export function dissolve(flat: FlatPolygons, members: ArrayLike<number>, tol = DISSOLVE_TOLERANCE_DEG): Position[][][] {
  const v = new Vertices(tol);
  let edges = orientedEdges(flat, members, v);
  edges = splitAtVertices(edges, v, tol);
  const left = cancelOpposite(edges);
  return assemble(chain(left, v), v);
}

/** Vertex ids by snapped coordinate; the first coordinate seen is kept as the vertex's position. */
class Vertices {
  readonly x: number[] = [];
  readonly y: number[] = [];
  private readonly ids = new Map<string, number>();
  constructor(private readonly tol: number) {}
  id(x: number, y: number): number {
    const key = `${Math.round(x / this.tol)},${Math.round(y / this.tol)}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.x.length;
      this.ids.set(key, id);
      this.x.push(x);
      this.y.push(y);
    }
    return id;
  }
}

/** Directed edges as [from, to] vertex-id pairs (flat: from at 2k, to at 2k+1). */
type Edges = number[];

function orientedEdges(flat: FlatPolygons, members: ArrayLike<number>, v: Vertices): Edges {
  const c = flat.coords;
  const out: Edges = [];
  for (let m = 0; m < members.length; m++) {
    const p = members[m]!;
    for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
      const s = flat.ringStart[r]!,
        e = flat.ringStart[r + 1]!;
      let twice = 0;
      for (let i = s, j = e - 1; i < e; j = i++) twice += c[2 * j]! * c[2 * i + 1]! - c[2 * i]! * c[2 * j + 1]!;
      // Outer rings counter-clockwise (positive area), holes clockwise: then the member's interior is always on the left.
      const reverse = (flat.ringHole[r] === 1) === twice > 0;
      const ids: number[] = [];
      for (let i = s; i < e; i++) ids.push(v.id(c[2 * i]!, c[2 * i + 1]!));
      if (reverse) ids.reverse();
      for (let k = 0; k < ids.length; k++) {
        const a = ids[k]!,
          b = ids[(k + 1) % ids.length]!;
        if (a !== b) out.push(a, b);
      }
    }
  }
  return out;
}

/**
 * Splits each edge at the group's vertices that lie on it (within `tol`), so a border split at different vertices on
 * its two sides becomes the same sequence of edges on both. Candidates come from the vertices sorted by longitude.
 */
function splitAtVertices(edges: Edges, v: Vertices, tol: number): Edges {
  const byX = [...new Set(edges)].sort((p, q) => v.x[p]! - v.x[q]!);
  const xs = Float64Array.from(byX, (id) => v.x[id]!);
  const out: Edges = [];
  const inner: Array<[number, number]> = [];
  for (let k = 0; k < edges.length; k += 2) {
    const a = edges[k]!,
      b = edges[k + 1]!;
    const ax = v.x[a]!,
      ay = v.y[a]!,
      dx = v.x[b]! - ax,
      dy = v.y[b]! - ay;
    const len2 = dx * dx + dy * dy;
    inner.length = 0;
    for (
      let i = lowerBound(xs, Math.min(ax, ax + dx) - tol);
      i < xs.length && xs[i]! <= Math.max(ax, ax + dx) + tol;
      i++
    ) {
      const w = byX[i]!;
      if (w === a || w === b) continue;
      const wx = v.x[w]! - ax,
        wy = v.y[w]! - ay;
      const t = (wx * dx + wy * dy) / len2;
      if (t <= 0 || t >= 1) continue;
      const cross = wx * dy - wy * dx;
      if (cross * cross <= tol * tol * len2) inner.push([t, w]);
    }
    inner.sort((p, q) => p[0] - q[0]);
    let from = a;
    for (const [, w] of inner) {
      out.push(from, w);
      from = w;
    }
    out.push(from, b);
  }
  return out;
}

function lowerBound(xs: Float64Array, x: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Drops every pair of opposite edges (a→b with b→a): a border between two members. */
function cancelOpposite(edges: Edges): Edges {
  const count = new Map<string, number>();
  for (let k = 0; k < edges.length; k += 2) {
    const a = edges[k]!,
      b = edges[k + 1]!;
    const back = `${b}>${a}`;
    const n = count.get(back) ?? 0;
    if (n > 0) count.set(back, n - 1);
    else count.set(`${a}>${b}`, (count.get(`${a}>${b}`) ?? 0) + 1);
  }
  const out: Edges = [];
  for (const [key, n] of count) {
    const [a, b] = key.split('>').map(Number) as [number, number];
    for (let i = 0; i < n; i++) out.push(a, b);
  }
  return out;
}

/**
 * Chains edges into closed rings of vertex ids. Every vertex has as many edges in as out (cancelling removes one of
 * each), so a walk can only end where it started.
 */
function chain(edges: Edges, v: Vertices): number[][] {
  const outgoing = new Map<number, number[]>();
  for (let k = 0; k < edges.length; k += 2) {
    const list = outgoing.get(edges[k]!) ?? [];
    list.push(edges[k + 1]!);
    outgoing.set(edges[k]!, list);
  }
  const rings: number[][] = [];
  for (const [start, list] of outgoing) {
    while (list.length > 0) {
      const ring = [start];
      let prev = start;
      let cur = list.pop()!;
      while (cur !== start) {
        ring.push(cur);
        const next = takeLeftmost(outgoing.get(cur) ?? [], prev, cur, v);
        if (next === undefined) break; // unreachable for balanced input; guards against a malformed one
        prev = cur;
        cur = next;
      }
      rings.push(dropCollinear(ring, v));
    }
  }
  return rings.filter((r) => r.length >= 3);
}

/** Removes and returns the continuation that turns furthest left after arriving at `cur` from `prev`. */
function takeLeftmost(list: number[], prev: number, cur: number, v: Vertices): number | undefined {
  if (list.length <= 1) return list.pop();
  const inX = v.x[cur]! - v.x[prev]!,
    inY = v.y[cur]! - v.y[prev]!;
  let best = 0;
  let bestAngle = -Infinity;
  list.forEach((next, k) => {
    const outX = v.x[next]! - v.x[cur]!,
      outY = v.y[next]! - v.y[cur]!;
    const angle = Math.atan2(inX * outY - inY * outX, inX * outX + inY * outY);
    if (angle > bestAngle) {
      bestAngle = angle;
      best = k;
    }
  });
  return list.splice(best, 1)[0];
}

/** Drops vertices where the border runs straight on (exactly collinear and same direction). */
function dropCollinear(ring: number[], v: Vertices): number[] {
  const n = ring.length;
  return ring.filter((id, k) => {
    const p = ring[(k + n - 1) % n]!,
      q = ring[(k + 1) % n]!;
    const ax = v.x[id]! - v.x[p]!,
      ay = v.y[id]! - v.y[p]!,
      bx = v.x[q]! - v.x[id]!,
      by = v.y[q]! - v.y[id]!;
    return ax * by - ay * bx !== 0 || ax * bx + ay * by <= 0;
  });
}

const twiceArea = (ring: readonly number[], v: Vertices): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += v.x[ring[j]!]! * v.y[ring[i]!]! - v.x[ring[i]!]! * v.y[ring[j]!]!;
  return a;
};

function contains(ring: readonly number[], x: number, y: number, v: Vertices): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = v.x[ring[i]!]!,
      yi = v.y[ring[i]!]!,
      xj = v.x[ring[j]!]!,
      yj = v.y[ring[j]!]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Starts a ring at its lowest-x, then lowest-y vertex and closes it: the same outline always reads the same. */
function closed(ring: readonly number[], v: Vertices): Position[] {
  let k0 = 0;
  ring.forEach((id, k) => {
    const b = ring[k0]!;
    if (v.x[id]! < v.x[b]! || (v.x[id] === v.x[b] && v.y[id]! < v.y[b]!)) k0 = k;
  });
  const out: Position[] = [];
  for (let k = 0; k <= ring.length; k++) {
    const id = ring[(k0 + k) % ring.length]!;
    out.push([v.x[id]!, v.y[id]!]);
  }
  return out;
}

/**
 * Rings of vertex ids → MultiPolygon coordinates: counter-clockwise rings are outer rings, clockwise ones holes of the
 * smallest outer ring around them. A clockwise ring inside no outer ring (only from borders that do not match) is
 * kept as an outer ring, reversed, rather than dropped.
 */
function assemble(rings: number[][], v: Vertices): Position[][][] {
  const outers: Array<{ ring: number[]; area: number; holes: number[][] }> = [];
  const holes: number[][] = [];
  for (const ring of rings) {
    const a = twiceArea(ring, v);
    if (a > 0) outers.push({ ring, area: a, holes: [] });
    else if (a < 0) holes.push(ring);
  }
  for (const hole of holes) {
    // The middle of the hole's first edge: strictly inside its outer ring even where the two touch at a vertex.
    const x = (v.x[hole[0]!]! + v.x[hole[1]!]!) / 2,
      y = (v.y[hole[0]!]! + v.y[hole[1]!]!) / 2;
    let host: (typeof outers)[number] | undefined;
    for (const o of outers) if ((!host || o.area < host.area) && contains(o.ring, x, y, v)) host = o;
    if (host) host.holes.push(hole);
    else outers.push({ ring: [...hole].reverse(), area: -twiceArea(hole, v), holes: [] });
  }
  const parts = outers.map((o) => [closed(o.ring, v), ...o.holes.map((h) => closed(h, v))]);
  return parts.sort((p, q) => p[0]![0]![0]! - q[0]![0]![0]! || p[0]![0]![1]! - q[0]![0]![1]!);
}
