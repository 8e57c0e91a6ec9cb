// One label anchor per area, inside it: MapLibre would otherwise label every part of a multi-part district.
import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A point inside the largest part of the geometry: its area centroid when that lies inside, else a point on its surface.
 * @example labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function labelPoint(g: Polygon | MultiPolygon): Position {
  const parts: Polygon[] =
    g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  let best = parts[0] as Polygon;
  let bestArea = -1;
  for (const p of parts) {
    const a = area(p);
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  // centerOfMass is area-weighted; turf's centroid is the mean of the vertices, pulled towards detailed borders.
  const c = centerOfMass(best).geometry.coordinates;
  return booleanPointInPolygon(c, best) ? c : pointOnFeature(best).geometry.coordinates;
}
