// The scan's clusters on the map: each significant cluster's dissolved outline, drawn over the mahalla colours (so it
// reads beside the Gi* view) with a white halo, thicker when chosen. Pure: (clusters, ui) => layers.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import type { Rgb } from './colors.ts';
import { OVERLAY_BEFORE, placedBefore } from './style.ts';

export const SCAN_LAYER_ID = 'scan-clusters';
export const SCAN_HALO_ID = 'scan-clusters-halo';

/** What the layer needs of a cluster (GET /api/hotspots/scan). */
export interface ScanOutline {
  rank: number;
  direction: 'high' | 'low';
  p: number;
  outline: Position[][][];
}

export interface ScanLayerUi {
  /** the rank of the chosen cluster, drawn thicker; null for none */
  selected: number | null;
  /** clusters with p below this are drawn */
  alpha: number;
}

/** Outline colours: purple for more records than residents predict, teal for fewer (apart from Gi*'s reds and blues). */
export const SCAN_COLORS: Record<'high' | 'low', Rgb> = { high: [106, 27, 154], low: [0, 105, 92] };
const HALO: [number, number, number, number] = [255, 255, 255, 230];

/** The drawable clusters: significant ones only, as GeoJSON features whose properties are the clusters. */
export function scanFeatures<C extends ScanOutline>(
  clusters: readonly C[],
  alpha: number,
): FeatureCollection<MultiPolygon, C> {
  return {
    type: 'FeatureCollection',
    features: clusters
      .filter((c) => c.p < alpha)
      .map((c): Feature<MultiPolygon, C> => ({
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: c.outline },
        properties: c,
      })),
  };
}

/**
 * How one cluster's outline is drawn: its colour, the line's width and the halo's (pixels).
 * @example outlineStyle({ rank: 1, direction: 'high' }, 1) // { color: [106, 27, 154, 255], width: 5, halo: 8 }
 */
export function outlineStyle(
  c: Pick<ScanOutline, 'rank' | 'direction'>,
  selected: number | null,
): { color: [number, number, number, number]; width: number; halo: number } {
  const width = c.rank === selected ? 5 : 3;
  return { color: [...SCAN_COLORS[c.direction], 255], width, halo: width + 3 };
}

/**
 * Two layers (a white halo under a coloured line) of the significant clusters' outlines; only the line is pickable.
 * @example buildScanLayers(scan.clusters, { selected: 1, alpha: scan.params.alpha })
 */
export function buildScanLayers<C extends ScanOutline>(
  clusters: readonly C[],
  ui: ScanLayerUi,
): Array<GeoJsonLayer<C>> {
  const data = scanFeatures(clusters, ui.alpha);
  const style = (f: Feature<Geometry, C>) => outlineStyle(f.properties, ui.selected);
  const common = {
    data,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels' as const,
    lineJointRounded: true,
    updateTriggers: { getLineWidth: [ui.selected] },
  };
  return [
    new GeoJsonLayer<C>(
      placedBefore(OVERLAY_BEFORE, {
        ...common,
        id: SCAN_HALO_ID,
        getLineColor: HALO,
        getLineWidth: (f: Feature<Geometry, C>) => style(f).halo,
      }),
    ),
    new GeoJsonLayer<C>(
      placedBefore(OVERLAY_BEFORE, {
        ...common,
        id: SCAN_LAYER_ID,
        pickable: true,
        getLineColor: (f: Feature<Geometry, C>) => style(f).color,
        getLineWidth: (f: Feature<Geometry, C>) => style(f).width,
      }),
    ),
  ];
}
