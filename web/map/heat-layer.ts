// The heat map of incidents or applications: a deck.gl HeatmapLayer over the points (or the H3 bins' centres with
// their counts as weights at country and region zoom, web/map/heat-lod.ts). Loaded when the heat map is first switched
// on (web/views/hotspots/HotspotsPage.tsx), so the first screen's script has no deck.gl in it (issue 15).
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { OVERLAY_BEFORE, placedBefore } from './style.ts';
import { LAYER_IDS } from './layers.ts';

/**
 * The heat layer over `positions3` (x, y, z), each weighing its `weights` entry (absent: 1 each).
 * @example heatLayer(toPositions3(points), bins.weights)
 */
export function heatLayer(positions3: Float32Array, weights?: Float32Array): HeatmapLayer {
  return new HeatmapLayer(
    placedBefore(OVERLAY_BEFORE, {
      id: LAYER_IDS.heat,
      opacity: 0.85,
      data: {
        length: positions3.length / 3,
        attributes: {
          getPosition: { value: positions3, size: 3 },
          ...(weights ? { getWeight: { value: weights, size: 1 } } : {}),
        },
      },
      radiusPixels: 28,
      intensity: 1,
      threshold: 0.12,
      colorRange: [
        [255, 255, 178, 60],
        [254, 217, 118, 140],
        [254, 178, 76, 190],
        [253, 141, 60, 220],
        [240, 59, 32, 235],
        [189, 0, 38, 245],
      ],
      aggregation: 'SUM',
    }),
  );
}
