// The map's first frame is drawn once its first view is complete, not frame by frame as each tile arrives.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** MapLibre's painter and style: internal, but `render` is the one entry of a frame's drawing (pinned maplibre-gl 6). */
interface Painter {
  render: (style: Style, ...rest: unknown[]) => void;
  context: unknown;
}
interface Style {
  tileManagers: Record<string, { used: boolean; prepare: (context: unknown) => void }>;
}

/**
 * Skips MapLibre's drawing until every source of the style has its first view's tiles (or `maxWaitMs` has passed),
 * then draws as usual. The frame loop itself runs as always (it is what asks for the tiles and lays out the labels);
 * only the painting of half-loaded frames is skipped: in software GL each took ≈ 0.25 s of the two cores the tiles
 * were being cut on, and the first screen drew six of them (issue 15). What a frame does before it paints still runs
 * (the sources' `prepare`: feature states set meanwhile applied to the tiles that came, their buffers uploaded), so
 * the first painted frame does not do it for every tile at once (≈ 0.15 s of the national first screen's last frame).
 */
export function drawFirstWhenLoaded(map: MapLibreMap, maxWaitMs = 8_000): void {
  const painter = (map as unknown as { painter?: Painter }).painter;
  if (!painter) return;
  const render = painter.render;
  const until = performance.now() + maxWaitMs;
  const timer = setTimeout(() => map.triggerRepaint(), maxWaitMs);
  painter.render = function (this: Painter, style: Style, ...rest: unknown[]): void {
    if (!map.isStyleLoaded() && performance.now() < until) {
      for (const tiles of Object.values(style.tileManagers)) if (tiles.used) tiles.prepare(this.context);
      return;
    }
    clearTimeout(timer);
    painter.render = render;
    render.call(this, style, ...rest);
  };
}
