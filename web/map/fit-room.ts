// The part of the map a fit may use: what the legend (or another box laid over the map) leaves free. Without it the
// national maps framed the whole country in the whole canvas and the legend, 250 px wide and half the map high, sat
// on its western third (Karakalpakstan under the legend on Coverage at 1440 × 900).
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A box in CSS px from the map canvas's top-left corner. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Fit padding in CSS px, each side given (MapLibre's Padding with nothing left out). */
export type Padding = Box;

/** Less free room than this (px, either way) and a cover is ignored: a fit into a sliver would show nothing. */
const MIN_ROOM = 160;

/**
 * The fit padding that keeps an area of `aspect` (its width ÷ height on screen) clear of the covers: each cover pushes
 * in the one edge (left, right, top or bottom of the map) that leaves the area the largest scale, by the cover's
 * extent plus `gap`. Covers are taken one after another; a cover that leaves no usable room is ignored.
 * @example fitRoom({ width: 1100, height: 600 }, 2, { top: 40, right: 40, bottom: 40, left: 40 },
 *   [{ left: 12, top: 60, right: 262, bottom: 560 }]) // { top: 40, right: 40, bottom: 40, left: 274 }
 */
export function fitRoom(
  size: { width: number; height: number },
  aspect: number,
  base: Padding,
  covers: readonly Box[],
  gap = 12,
): Padding {
  let pad = { ...base };
  // The scale an area of this aspect gets in what a padding leaves free (proportional to the fit's zoom).
  const scale = (p: Padding): number => {
    const w = size.width - p.left - p.right;
    const h = size.height - p.top - p.bottom;
    return w < MIN_ROOM || h < MIN_ROOM ? 0 : Math.min(w / aspect, h);
  };
  for (const c of covers) {
    const b = { left: Math.max(0, c.left), top: Math.max(0, c.top), right: c.right, bottom: c.bottom };
    if (b.right <= 0 || b.bottom <= 0 || b.left >= size.width || b.top >= size.height) continue;
    const options: Padding[] = [
      { ...pad, left: Math.max(pad.left, b.right + gap) },
      { ...pad, right: Math.max(pad.right, size.width - b.left + gap) },
      { ...pad, top: Math.max(pad.top, b.bottom + gap) },
      { ...pad, bottom: Math.max(pad.bottom, size.height - b.top + gap) },
    ];
    const best = options.reduce((a, o) => (scale(o) > scale(a) ? o : a));
    if (scale(best) > 0) pad = best;
  }
  return pad;
}

/**
 * The legends over `map` (the map area's `.legend` boxes beside the canvas), as boxes relative to the canvas; folded
 * legends count with their folded size, hidden ones not at all.
 */
export function mapCovers(map: MapLibreMap): Box[] {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const area = container.parentElement;
  if (!area) return [];
  return [...area.querySelectorAll<HTMLElement>(':scope > .legend')]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    }));
}

/**
 * Calls `change` whenever a legend over `map` appears, goes or changes size (it renders after its data, folds and
 * unfolds); returns the function that stops watching.
 */
export function watchCovers(map: MapLibreMap, change: () => void): () => void {
  const area = map.getContainer().parentElement;
  if (!area) return () => undefined;
  const sizes = new ResizeObserver(change);
  const observe = (): void => area.querySelectorAll(':scope > .legend').forEach((e) => sizes.observe(e));
  const children = new MutationObserver(() => {
    observe();
    change();
  });
  children.observe(area, { childList: true });
  observe();
  return () => {
    sizes.disconnect();
    children.disconnect();
  };
}

/**
 * Fits the camera to `b` [west, south, east, north], keeping clear of the attribution and scale in the bottom-right
 * corner (on a wall screen the attribution is large and spans the map's width) and of the legend (fitRoom above).
 * Tagged as the app's own move.
 */
export function fitBox(map: MapLibreMap, b: [number, number, number, number], duration: number): void {
  const el = map.getContainer();
  const corner = el.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right');
  const bottom = Math.max(40, (corner?.offsetHeight ?? 0) + 8);
  // The area's shape on screen (the same at every zoom): which side of the legend leaves it the most room.
  const sw = map.project([b[0], b[1]]);
  const ne = map.project([b[2], b[3]]);
  const aspect = Math.abs(ne.x - sw.x) / Math.max(1, Math.abs(sw.y - ne.y));
  const base = { top: 40, left: 40, right: 40, bottom };
  const padding = fitRoom({ width: el.clientWidth, height: el.clientHeight }, aspect, base, mapCovers(map));
  // A one-mahalla territory would otherwise fill the screen: 14 still shows its neighbours and the streets' scale.
  const options = { padding, duration, maxZoom: 14 };
  const to = map.cameraForBounds([b[0], b[1], b[2], b[3]], options);
  // Already there (a refit after a change that left the map's room as it was): no move, no frame.
  if (to?.center && to.zoom !== undefined && Math.abs(to.zoom - map.getZoom()) < 1e-6) {
    const [p, q] = [map.project(to.center), map.project(map.getCenter())];
    if (Math.abs(p.x - q.x) < 1e-6 && Math.abs(p.y - q.y) < 1e-6) return;
  }
  map.fitBounds([b[0], b[1], b[2], b[3]], options, { source: 'app' });
}
