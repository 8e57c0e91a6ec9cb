// Polygons simplified for a zoom level with shared borders kept shared: the polygons become a TopoJSON topology (each
// border between two mahallas one arc), arcs are weighted by Visvalingam's effective area once, and a zoom keeps the
// points that matter at its pixel size. Two neighbours therefore always drop the same points and never gap or
// overlap; simplifying each polygon on its own would (geojson-vt's per-feature simplification leaves ≈ 5 % of shared
// segments unmatched at zoom 5). A real cadastral layer has ≈ 50 vertices a mahalla; the national view needs ≈ 7.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

type Shape = Polygon | MultiPolygon;

/** The zooms prepared; a request takes the nearest at or below it (the first below them all). */
export const SIMPLIFY_ZOOMS = [5, 7, 9, 11] as const;

/** From this zoom on a view is a few districts wide at most: every vertex is drawn. */
export const FULL_DETAIL_ZOOM = 12;

/**
 * The smallest Visvalingam area (degrees²) a point must hold at `zoom`: a quarter pixel squared of a 512-pixel tile,
 * so nothing that moves a border by more than half a pixel is dropped.
 */
export const minWeight = (zoom: number): number => (360 / (512 * 2 ** zoom) / 2) ** 2;

/** A closed ring simplified to fewer than four positions (a sliver of a small island) keeps its full detail instead. */
function keepRings(simple: Position[][], full: Position[][]): Position[][] {
  return simple.map((ring, k) => (ring.length >= 4 ? ring : (full[k] ?? ring)));
}

function repaired(simple: Shape, full: Shape): Shape {
  if (simple.type === 'Polygon' && full.type === 'Polygon')
    return { type: 'Polygon', coordinates: keepRings(simple.coordinates, full.coordinates) };
  if (simple.type === 'MultiPolygon' && full.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: simple.coordinates.map((p, k) => keepRings(p, full.coordinates[k] ?? p)),
    };
  }
  return full;
}

/**
 * The prepared zoom whose simplification a view at `zoom` draws (null: every vertex).
 * @example levelFor(6) // 5
 */
export function levelFor(zoom: number): number | null {
  if (zoom >= FULL_DETAIL_ZOOM) return null;
  return [...SIMPLIFY_ZOOMS].reverse().find((s) => s <= zoom) ?? SIMPLIFY_ZOOMS[0];
}

/**
 * Prepares `fc` once and returns the features simplified for a zoom (same ids, properties and order).
 * @example const at = simplifier(mahallas); at(7).features.length === mahallas.features.length
 */
export function simplifier<P>(fc: FeatureCollection<Shape, P>): (zoom: number) => FeatureCollection<Shape, P> {
  // topojson-server's input and topojson-simplify's types do not line up (the same object at run time).
  const topo = presimplify(topology({ shapes: fc }) as unknown as Topology<Objects<object>>, planarTriangleArea);
  const levels = new Map<number, FeatureCollection<Shape, P>>();
  return (zoom) => {
    const z = levelFor(zoom);
    if (z === null) return fc;
    const hit = levels.get(z);
    if (hit) return hit;
    const simple = simplify(topo, minWeight(z));
    const out = feature(simple, simple.objects.shapes as GeometryCollection) as unknown as FeatureCollection<Shape, P>;
    const level: FeatureCollection<Shape, P> = {
      type: 'FeatureCollection',
      features: out.features.map((f, k): Feature<Shape, P> => {
        const original = fc.features[k] as Feature<Shape, P>;
        return { ...original, geometry: repaired(f.geometry, original.geometry) };
      }),
    };
    levels.set(z, level);
    return level;
  };
}
