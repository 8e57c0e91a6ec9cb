// Points MapLibre draws itself (a GeoJSON source and a circle layer per set): the police base points. The national first
// screen then has nothing for deck.gl to draw, and its overlay (its WebGL device, programs and a pass of every frame)
// is not made at all: ≈ 0.5 s of a first screen in software GL on two cores (issue 15).
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';

/** A colour, 0–255 each with alpha (as mahalla-layers' Rgba; not imported from there, which imports this). */
type Rgba = [number, number, number, number];

/** A point with a name (a base point). */
export interface NamedPoint {
  id: number;
  name: string;
  lon: number;
  lat: number;
}

/** Dots drawn by MapLibre: `metres` wide on the ground, kept between `minPx` and `maxPx` on screen. */
export interface MapPoints {
  kind: 'map-points';
  id: string;
  points: readonly NamedPoint[];
  fill: Rgba;
  stroke: Rgba;
  strokePx: number;
  metres: number;
  minPx: number;
  maxPx: number;
  /** placed below this style layer */
  before: string;
}

/** The Web Mercator ground resolution at zoom 0 on the equator for MapLibre's 512-px tiles, metres a pixel. */
const EQUATOR_M_PER_PX_Z0 = 40_075_016.686 / 512;

/**
 * A circle radius of `metres` at latitude `lat`, no smaller than `minPx` and no larger than `maxPx`, as a zoom
 * expression: the radius doubles with each zoom level between the two zooms where it meets the bounds, exactly (an
 * exponential base-2 interpolation between stops that are a power of two apart is r₁·2^(z−z₁)). Drawn at one latitude
 * (the points' middle): across Uzbekistan (37–46° N) a dot's size differs by ≤ 7 % from its own latitude's.
 * @example metreRadius(220, 1.5, 6.5, 41.3) // ['interpolate', ['exponential', 2], ['zoom'], 8.65…, 1.5, 10.77…, 6.5]
 */
export function metreRadius(metres: number, minPx: number, maxPx: number, lat: number): ExpressionSpecification {
  const metresPerPxZ0 = EQUATOR_M_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180);
  // metres / (metresPerPxZ0 / 2^z) = px  ⇒  z = log2(px · metresPerPxZ0 / metres)
  const zoomFor = (px: number): number => Math.log2((px * metresPerPxZ0) / metres);
  return ['interpolate', ['exponential', 2], ['zoom'], zoomFor(minPx), minPx, zoomFor(maxPx), maxPx];
}

const css = (c: Rgba): string => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(3)})`;

/** The points as GeoJSON, each feature's id its index in `points` (the picked object is looked up by it). */
export function pointsGeoJson(points: readonly NamedPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p, k) => ({
      type: 'Feature',
      id: k,
      properties: {},
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

/** What each map shows, by layer id, so a repeated paint with the same points sets nothing (each set is a frame). */
const shown = new WeakMap<MapLibreMap, Map<string, MapPoints>>();

/** Brings the map's point layers to `paint`: adds, updates (new points) or removes a source and layer per id. */
export function applyMapPoints(map: MapLibreMap, paint: readonly MapPoints[]): void {
  const now = shown.get(map) ?? new Map<string, MapPoints>();
  shown.set(map, now);
  for (const [id] of now)
    if (!paint.some((p) => p.id === id)) {
      map.removeLayer(id);
      map.removeSource(id);
      now.delete(id);
    }
  for (const p of paint) {
    const before = now.get(p.id);
    if (before?.points === p.points) continue;
    now.set(p.id, p);
    if (before) {
      void map.getSource<GeoJSONSource>(p.id)?.setData(pointsGeoJson(p.points));
      continue;
    }
    const lat = p.points.length ? p.points.reduce((s, q) => s + q.lat, 0) / p.points.length : 0;
    map.addSource(p.id, { type: 'geojson', data: pointsGeoJson(p.points) });
    map.addLayer(
      {
        id: p.id,
        type: 'circle',
        source: p.id,
        paint: {
          // MapLibre draws the stroke outside the radius.
          'circle-radius': metreRadius(p.metres, p.minPx, p.maxPx, lat),
          'circle-color': css(p.fill),
          'circle-stroke-color': css(p.stroke),
          'circle-stroke-width': p.strokePx,
        },
      },
      map.getLayer(p.before) ? p.before : undefined,
    );
  }
}

/** The point drawn under pixel (x, y) (within `radius` px) in one of `layerIds`, with its layer's id; or null. */
export function mapPointAt(
  map: MapLibreMap,
  layerIds: readonly string[],
  x: number,
  y: number,
  radius = 2,
): { object: NamedPoint; layerId: string } | null {
  const drawn = shown.get(map);
  const layers = layerIds.filter((id) => drawn?.has(id) && map.getLayer(id));
  if (!drawn || layers.length === 0) return null;
  const [f] = map.queryRenderedFeatures(
    [
      [x - radius, y - radius],
      [x + radius, y + radius],
    ],
    { layers },
  );
  const object = f && typeof f.id === 'number' ? drawn.get(f.layer.id)?.points[f.id] : undefined;
  return object && f ? { object, layerId: f.layer.id } : null;
}
