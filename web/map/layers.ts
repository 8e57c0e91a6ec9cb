// deck.gl layers as a pure function of data and UI state: stable ids, updateTriggers for UI-dependent accessors.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerKey } from '../state/url.ts';
import type { Rgb } from './colors.ts';
import type { MetricView } from './metric-values.ts';
import { DISTRICT_LABEL } from './style.ts';
import { mahallaFill, mahallaOutline, type MapLayer } from './mahalla-layers.ts';
import type { MapPoints } from './map-points.ts';

export interface MahallaFeatureProps {
  id: number;
  name: string;
  districtSoato: string;
  districtName: string;
}

export interface LayerData {
  territories?: FeatureCollection<Geometry, MahallaFeatureProps>;
  metric?: MetricView;
  /** interleaved lon,lat */
  points?: Float32Array;
  basePoints?: Array<{ id: number; name: string; lon: number; lat: number }>;
}

export interface LayerUi {
  layers: readonly LayerKey[];
  selected: number | null;
  /** changes whenever the metric values change, so deck.gl recomputes colours */
  metricKey: string;
}

export const LAYER_IDS = {
  choropleth: 'mahalla-fill',
  unrated: 'mahalla-unrated',
  selected: 'mahalla-selected',
  heat: 'incident-heat',
  base: 'base-points',
} as const;

type MahallaFeature = Feature<Geometry, MahallaFeatureProps>;

/** The selected mahalla's outline: the header's navy, readable over every ramp. */
export const SELECTED_LINE: [number, number, number, number] = [13, 27, 42, 255];

const withAlpha = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** Positions as 3-component Float32 (deck.gl's binary attributes expect x, y, z). */
export function toPositions3(xy: Float32Array): Float32Array {
  const n = xy.length / 2;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[3 * i] = xy[2 * i] ?? 0;
    out[3 * i + 1] = xy[2 * i + 1] ?? 0;
  }
  return out;
}

export function buildLayers(
  data: LayerData,
  ui: LayerUi,
  positions3?: Float32Array,
  /** records at each position (H3 bins at country and region zoom); absent: 1 each */
  weights?: Float32Array,
  /** the heat layer's maker (web/map/heat-layer.ts, loaded when the heat map is first switched on); absent: none */
  heat?: (positions3: Float32Array, weights?: Float32Array) => MapLayer,
): MapLayer[] {
  const on = (k: LayerKey): boolean => ui.layers.includes(k);
  const layers: MapLayer[] = [];
  const { territories, metric } = data;
  if (territories) {
    // Drawn by MapLibre from the tiles (web/map/mahalla-tiles.ts): colours by id, unrated mahallas (NaN) hatched.
    const rated = on('choropleth') && metric;
    layers.push(
      mahallaFill(
        LAYER_IDS.choropleth,
        territories,
        (f: MahallaFeature) => {
          if (!rated) return [0, 0, 0, 0];
          const v = metric.valueById.get(f.properties.id);
          // Mahallas outside the chosen district have no value, and unrated ones (NaN) are hatched instead.
          if (v === undefined || Number.isNaN(v)) return [0, 0, 0, 0];
          return withAlpha(metric.scale.colorOf(v), on('heat') ? 120 : 215);
        },
        (f: MahallaFeature) => !!rated && Number.isNaN(metric.valueById.get(f.properties.id)),
      ),
    );
    const selected = ui.selected === null ? [] : territories.features.filter((f) => f.properties.id === ui.selected);
    layers.push(mahallaOutline(LAYER_IDS.selected, selected, SELECTED_LINE, 3.5));
  }
  if (on('heat') && positions3 && positions3.length > 0 && heat) layers.push(heat(positions3, weights));
  if (on('base') && data.basePoints) layers.push(basePointDots(LAYER_IDS.base, data.basePoints));
  return layers;
}

/**
 * The base points as MapLibre draws them (web/map/map-points.ts): blue dots with a white ring, 220 m on the ground
 * with pixel bounds, a readable dot in a district and a speck (not a carpet) at national zoom; above the mahallas and
 * every overlay, below the district names.
 */
export function basePointDots(id: string, points: MapPoints['points']): MapPoints {
  return {
    kind: 'map-points',
    id,
    points,
    fill: [21, 101, 192, 255],
    stroke: [255, 255, 255, 255],
    strokePx: 1.5,
    metres: 220,
    minPx: 1.5,
    maxPx: 6.5,
    before: DISTRICT_LABEL,
  };
}
