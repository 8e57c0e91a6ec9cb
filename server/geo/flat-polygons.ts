// GeoJSON polygons flattened into typed arrays once, so the spatial kernels (index, adjacency, metrics) never touch nested JS arrays.
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Polygons as flat typed arrays. Coordinates are lon,lat in degrees (WGS84), lon first.
 * Polygon `p` is `geoms[p]` of {@link flattenPolygons}; all parts and holes of a MultiPolygon belong to that one `p`.
 */
export interface FlatPolygons {
  /** Interleaved lon,lat of every ring vertex; the closing vertex of a ring is NOT repeated. */
  coords: Float64Array;
  /** Ring r holds vertices [ringStart[r], ringStart[r+1]) (length rings+1). */
  ringStart: Uint32Array;
  /** 1 where the ring is a hole (not the first ring of its GeoJSON polygon part), else 0 (length rings). */
  ringHole: Uint8Array;
  /** Polygon p holds rings [polyRingStart[p], polyRingStart[p+1]) (length count+1). */
  polyRingStart: Uint32Array;
  /** minX,minY,maxX,maxY per polygon; an empty polygon gets +Inf,+Inf,-Inf,-Inf (contains nothing). */
  bbox: Float64Array;
  /** Number of polygons. */
  count: number;
}

/** The rings of one GeoJSON geometry, parts in order (each part: outer ring first, then holes). */
function partsOf(geom: Polygon | MultiPolygon): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Vertex count of a ring once a repeated closing vertex is dropped. */
function openLength(ring: Position[]): number {
  const n = ring.length;
  if (n < 2) return n;
  const first = ring[0];
  const last = ring[n - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1] ? n - 1 : n;
}

/**
 * Flattens polygons into one set of typed arrays (two passes: count, then fill; no per-vertex allocation).
 *
 * @example
 * const flat = flattenPolygons([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }]);
 * flat.count;         // 1
 * flat.ringStart;     // Uint32Array [0, 4]  (closing vertex dropped)
 * flat.bbox;          // Float64Array [0, 0, 1, 1]
 */
export function flattenPolygons(geoms: ReadonlyArray<Polygon | MultiPolygon>): FlatPolygons {
  let rings = 0;
  let vertices = 0;
  for (const geom of geoms) {
    for (const part of partsOf(geom)) {
      rings += part.length;
      for (const ring of part) vertices += openLength(ring);
    }
  }

  const coords = new Float64Array(vertices * 2);
  const ringStart = new Uint32Array(rings + 1);
  const ringHole = new Uint8Array(rings);
  const polyRingStart = new Uint32Array(geoms.length + 1);
  const bbox = new Float64Array(geoms.length * 4);
  let r = 0;
  let v = 0;
  geoms.forEach((geom, p) => {
    polyRingStart[p] = r;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const part of partsOf(geom)) {
      part.forEach((ring, k) => {
        ringStart[r] = v;
        ringHole[r] = k > 0 ? 1 : 0;
        r++;
        const n = openLength(ring);
        for (let i = 0; i < n; i++) {
          const pos = ring[i] as Position;
          const x = pos[0] as number;
          const y = pos[1] as number;
          coords[2 * v] = x;
          coords[2 * v + 1] = y;
          v++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      });
    }
    bbox.set([minX, minY, maxX, maxY], 4 * p);
  });
  ringStart[rings] = v;
  polyRingStart[geoms.length] = r;
  return { coords, ringStart, ringHole, polyRingStart, bbox, count: geoms.length };
}
