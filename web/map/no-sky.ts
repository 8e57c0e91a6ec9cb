// MapLibre draws its sky on every frame, even for a style without one (transparent colours, a quad over the whole
// canvas): our maps never pitch, so no horizon is ever in view and the opaque background layer covers it. In software
// GL that quad was ≈ 45 ms of a 250 ms national frame (bench/first-screen-trace.ts --frames, issue 15).
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Stops `map` drawing the sky; false if this MapLibre has no such draw function. The painter's draw functions are not
 * public API: a MapLibre without them keeps its sky (the map still draws, only slower), and
 * test/browser/tiles.test.ts fails when the sky's program is compiled. They are shared by every map: this map gets
 * its own copy.
 * @example const map = new Map({ ... }); skipSky(map);
 */
export function skipSky(map: MapLibreMap): boolean {
  const painter = (map as unknown as { painter?: { drawFunctions?: Record<string, unknown> } }).painter;
  if (!painter?.drawFunctions || typeof painter.drawFunctions.sky !== 'function') return false;
  painter.drawFunctions = { ...painter.drawFunctions, sky: () => undefined };
  return true;
}
