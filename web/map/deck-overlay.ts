// The deck.gl overlay of a map (interleaved with MapLibre's layers), made only when a page first has deck.gl layers to
// draw: its WebGL device, programs and a pass of every frame cost the national first screen ≈ 0.5 s in software GL
// on two cores, and that screen's mahallas and base points are drawn by MapLibre (issue 15).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';

/**
 * Adds a deck.gl overlay to `map`: hover text from `tooltip()` (the page's latest), and `onTip` told whether one of
 * its tooltips is up (the tiles' own hover gives way to it, web/map/tile-pointer.ts).
 */
export function attachOverlay(
  map: MapLibreMap,
  tooltip: () => ((info: PickingInfo) => string | null) | undefined,
  onTip: (shown: boolean) => void,
): MapLibreOverlay {
  const deck = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    getTooltip: (info) => {
      const text = info.object ? tooltip()?.(info) : null;
      onTip(!!text);
      return text ? { text } : null;
    },
  });
  map.addControl(deck);
  return deck;
}
