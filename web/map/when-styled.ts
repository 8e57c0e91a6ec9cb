// When a map's style may be changed: sources and layers added, paint set (MapView's effects wait on it).
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Runs `apply` as soon as the style is parsed (sources and layers may be added), not at 'load', which waits for the
 * first complete render: on the national first screen in software GL that is seconds of shader compiling and glyphs,
 * and the mahalla tiles' TileJSON was only asked for after it (issue 15: 2.6 s between the data and the tiles).
 * `isStyleLoaded()` also waits for every source, and a 'load' already past would never come again.
 */
export function whenStyled(map: MapLibreMap, apply: () => void): void {
  if (map.style?._loaded) apply();
  else map.once('style.load', apply);
}
