// The holes of a coverage's union without computing the union: the edges no neighbour walks the other way, chained
// into rings, of which the clockwise ones are holes.
import type { Position } from 'geojson';
import { coverageEdges } from './coverage-edges.ts';
import type { FlatPolygons } from './flat-polygons.ts';

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
  const { from, to, vid, vertices, key, back, keyCount } = edges;
  const c = flat.coords;
  // Per key id, how many of its edges no edge walked back cancels (-1: not yet counted).
  const left = new Int32Array(keyCount.length).fill(-1);
  const open: number[] = [];
  for (let e = 0; e < from.length; e++) {
    const k = key[e]!;
    if (left[k] === -1) left[k] = Math.max(0, keyCount[k]! - (back[e]! >= 0 ? keyCount[back[e]!]! : 0));
    if (left[k]! > 0) {
      open.push(e);
      left[k]!--;
    }
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
