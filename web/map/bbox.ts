// Bounding box of GeoJSON geometries (lon/lat degrees), for fitting the camera to a district.
import type { Feature, Geometry, Position } from 'geojson';

export type BBox = [number, number, number, number];

function visit(coords: unknown, box: BBox): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as Position;
    if (x === undefined || y === undefined) return;
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
    return;
  }
  for (const c of coords) visit(c, box);
}

/**
 * [minLon, minLat, maxLon, maxLat] of the features (their `bbox` where given), or null when they have no coordinates.
 * @example bboxOf([{ type: 'Feature', bbox: [1, 2, 3, 4], geometry: null, properties: {} }]) // [1, 2, 3, 4]
 */
export function bboxOf(features: ReadonlyArray<Feature<Geometry | null>>): BBox | null {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    // A feature that carries its box (the mahalla index's centroids: web/queries/mahallas.ts) is framed by it.
    if (f.bbox?.length === 4) visit([f.bbox.slice(0, 2), f.bbox.slice(2)], box);
    else if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates, box);
  }
  return Number.isFinite(box[0]) ? box : null;
}
