// deck.gl layers of the territories page as a pure function: inspector territories in categorical colours, unassigned
// mahallas hatched, overloaded territories marked, base points, the selected territory outlined.
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { hatchProps } from '../../map/hatch.ts';
import { placedBefore } from '../../map/style.ts';
import { OVERLAY_BEFORE } from '../../map/style.ts';
import type { Rgb } from '../../map/colors.ts';
import type { Outlines } from '../../queries/coverage.ts';

/** Eight categorical colours (Tableau 10 without its red and grey: red means "problem" on this page). */
export const TERRITORY_COLORS: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [118, 183, 178],
  [89, 161, 79],
  [237, 201, 72],
  [176, 122, 161],
  [255, 157, 167],
  [156, 117, 95],
];
export const PROBLEM: Rgb = [179, 38, 30];

export const TERRITORY_LAYER_IDS = {
  fill: 'territory-fill',
  unassigned: 'territory-unassigned',
  selected: 'territory-selected',
  overloaded: 'territory-overloaded',
  base: 'territory-base-points',
} as const;

/** Properties of a territory outline, as the API sends them. */
export type OutlineProps = Outlines['features'][number]['properties'];

export interface TerritoryLayerData {
  outlines?: FeatureCollection<MultiPolygon, OutlineProps>;
  /** mahallas without an inspector */
  unassigned?: FeatureCollection<Geometry, { id: number; name: string }>;
  basePoints?: Array<{ id: number; name: string; lon: number; lat: number }>;
  /** ids of inspectors over a norm */
  overloaded: ReadonlySet<number>;
}

export interface TerritoryLayerUi {
  selected: number | null;
  /** changes whenever `overloaded` does (deck.gl compares accessors' triggers, not sets) */
  overloadKey: string;
}

const rgba = (c: Rgb, a: number): [number, number, number, number] => [c[0], c[1], c[2], a];

/** A point to mark a territory by: the vertex mean of its largest outer ring (inside for the convex-ish mahalla groups). */
export function markerPoint(g: MultiPolygon): Position {
  let best: Position[] = [];
  for (const part of g.coordinates) if ((part[0]?.length ?? 0) > best.length) best = part[0] ?? [];
  const n = Math.max(1, best.length - 1);
  let x = 0,
    y = 0;
  for (let i = 0; i < n; i++) {
    x += best[i]?.[0] ?? 0;
    y += best[i]?.[1] ?? 0;
  }
  return [x / n, y / n];
}

export function buildTerritoryLayers(data: TerritoryLayerData, ui: TerritoryLayerUi): Layer[] {
  const layers: Layer[] = [];
  const { outlines, unassigned } = data;
  if (outlines) {
    layers.push(
      new GeoJsonLayer<OutlineProps>(
        placedBefore(OVERLAY_BEFORE, {
          id: TERRITORY_LAYER_IDS.fill,
          data: outlines,
          pickable: true,
          autoHighlight: true,
          highlightColor: [13, 27, 42, 60],
          filled: true,
          stroked: true,
          getFillColor: (f: Feature<Geometry, OutlineProps>) =>
            rgba(
              TERRITORY_COLORS[f.properties.slot] ?? TERRITORY_COLORS[0]!,
              ui.selected === f.properties.inspectorId ? 150 : 80,
            ),
          getLineColor: (f: Feature<Geometry, OutlineProps>) =>
            rgba(TERRITORY_COLORS[f.properties.slot] ?? TERRITORY_COLORS[0]!, 255),
          lineWidthUnits: 'pixels',
          getLineWidth: 1.6,
          updateTriggers: { getFillColor: [ui.selected] },
        }),
      ),
    );
  }
  if (unassigned && unassigned.features.length > 0) {
    layers.push(
      new GeoJsonLayer<{ id: number; name: string }>(
        placedBefore(OVERLAY_BEFORE, {
          id: TERRITORY_LAYER_IDS.unassigned,
          data: unassigned,
          pickable: true,
          filled: true,
          stroked: true,
          getFillColor: rgba(PROBLEM, 190),
          ...hatchProps(() => true),
          getLineColor: rgba(PROBLEM, 255),
          lineWidthUnits: 'pixels',
          getLineWidth: 2,
        }),
      ),
    );
  }
  if (outlines) {
    const selected = outlines.features.filter((f) => f.properties.inspectorId === ui.selected);
    layers.push(
      new GeoJsonLayer<OutlineProps>({
        id: TERRITORY_LAYER_IDS.selected,
        data: { type: 'FeatureCollection', features: selected },
        filled: false,
        stroked: true,
        getLineColor: [13, 27, 42, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
      }),
    );
    const marked = outlines.features.filter((f) => data.overloaded.has(f.properties.inspectorId));
    layers.push(
      new ScatterplotLayer<Feature<MultiPolygon, OutlineProps>>({
        id: TERRITORY_LAYER_IDS.overloaded,
        data: marked,
        pickable: true,
        getPosition: (f) => markerPoint(f.geometry) as [number, number],
        radiusUnits: 'pixels',
        getRadius: 5.5,
        getFillColor: rgba(PROBLEM, 255),
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        updateTriggers: { getPosition: [ui.overloadKey] },
      }),
    );
  }
  if (data.basePoints) {
    layers.push(
      new ScatterplotLayer<{ id: number; name: string; lon: number; lat: number }>({
        id: TERRITORY_LAYER_IDS.base,
        data: data.basePoints,
        pickable: true,
        getPosition: (d) => [d.lon, d.lat],
        radiusUnits: 'meters',
        getRadius: 200,
        radiusMinPixels: 2,
        radiusMaxPixels: 6,
        getFillColor: [13, 27, 42, 255],
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
      }),
    );
  }
  return layers;
}
