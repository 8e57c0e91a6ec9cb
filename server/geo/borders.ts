// The region and district borders as lines, and the land they enclose, for the map's basemap. Both come from one
// topology: a border between two districts is one arc, so the tiles carry it once (a polygon's ring drew it twice, each
// time through MapLibre's line builder in the browser's workers), and a zoom keeps the same points of it as of the
// mahallas (server/geo/simplify.ts: a point stays where dropping it would move the border by half a pixel or more).
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { levelFor, minWeight } from './simplify.ts';

/** Region or district outlines as stored (server/tiles/store.ts reads them). */
export type Areas = FeatureCollection<Polygon | MultiPolygon>;

export interface BorderProps {
  /** region borders are drawn dashed under the district lines; a city database has district borders only */
  kind: 'region' | 'district';
}
export type Borders = FeatureCollection<MultiLineString, BorderProps>;

// topojson-server's input and topojson-client's types do not line up (the same objects at run time).
type Topo = Topology<Objects<object>>;
const collection = (t: Topo, name: string): GeometryCollection => t.objects[name] as GeometryCollection;

/**
 * Prepares the borders of `regions` and `districts` once and returns them simplified for a zoom: one feature per kind
 * present (a MultiLineString of every border of that kind, each once).
 * @example borders(regions, districts)(5).features.map((f) => f.properties.kind) // ['region', 'district']
 */
export function borders(regions: Areas, districts: Areas): (zoom: number) => Borders {
  const topo = presimplify(topology({ regions, districts }) as unknown as Topo, planarTriangleArea);
  const levels = new Map<number | null, Borders>();
  return (zoom) => {
    const level = levelFor(zoom);
    const hit = levels.get(level);
    if (hit) return hit;
    const t = level === null ? topo : simplify(topo, minWeight(level));
    const line = (kind: BorderProps['kind'], name: string): Feature<MultiLineString, BorderProps> => ({
      type: 'Feature',
      properties: { kind },
      geometry: mesh(t, collection(t, name)),
    });
    const out: Borders = {
      type: 'FeatureCollection',
      features: [
        ...(regions.features.length > 0 ? [line('region', 'regions')] : []),
        ...(districts.features.length > 0 ? [line('district', 'districts')] : []),
      ],
    };
    levels.set(level, out);
    return out;
  };
}

/**
 * The land the basemap fills: the regions merged into one shape at full detail (a city database, which has no region,
 * its districts), so the map fills one polygon instead of fourteen.
 * @example land(regions, districts).type // 'MultiPolygon'
 */
export function land(regions: Areas, districts: Areas): MultiPolygon {
  const shapes = regions.features.length > 0 ? regions : districts;
  const t = topology({ shapes }) as unknown as Topo;
  return merge(t, collection(t, 'shapes').geometries as Parameters<typeof merge>[1]);
}
