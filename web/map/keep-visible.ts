// Keeps the mahalla a person picked on the map in sight when a card opens over the map: if the card would cover the
// point that was clicked (or picked under the cross-hair), the camera pans it into the part of the map left free.
import type { Map as MapLibreMap } from 'maplibre-gl';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far (CSS px) to pan so that `point` lands clear of `cover`, in the middle of the widest strip of `view` that
 * `cover` leaves free (left or right of it); [0, 0] when the point is already clear by `margin`.
 * @example panClear({ x: 900, y: 300 }, { left: 0, top: 0, right: 1000, bottom: 600 }, { left: 700, top: 0, right: 1000, bottom: 600 }) // [550, 0]
 */
export function panClear(point: { x: number; y: number }, view: Box, cover: Box, margin = 24): [number, number] {
  const under =
    point.x > cover.left - margin &&
    point.x < cover.right + margin &&
    point.y > cover.top - margin &&
    point.y < cover.bottom + margin;
  if (!under) return [0, 0];
  const leftStrip = Math.max(0, cover.left - view.left);
  const rightStrip = Math.max(0, view.right - cover.right);
  const x = leftStrip >= rightStrip ? view.left + leftStrip / 2 : cover.right + rightStrip / 2;
  // Panning by d moves the content by −d: to bring the point to x the camera pans by point.x − x.
  return [point.x - x, 0];
}

let picked: { map: MapLibreMap; lngLat: [number, number]; at: number } | null = null;

/** Remembers where on `map` the person last picked (a click, or Enter under the cross-hair). */
export function rememberPick(map: MapLibreMap, x: number, y: number): void {
  const p = map.unproject([x, y]);
  picked = { map, lngLat: [p.lng, p.lat], at: Date.now() };
}

/**
 * Pans the map that was last picked on so the picked point is not under `panel`; only a pick of the last few seconds
 * counts (a card opened from a list or a link has no point on the map to keep).
 */
export function keepPickVisible(panel: HTMLElement | null): void {
  if (!panel || !picked || Date.now() - picked.at > 5000) return;
  const { map, lngLat } = picked;
  const canvas = map.getCanvas().getBoundingClientRect();
  const card = panel.getBoundingClientRect();
  const p = map.project(lngLat);
  const view = { left: 0, top: 0, right: canvas.width, bottom: canvas.height };
  const cover = {
    left: card.left - canvas.left,
    top: card.top - canvas.top,
    right: card.right - canvas.left,
    bottom: card.bottom - canvas.top,
  };
  const [dx, dy] = panClear(p, view, cover);
  if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: 300 });
}
