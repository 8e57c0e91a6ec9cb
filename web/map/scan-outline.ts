// The scan's clusters as the map draws them: their ids, colours and widths, and the drawable (significant) ones as
// GeoJSON. Apart from the deck.gl layers (web/map/scan-layer.ts), which load when the scan is switched on: the page
// and its panel name the layer and its colours without loading deck.gl (issue 15).
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { Rgb } from './colors.ts';

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
