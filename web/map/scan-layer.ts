// The scan's clusters on the map: each significant cluster's dissolved outline, drawn over the mahalla colours (so it
// reads beside the Gi* view) with a white halo, thicker when chosen. Pure: (clusters, ui) => layers. Loaded when the
// scan is switched on (web/views/hotspots/use-scan-layer.ts).
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import { OVERLAY_BEFORE, placedBefore } from './style.ts';
import {
  outlineStyle,
  scanFeatures,
  SCAN_HALO_ID,
  SCAN_LAYER_ID,
  type ScanLayerUi,
  type ScanOutline,
} from './scan-outline.ts';

const HALO: [number, number, number, number] = [255, 255, 255, 230];

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
