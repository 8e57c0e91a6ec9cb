// The room the map's credits (attribution) take at the bottom of a page's map area, kept in a CSS variable there so
// the legend and the panels beside it stand above the credits, never under them. The attribution is never collapsed:
// on a narrow map (Cooperation or Plans beside their side panels) it wraps onto two or three lines and covered the
// legend's last lines (issue 14). No fixed offset can know how many lines the credits take in every language.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** px from the bottom of the map's parent (the page's `.map-area`) to the top of the attribution */
export const CREDITS_ROOM = '--map-credits';

/**
 * Keeps `--map-credits` on the map container's parent up to date as the attribution wraps or the area resizes;
 * returns the function that stops it. Call after the AttributionControl is added.
 * @example const stop = keepCreditsRoom(map); // CSS: .legend { bottom: calc(var(--map-credits, 28px) + 12px) }
 */
export function keepCreditsRoom(map: MapLibreMap): () => void {
  const area = map.getContainer().parentElement;
  // The corner, not the attribution itself: the attribution is made again when the language changes
  // (corner-controls.ts), the corner that holds it stays.
  const corner = map.getContainer().querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right');
  if (!area || !corner) return () => undefined;
  const measure = (): void => {
    const credits = corner.querySelector<HTMLElement>('.maplibregl-ctrl-attrib');
    if (!credits) return;
    // The distance, not the attribution's height: on Hotspots the map (and so its credits) stands above the timebar.
    const room = Math.ceil(area.getBoundingClientRect().bottom - credits.getBoundingClientRect().top);
    if (room > 0) area.style.setProperty(CREDITS_ROOM, `${room}px`);
  };
  const watch = new ResizeObserver(measure);
  watch.observe(corner);
  watch.observe(area);
  measure();
  return () => {
    watch.disconnect();
    area.style.removeProperty(CREDITS_ROOM);
  };
}
