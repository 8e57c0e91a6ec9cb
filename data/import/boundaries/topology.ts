// Topology between neighbouring boundaries: overlaps and gaps above a tolerance are reported with their area and a
// point inside them; slivers at or below it are snapped (an overlap cut from the later feature, a gap given to the
// neighbour sharing the longest border with it). Pure: geometries in, geometries and findings out.
import {
  area,
  bbox,
  difference,
  featureCollection,
  intersect,
  length,
  pointOnFeature,
  polygon,
  polygonToLine,
  union,
} from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { coverageEdges, type CoverageEdges } from '../../../server/geo/coverage-edges.ts';
import { gapRings } from '../../../server/geo/coverage-gaps.ts';
import { overlapPairs } from '../../../server/geo/coverage-overlaps.ts';
import { flattenPolygons, type FlatPolygons } from '../../../server/geo/flat-polygons.ts';

type Shape = Polygon | MultiPolygon;
/** An overlap or a gap: the features it touches (numbered from 1, as in the file), its area and a point inside it. */
export interface TopologyFinding {
  kind: 'overlap' | 'gap';
  features: number[];
  areaM2: number;
  lon: number;
  lat: number;
}
export interface TopologyResult {
  /** Above the tolerance: reported, left as they are. */
  issues: TopologyFinding[];
  /** At or below the tolerance: snapped. */
  snapped: TopologyFinding[];
  /** The geometries after snapping (the same objects where nothing changed). */
  geometries: Shape[];
}

/** The default sliver tolerance: 50 m², a strip 0.5 m wide along a 100 m border. */
export const SLIVER_M2 = 50;

const feat = (g: Shape): Feature<Shape> => ({ type: 'Feature', properties: {}, geometry: g });
function finding(kind: TopologyFinding['kind'], features: number[], piece: Feature<Shape>): TopologyFinding {
  const [lon = 0, lat = 0] = pointOnFeature(piece).geometry.coordinates;
  return { kind, features, areaM2: area(piece), lon: +lon.toFixed(6), lat: +lat.toFixed(6) };
}

/** Perimeter in metres. */
const perimeter = (g: Shape): number => {
  const lines = polygonToLine(g);
  return lines.type === 'FeatureCollection'
    ? lines.features.reduce((a, l) => a + length(l) * 1000, 0)
    : length(lines) * 1000;
};

/** The neighbour sharing the longest border with `piece` (what their union's perimeter loses), the first on ties. */
function longestBorder(geoms: readonly Shape[], around: readonly number[], piece: Feature<Polygon>): number {
  let best = around[0] as number;
  let bestShared = -Infinity;
  const own = perimeter(piece.geometry);
  for (const k of around) {
    const g = geoms[k] as Shape;
    const merged = union(featureCollection([feat(g), piece]));
    const shared = merged ? (perimeter(g) + own - perimeter(merged.geometry)) / 2 : 0;
    if (shared > bestShared + 1e-6) [best, bestShared] = [k, shared];
  }
  return best;
}

function indexOf(geoms: readonly Shape[]): Flatbush {
  const index = new Flatbush(Math.max(1, geoms.length));
  for (const g of geoms) {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = bbox(g);
    index.add(x0, y0, x1, y1);
  }
  if (geoms.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/** Overlaps measured exactly (turf) on the pairs the typed-array test could not clear; slivers cut from the later one. */
function overlaps(
  geoms: Shape[],
  flat: FlatPolygons,
  edges: CoverageEdges,
  sliverM2: number,
  issues: TopologyFinding[],
  snapped: TopologyFinding[],
): void {
  for (const [i, j] of overlapPairs(flat, edges)) {
    const piece = intersect(featureCollection([feat(geoms[i] as Shape), feat(geoms[j] as Shape)]));
    if (!piece || area(piece) === 0) continue;
    const f = finding('overlap', [i + 1, j + 1], piece);
    if (f.areaM2 > sliverM2) issues.push(f);
    else {
      snapped.push(f);
      const cut = difference(featureCollection([feat(geoms[j] as Shape), feat(geoms[i] as Shape)]));
      if (cut) geoms[j] = cut.geometry;
    }
  }
}

/** The holes of the union: from the edges no neighbour shares when nothing overlaps, else from turf's union. */
function holes(geoms: Shape[], flat: FlatPolygons, edges: CoverageEdges, overlapping: boolean): Position[][] {
  if (!overlapping) return gapRings(flat, edges);
  const whole = union(featureCollection(geoms.map(feat)));
  const polys: Position[][][] =
    whole?.geometry.type === 'Polygon' ? [whole.geometry.coordinates] : (whole?.geometry.coordinates ?? []);
  return polys.flatMap((p) => p.slice(1));
}

/**
 * Finds overlaps between neighbours (pairs whose borders cross or reach into each other; shared borders are matched
 * by their vertices and skipped) and gaps as the holes of their union.
 * @example checkTopology([squareA, squareB], 50).issues // [{ kind: 'overlap', features: [1, 2], areaM2: 8359.2, … }]
 */
export function checkTopology(input: readonly Shape[], sliverM2 = SLIVER_M2): TopologyResult {
  const geoms = [...input];
  const issues: TopologyFinding[] = [];
  const snapped: TopologyFinding[] = [];
  // The geometries change only where an overlap is snapped, and then the gaps come from turf's union.
  const flat = flattenPolygons(geoms);
  const edges = coverageEdges(flat);
  overlaps(geoms, flat, edges, sliverM2, issues, snapped);
  if (geoms.length > 1) {
    const after = indexOf(geoms);
    for (const hole of holes(geoms, flat, edges, issues.length + snapped.length > 0)) {
      const piece = polygon([hole]);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = bbox(piece);
      const around = after.search(x0, y0, x1, y1).sort((a, b) => a - b);
      const f = finding(
        'gap',
        around.map((k) => k + 1),
        piece,
      );
      if (f.areaM2 > sliverM2 || around.length === 0) issues.push(f);
      else {
        snapped.push(f);
        const k = longestBorder(geoms, around, piece);
        const grown = union(featureCollection([feat(geoms[k] as Shape), piece]));
        if (grown) geoms[k] = grown.geometry;
      }
    }
  }
  return { issues, snapped, geometries: geoms };
}

/**
 * A finding in words, for the terminal and the report.
 * @example describeFinding({ kind: 'gap', features: [1, 2], areaM2: 2500, lon: 69.26, lat: 41.28 })
 * // 'a gap of 2,500 m² (0.25 ha) between features 1, 2 around 69.26, 41.28'
 */
export function describeFinding(f: TopologyFinding): string {
  const size = `${Math.round(f.areaM2).toLocaleString('en-US')} m² (${(f.areaM2 / 1e4).toFixed(2)} ha)`;
  const where = `around ${f.lon}, ${f.lat}`;
  return f.kind === 'overlap'
    ? `features ${f.features.join(' and ')} overlap by ${size} ${where}`
    : `a gap of ${size} between features ${f.features.join(', ')} ${where}`;
}
