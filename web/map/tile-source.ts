// The map's vector tile sources (server/tiles/build.ts cuts them): the mahallas and the region and district borders in
// one set of tiles, which the basemap style (web/map/style.ts) and the mahalla paint (web/map/mahalla-tiles.ts) share.
import type { VectorSourceSpecification } from 'maplibre-gl';
import type { TileJson } from '../queries/mahallas.ts';

export const TILE_SOURCE = 'mahalla-tiles';
/**
 * The same tiles again for the layers that show some mahallas only (hatch, selection, groups), each hidden while it
 * has none: MapLibre cuts a source's tiles again in its workers whenever a layer of it is added or filtered, so these
 * filters change with the numbers and the selection without cutting the fill's 9,400 polygons again (≈ 1 s on the
 * national first screen in software GL, issue 15), and the fill's tiles load before the numbers are there. The
 * browser keeps the tiles (immutable), so this source reads them from its cache.
 */
export const MARKS_SOURCE = 'mahalla-tile-marks';
/** The layer names inside the tiles (server/tiles/build.ts MAHALLA_LAYER, OUTLINE_LAYER). */
export const MAHALLA_LAYER = 'mahallas';
export const OUTLINE_LAYER = 'outlines';

/** The TileJSON's fields the map needs: tile URLs and zooms (web/queries/mahallas.ts asks for it early). */
export type TileUrls = Pick<TileJson, 'tiles' | 'minzoom' | 'maxzoom'>;

/**
 * The tiles as a style source: with `urls` given inline, so the map asks for tiles in its first frames; without, MapLibre
 * first asks for the TileJSON itself.
 */
export const tileSource = (urls: TileUrls | undefined): VectorSourceSpecification =>
  urls
    ? { type: 'vector', tiles: urls.tiles, minzoom: urls.minzoom, maxzoom: urls.maxzoom }
    : { type: 'vector', url: new URL('/api/tiles/mahallas.json', window.location.href).href };
