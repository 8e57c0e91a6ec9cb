// The edges of a coverage (polygons meant to tile an area) as integer vertex pairs: a border two neighbours share is
// one edge walked both ways, so it can be recognised (overlap tests skip it) and cancelled (gaps are what is left).
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
  /** Per edge: the first polygon having it the other way round (its neighbour across a shared border), or -1. */
  twin: Int32Array;
  /** Per edge: bit 1 when other polygons have it too, bit 2 when several have it the other way round. */
  repeated: Uint8Array;
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
  const twin = new Int32Array(e);
  const repeated = new Uint8Array(e);
  for (let k = 0; k < e; k++) {
    const back = ids[to[k]!]! * vertices + ids[from[k]!]!;
    twin[k] = owner.get(back) ?? -1;
    repeated[k] =
      (counts.get(ids[from[k]!]! * vertices + ids[to[k]!]!)! > 1 ? 1 : 0) | ((counts.get(back) ?? 0) > 1 ? 2 : 0);
  }
  return {
    twin,
    repeated,
    from: from.slice(0, e),
    to: to.slice(0, e),
    polyEdgeStart,
    vid: ids,
    vertices,
    counts,
    owner,
  };
}
