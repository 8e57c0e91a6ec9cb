// The region and district borders as lines, and the land they enclose, for the map's basemap (cut into the mahalla
// tiles, server/tiles/build.ts). All come from one topology: a border between two districts is one arc, so the tiles
// carry it once (a polygon's ring drew it twice, each time through MapLibre's line builder in the browser's workers),
// the land's edge keeps the very points of the borders over it, and a zoom keeps the same points as of the mahallas
// (server/geo/simplify.ts: a point stays where dropping it would move the border by half a pixel or more).
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { levelFor, minWeight } from './simplify.ts';

/** Region or district outlines as stored (server/tiles/store.ts reads them). */
export type Areas = FeatureCollection<Polygon | MultiPolygon>;

export interface BorderProps {
  /**
   * `land`: the regions merged into one shape (a city database, which has no region, its districts), the fill under
   * everything; `region` borders are drawn dashed under the `district` lines
   */
  kind: 'land' | 'region' | 'district';
}
export type Borders = FeatureCollection<MultiPolygon | MultiLineString, BorderProps>;

// topojson-server's input and topojson-client's types do not line up (the same objects at run time).
type Topo = Topology<Objects<object>>;
const collection = (t: Topo, name: string): GeometryCollection => t.objects[name] as GeometryCollection;

/**
 * Prepares `regions` and `districts` once and returns, simplified for a zoom, the land (one shape, drawn on the same
 * points as the borders around it) and one feature per kind of border present (a MultiLineString of every border of
 * that kind, each once).
 * @example borders(regions, districts)(5).features.map((f) => f.properties.kind) // ['land', 'region', 'district']
 */
export function borders(regions: Areas, districts: Areas): (zoom: number) => Borders {
  const topo = presimplify(topology({ regions, districts }) as unknown as Topo, planarTriangleArea);
  const levels = new Map<number | null, Borders>();
  const landFrom = regions.features.length > 0 ? 'regions' : 'districts';
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
    const land: Feature<MultiPolygon, BorderProps> = {
      type: 'Feature',
      properties: { kind: 'land' },
      geometry: merge(t, collection(t, landFrom).geometries as Parameters<typeof merge>[1]),
    };
    const out: Borders = {
      type: 'FeatureCollection',
      features: [
        ...(land.geometry.coordinates.length > 0 ? [land] : []),
        ...(regions.features.length > 0 ? [line('region', 'regions')] : []),
        ...(districts.features.length > 0 ? [line('district', 'districts')] : []),
      ],
    };
    levels.set(level, out);
    return out;
  };
}
