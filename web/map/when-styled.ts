// When a map's style may be changed (sources and layers added, paint set), and when all of its sources have loaded:
// MapView's effects wait on them.
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

/**
 * Runs `apply` once every source of `map` has loaded (MapLibre's isStyleLoaded(), which the deck.gl overlay waits
 * for to place its layers among ours), checked as each source reports data: at the render that draws the last tile,
 * not after the next 'idle', which on the national first screen came two software-GL frames (≈ 0.6 s) later, each
 * drawn again once the overlay was placed (issue 15). Returns a function that stops waiting.
 * @example useEffect(() => whenAllLoaded(map, () => overlay.setProps({ layers })), [layers]);
 */
export function whenAllLoaded(map: MapLibreMap, apply: () => void): () => void {
  const check = (): void => {
    if (!map.isStyleLoaded()) return;
    stop();
    apply();
  };
  const stop = (): void => {
    map.off('sourcedata', check);
    map.off('styledata', check);
    map.off('idle', check);
  };
  map.on('sourcedata', check);
  map.on('styledata', check);
  map.on('idle', check);
  return stop;
}
