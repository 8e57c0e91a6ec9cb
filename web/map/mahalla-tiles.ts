// Draws a page's mahalla paint (web/map/mahalla-layers.ts) with MapLibre from the server's vector tiles: a fill
// coloured by feature-state (setFeatureState per mahalla id, the hovered mahalla's colour darkened in the same layer)
// and the thin outlines from one source, the marks of a few mahallas (a hatch for unrated ones, one filtered line
// layer per selection or group) from a second source of the same tiles. A filter change only sets states and filters
// (numbers); the geometry is tiles the browser already has.
// Few layers and programs on purpose: in software GL (SwiftShader) every program costs ≈ 0.2–0.7 s to compile on the
// first screen and every layer a pass over 9,400 polygons each frame (issue 15).
import type { ExpressionSpecification, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { MahallaOutlines, Rgba, TileFill, TileLine, TilePaint } from './mahalla-layers.ts';
import { HATCH_COLOR, hatchPixels, UNRATED_TINT } from './hatch.ts';
import { DISTRICT_LABEL } from './style.ts';
import { MAHALLA_LAYER, MARKS_SOURCE, TILE_SOURCE, tileSource, type TileUrls } from './tile-source.ts';

/** The mahallas' layer inside the tiles. */
const SOURCE_LAYER = MAHALLA_LAYER;
export const TILE_FILL = 'mahalla-tile-fill';
const TILE_HATCH = 'mahalla-tile-hatch';
const TILE_LINE = 'mahalla-tile-line';
const HATCH_IMAGE = 'mahalla-hatch';
/** Fills go under the deck.gl overlay (placed before the mahalla line), lines above it, selections above districts. */
const FILL_BEFORE = 'region-line';
const LINE_BEFORE = 'district-line';
const SELECTION_BEFORE = DISTRICT_LABEL;

/**
 * Below this zoom the outlines are the fill's own antialiased edge in the outline colour (hairlines drawn from the
 * fill's triangles), not a line layer: at national zoom the line layer's ≈ 9,400 outlines were the dearest pass of a
 * frame in software GL and the workers' largest job per tile (issue 15). Its 0.4 px lines look like these hairlines
 * at the same opacity (at half of it they read as fainter than before, side by side).
 */
const LINE_MIN_ZOOM = 8;

/**
 * Unrated mahallas are hatched from this zoom on, over the tint they are filled with (UNRATED_TINT) at every zoom: on
 * polygons a few pixels wide a 16-px hatch fell as stray pixels, and it cost the national first screen a second
 * reading of the tiles and the pattern program (≈ 0.4–0.7 s in software GL, issue 15).
 */
const HATCH_MIN_ZOOM = 8;

const css = (c: Rgba): string => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(3)})`;
/** What unrated mahallas are filled with, as a feature-state colour. */
const UNRATED_CSS = css(UNRATED_TINT);

/** The hover highlight: this colour at this opacity laid over the mahalla's own fill. */
const HOVER: Rgba = [30, 60, 90, Math.round(0.27 * 255)];

/**
 * `top` laid over `under` (both with alpha) as one colour, so the hovered mahalla is drawn by the fill layer itself
 * instead of a second fill layer over all of them.
 * @example over([30, 60, 90, 69], [0, 0, 0, 0]) // [30, 60, 90, 69]
 */
export function over(top: Rgba, under: Rgba): Rgba {
  const [a, b] = [top[3] / 255, under[3] / 255];
  const alpha = a + b * (1 - a);
  if (alpha === 0) return [0, 0, 0, 0];
  const mix = (k: 0 | 1 | 2): number => Math.round((top[k] * a + under[k] * b * (1 - a)) / alpha);
  return [mix(0), mix(1), mix(2), Math.round(alpha * 255)];
}
const inIds = (ids: readonly number[]): ExpressionSpecification => ['in', ['id'], ['literal', [...ids]]];

/** What is drawn on one map now, so the next paint changes only what differs. */
interface Drawn {
  /** the fill of each coloured mahalla, as set in its feature-state */
  colours: Map<number, string>;
  /** the same fills as the page gave them (the hover highlight is laid over them) */
  given: ReadonlyMap<number, Rgba>;
  lines: Set<string>;
  hovered: number | null;
  /** each layer property, filter and visibility as last set (JSON), by `layer/property` */
  set: Map<string, string>;
}
const drawn = new WeakMap<MapLibreMap, Drawn>();

/**
 * Adds the tile sources (unless the style has them, web/map/style.ts) and their base layers once per map. With `urls`
 * the tiles are asked for in the next frame; without, MapLibre first asks for the TileJSON itself.
 */
function ensureSource(map: MapLibreMap, urls: TileUrls | undefined): Drawn {
  let d = drawn.get(map);
  if (d) return d;
  for (const id of [TILE_SOURCE, MARKS_SOURCE]) if (!map.getSource(id)) map.addSource(id, tileSource(urls));
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPixels(HATCH_COLOR));
  const src = { source: TILE_SOURCE, 'source-layer': SOURCE_LAYER };
  map.addLayer(
    {
      id: TILE_FILL,
      type: 'fill',
      ...src,
      paint: {
        // The hovered mahalla gets its fill with the highlight laid over (`over`), set with the hover state.
        'fill-color': [
          'to-color',
          [
            'case',
            ['boolean', ['feature-state', 'hover'], false],
            ['coalesce', ['feature-state', 'hoverFill'], css(HOVER)],
            ['coalesce', ['feature-state', 'fill'], 'rgba(0,0,0,0)'],
          ],
        ],
      },
    },
    FILL_BEFORE,
  );
  // No antialiased edge (a second program and pass over every polygon): the hatch lines are drawn aliased anyway.
  map.addLayer(
    {
      id: TILE_HATCH,
      type: 'fill',
      source: MARKS_SOURCE,
      'source-layer': SOURCE_LAYER,
      filter: inIds([]),
      minzoom: HATCH_MIN_ZOOM,
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-antialias': false },
    },
    FILL_BEFORE,
  );
  map.addLayer(
    {
      id: TILE_LINE,
      type: 'line',
      ...src,
      minzoom: LINE_MIN_ZOOM,
      paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 14, 1.2] },
    },
    LINE_BEFORE,
  );
  d = { colours: new Map(), given: new Map(), lines: new Set(), hovered: null, set: new Map() };
  drawn.set(map, d);
  return d;
}

/**
 * Brings the map's tile layers to `paint` with `outlines`' colour: feature-states for changed colours only, the hatch
 * and selection filters, line layers added or removed by id. The fill and outlines are added as soon as the page says
 * it draws from the tiles (`outlines.tiles` or some paint), before its numbers, so the tiles load meanwhile. Nothing is
 * added while `urls` is null (the TileJSON is on its way); `urls` undefined: MapLibre asks for it.
 * @example applyTilePaint(map, [mahallaFill('fill', index, colourOf)], tileOutlines(true), tileJson)
 */
export function applyTilePaint(
  map: MapLibreMap,
  paint: readonly TilePaint[],
  outlines: MahallaOutlines | null,
  urls?: TileUrls | null,
): void {
  if ((urls === null || (paint.length === 0 && !outlines?.tiles)) && !drawn.has(map)) return;
  const d = ensureSource(map, urls ?? undefined);
  const fill = paint.find((p): p is TileFill => p.kind === 'tile-fill');
  const next = new Map<number, string>();
  for (const [id, c] of fill?.colours ?? []) next.set(id, css(c));
  for (const id of fill?.hatched ?? []) if (!next.has(id)) next.set(id, UNRATED_CSS);
  const at = (id: number) => ({ source: TILE_SOURCE, sourceLayer: SOURCE_LAYER, id });
  for (const id of d.colours.keys()) if (!next.has(id)) map.setFeatureState(at(id), { fill: null });
  for (const [id, c] of next) if (d.colours.get(id) !== c) map.setFeatureState(at(id), { fill: c });
  d.colours = next;
  d.given = fill?.colours ?? new Map<number, Rgba>();
  // The hovered mahalla's highlight follows its new colour.
  if (d.hovered !== null) map.setFeatureState(at(d.hovered), { hoverFill: hoverFill(d, d.hovered) });
  const paintOf = (layer: string, name: PaintArgs[1], value: PaintArgs[2]): void =>
    setOnce(d, `${layer}/${name}`, value, () => map.setPaintProperty(layer, name, value));
  showSome(map, d, TILE_HATCH, fill?.hatched ?? []);
  setOnce(d, `${TILE_LINE}/visibility`, !!outlines?.tiles, () =>
    map.setLayoutProperty(TILE_LINE, 'visibility', outlines?.tiles ? 'visible' : 'none'),
  );
  // The fill's edge is the outline below LINE_MIN_ZOOM (transparent above, where the line layer draws it); without
  // outlines it is the fill's own colour, an antialiased edge.
  paintOf(
    TILE_FILL,
    'fill-outline-color',
    outlines?.tiles
      ? ['step', ['zoom'], hexWithAlpha(outlines.color, outlines.opacity), LINE_MIN_ZOOM, 'rgba(0,0,0,0)']
      : undefined,
  );
  if (outlines) {
    paintOf(TILE_LINE, 'line-color', outlines.color);
    paintOf(TILE_LINE, 'line-opacity', outlines.opacity);
  }
  const lines = paint.filter((p): p is TileLine => p.kind === 'tile-line');
  for (const id of d.lines)
    if (!lines.some((l) => l.id === id)) {
      map.removeLayer(id);
      for (const key of [...d.set.keys()]) if (key.startsWith(`${id}/`)) d.set.delete(key);
    }
  d.lines = new Set(lines.map((l) => l.id));
  for (const l of lines) {
    if (!map.getLayer(l.id))
      map.addLayer(
        {
          id: l.id,
          type: 'line',
          source: MARKS_SOURCE,
          'source-layer': SOURCE_LAYER,
          filter: inIds(l.ids),
          layout: { 'line-join': 'round', visibility: l.ids.length > 0 ? 'visible' : 'none' },
        },
        SELECTION_BEFORE,
      );
    showSome(map, d, l.id, l.ids);
    paintOf(l.id, 'line-color', css(l.color));
    paintOf(l.id, 'line-width', l.widthPx);
  }
}

type PaintArgs = Parameters<MapLibreMap['setPaintProperty']>;

/**
 * Runs `apply` only when `value` differs from what was last set under `key`: each of MapLibre's setters has the map
 * draw a frame again, even for an equal value, and a frame takes 0.2–0.4 s in software GL (issue 15).
 */
function setOnce(d: Drawn, key: string, value: unknown, apply: () => void): void {
  const json = JSON.stringify(value) ?? 'undefined';
  if (d.set.get(key) === json) return;
  d.set.set(key, json);
  apply();
}

/**
 * Layer `id` (of MARKS_SOURCE) shows the mahallas `ids`, and is hidden while there are none: a hidden layer's source
 * loads no tiles, so a page with nothing hatched or selected never reads the tiles twice.
 */
function showSome(map: MapLibreMap, d: Drawn, id: string, ids: readonly number[]): void {
  setOnce(d, `${id}/filter`, ids, () => map.setFilter(id, inIds(ids)));
  setOnce(d, `${id}/visibility`, ids.length > 0, () =>
    map.setLayoutProperty(id, 'visibility', ids.length > 0 ? 'visible' : 'none'),
  );
}

/**
 * A `#rrggbb` colour at opacity `a` as CSS rgba().
 * @example hexWithAlpha('#546e7a', 0.25) // 'rgba(84,110,122,0.250)'
 */
export function hexWithAlpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1, 7), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a.toFixed(3)})`;
}

/** The id of the mahalla drawn from the tiles at `point` (pixels), or null. */
export function tileMahallaAt(map: MapLibreMap, point: PointLike): number | null {
  if (!map.getLayer(TILE_FILL)) return null;
  const [f]: MapGeoJSONFeature[] = map.queryRenderedFeatures(point, { layers: [TILE_FILL] });
  return typeof f?.id === 'number' ? f.id : null;
}

/** Highlights the mahalla `id` under the pointer (null: none), clearing the previous one. */
export function hoverTileMahalla(map: MapLibreMap, id: number | null): void {
  const d = drawn.get(map);
  if (!d || d.hovered === id) return;
  const at = (m: number) => ({ source: TILE_SOURCE, sourceLayer: SOURCE_LAYER, id: m });
  if (d.hovered !== null) map.setFeatureState(at(d.hovered), { hover: false });
  if (id !== null) map.setFeatureState(at(id), { hover: true, hoverFill: hoverFill(d, id) });
  d.hovered = id;
}

/** The colour of mahalla `id` while hovered: the highlight over its fill (over the basemap where it has none). */
const hoverFill = (d: Drawn, id: number): string => css(over(HOVER, d.given.get(id) ?? [0, 0, 0, 0]));
