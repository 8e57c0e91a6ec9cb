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
  /** Per edge: the id of its directed key (the pair of vertex ids), and of the same edge walked back (-1: none has it). */
  key: Int32Array;
  back: Int32Array;
  /** Per key id: how many edges have it, and the first polygon having it. */
  keyCount: Int32Array;
  keyOwner: Int32Array;
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
      }
    }
  }
  polyEdgeStart[flat.count] = e;
  // Key ids through the vertex hash: the pairs (from id, to id) of every edge, then (to id, from id); a walked-back pair
  // that some edge has gets that edge's id, one that none has an id past the forward ones.
  const pairs = new Float64Array(4 * e);
  for (let k = 0; k < e; k++) {
    pairs.set([ids[from[k]!]!, ids[to[k]!]!], 2 * k);
    pairs.set([ids[to[k]!]!, ids[from[k]!]!], 2 * (e + k));
  }
  const keyed = vertexIds(pairs).ids;
  const key = keyed.slice(0, e);
  let keys = 0;
  for (let k = 0; k < e; k++) keys = Math.max(keys, key[k]! + 1);
  const back = Int32Array.from(keyed.subarray(e), (id) => (id < keys ? id : -1));
  const keyCount = new Int32Array(keys);
  const keyOwner = new Int32Array(keys).fill(-1);
  for (let p = 0; p < flat.count; p++)
    for (let k = polyEdgeStart[p]!; k < polyEdgeStart[p + 1]!; k++) {
      keyCount[key[k]!]!++;
      if (keyOwner[key[k]!] === -1) keyOwner[key[k]!] = p;
    }
  const twin = new Int32Array(e);
  const repeated = new Uint8Array(e);
  for (let k = 0; k < e; k++) {
    const b = back[k]!;
    twin[k] = b >= 0 ? keyOwner[b]! : -1;
    repeated[k] = (keyCount[key[k]!]! > 1 ? 1 : 0) | (b >= 0 && keyCount[b]! > 1 ? 2 : 0);
  }
  return {
    twin,
    repeated,
    from: from.slice(0, e),
    to: to.slice(0, e),
    polyEdgeStart,
    vid: ids,
    vertices,
    key,
    back,
    keyCount,
    keyOwner,
  };
}
