// Draws a page's mahalla paint (web/map/mahalla-layers.ts) with MapLibre from the server's vector tiles: one vector
// source, a fill coloured by feature-state (setFeatureState per mahalla id, the hovered mahalla's colour darkened in
// the same layer), a hatch for unrated mahallas, the thin outlines and one filtered line layer per selection or group.
// A filter change only sets states and filters (numbers); the geometry is tiles the browser already has.
// Few layers and programs on purpose: in software GL (SwiftShader) every program costs ≈ 0.2–0.7 s to compile on the
// first screen and every layer a pass over 9,400 polygons each frame (issue 15).
import type {
  ExpressionSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  PointLike,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { MahallaOutlines } from './MapView.tsx';
import type { Rgba, TileFill, TileLine, TilePaint } from './mahalla-layers.ts';
import { HATCH_COLOR } from './hatch.ts';
import { DISTRICT_LABEL } from './style.ts';
import type { TileJson } from '../queries/mahallas.ts';

export const TILE_SOURCE = 'mahalla-tiles';
/** The layer name inside the tiles (server/tiles/build.ts MAHALLA_LAYER). */
const SOURCE_LAYER = 'mahallas';
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

const css = (c: Rgba): string => `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(3)})`;

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
}
const drawn = new WeakMap<MapLibreMap, Drawn>();

/**
 * A 16-px diagonal hatch in the unrated colour (the deck.gl pattern's look: web/map/hatch.ts), as RGBA pixels (not
 * premultiplied): 1.75-px lines along x + y = 0, 16 and 32 in pixel units (so the tile repeats without seams), each
 * pixel covered by the part of its square within half the width of a line (a box filter, as a canvas antialiases).
 * Computed, not drawn on a canvas: the first 2D canvas and its read-back waited 0.5 s for software GL's backlog on
 * the national first screen (issue 15), even made with willReadFrequently.
 * @example hatchPixels([110, 124, 138, 150]).data.length // 16 * 16 * 4
 */
export function hatchPixels(color: Rgba, size = 16, width = 1.75): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Distance from the pixel's centre to the nearest line x + y = k·size, along the lines' normal.
      const s = x + y + 1;
      const d = Math.abs(s - Math.round(s / size) * size) / Math.SQRT2;
      const cover = Math.min(1, Math.max(0, width / 2 + 0.5 - d));
      if (cover === 0) continue;
      const o = 4 * (y * size + x);
      data.set([color[0], color[1], color[2], Math.round(color[3] * cover)], o);
    }
  return { width: size, height: size, data };
}

/** The TileJSON's fields the map needs: tile URLs and zooms (web/queries/mahallas.ts asks for it early). */
export type TileUrls = Pick<TileJson, 'tiles' | 'minzoom' | 'maxzoom'>;

const tileSource = (urls: TileUrls | undefined): VectorSourceSpecification =>
  urls
    ? { type: 'vector', tiles: urls.tiles, minzoom: urls.minzoom, maxzoom: urls.maxzoom }
    : { type: 'vector', url: new URL('/api/tiles/mahallas.json', window.location.href).href };

/**
 * `style` with the tile source as its first source: MapLibre asks its workers for tiles source by source in style
 * order, and a worker parses one tile at a time, so the mahalla tiles are fetched before the boundaries' GeoJSON tiles
 * are cut (on the national first screen these held the tile requests back ≈ 0.7 s). A source no layer uses fetches
 * nothing: a page without tile paint still never fetches a tile.
 * @example new Map({ container, style: withTileSource(basemapStyle(LIGHT, regions, districts), tileJson) })
 */
export function withTileSource(style: StyleSpecification, urls: TileUrls): StyleSpecification {
  return { ...style, sources: { [TILE_SOURCE]: tileSource(urls), ...style.sources } };
}

/**
 * Adds the tile source (unless the style has it) and its base layers once per map. With `urls` the tiles are asked
 * for in the next frame; without, MapLibre first asks for the TileJSON itself.
 */
function ensureSource(map: MapLibreMap, urls: TileUrls | undefined): Drawn {
  let d = drawn.get(map);
  if (d) return d;
  if (!map.getSource(TILE_SOURCE)) map.addSource(TILE_SOURCE, tileSource(urls));
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
      ...src,
      filter: inIds([]),
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
  d = { colours: new Map(), given: new Map(), lines: new Set(), hovered: null };
  drawn.set(map, d);
  return d;
}

/**
 * Brings the map's tile layers to `paint` with `outlines`' colour: feature-states for changed colours only, the hatch
 * and selection filters, line layers added or removed by id. Nothing is added while `paint` is empty and no tile layer
 * was ever drawn, nor while `urls` is null (the TileJSON is on its way); `urls` undefined: MapLibre asks for it.
 * @example applyTilePaint(map, [mahallaFill('fill', index, colourOf)], tileOutlines(true), tileJson)
 */
export function applyTilePaint(
  map: MapLibreMap,
  paint: readonly TilePaint[],
  outlines: MahallaOutlines | null,
  urls?: TileUrls | null,
): void {
  if ((paint.length === 0 || urls === null) && !drawn.has(map)) return;
  const d = ensureSource(map, urls ?? undefined);
  const fill = paint.find((p): p is TileFill => p.kind === 'tile-fill');
  const next = new Map<number, string>();
  for (const [id, c] of fill?.colours ?? []) next.set(id, css(c));
  const at = (id: number) => ({ source: TILE_SOURCE, sourceLayer: SOURCE_LAYER, id });
  for (const id of d.colours.keys()) if (!next.has(id)) map.setFeatureState(at(id), { fill: null });
  for (const [id, c] of next) if (d.colours.get(id) !== c) map.setFeatureState(at(id), { fill: c });
  d.colours = next;
  d.given = fill?.colours ?? new Map<number, Rgba>();
  // The hovered mahalla's highlight follows its new colour.
  if (d.hovered !== null) map.setFeatureState(at(d.hovered), { hoverFill: hoverFill(d, d.hovered) });
  map.setFilter(TILE_HATCH, inIds(fill?.hatched ?? []));
  map.setLayoutProperty(TILE_LINE, 'visibility', outlines?.tiles ? 'visible' : 'none');
  // The fill's edge is the outline below LINE_MIN_ZOOM (transparent above, where the line layer draws it); without
  // outlines it is the fill's own colour, an antialiased edge.
  map.setPaintProperty(
    TILE_FILL,
    'fill-outline-color',
    outlines?.tiles
      ? ['step', ['zoom'], hexWithAlpha(outlines.color, outlines.opacity), LINE_MIN_ZOOM, 'rgba(0,0,0,0)']
      : undefined,
  );
  if (outlines) {
    map.setPaintProperty(TILE_LINE, 'line-color', outlines.color);
    map.setPaintProperty(TILE_LINE, 'line-opacity', outlines.opacity);
  }
  const lines = paint.filter((p): p is TileLine => p.kind === 'tile-line');
  for (const id of d.lines) if (!lines.some((l) => l.id === id)) map.removeLayer(id);
  d.lines = new Set(lines.map((l) => l.id));
  for (const l of lines) {
    if (!map.getLayer(l.id))
      map.addLayer(
        { id: l.id, type: 'line', source: TILE_SOURCE, 'source-layer': SOURCE_LAYER, layout: { 'line-join': 'round' } },
        SELECTION_BEFORE,
      );
    map.setFilter(l.id, inIds(l.ids));
    map.setPaintProperty(l.id, 'line-color', css(l.color));
    map.setPaintProperty(l.id, 'line-width', l.widthPx);
  }
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
