// The mahalla layers every page draws: a pickable fill under the mahalla outlines, and thick outlines for a selection
// or a group (a territory, the cooperation gaps). Pages that show the whole country or city describe them here and
// MapLibre draws them from the vector tiles (web/map/mahalla-tiles.ts): a filter change sends only colours by id.
import type { Layer } from '@deck.gl/core';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapPoints } from './map-points.ts';

export type Rgba = [number, number, number, number];

/** The mahalla outlines a page draws over its map (MapView's `outlines`). */
export interface MahallaOutlines {
  data: FeatureCollection;
  /** CSS colour and opacity: white over coloured mahallas, a faint grey over the bare basemap */
  color: string;
  opacity: number;
  /** the outlines are the tiles' (web/map/mahalla-tiles.ts), `data` is empty */
  tiles?: boolean;
}

/** Mahallas coloured by id from the tiles; `byId` gives a picked or hovered mahalla's feature to the page. */
export interface TileFill {
  kind: 'tile-fill';
  id: string;
  /** colour per mahalla id; ids absent (or alpha 0) show the basemap */
  colours: ReadonlyMap<number, Rgba>;
  /** ids drawn hatched ("not rated") instead of coloured */
  hatched: readonly number[];
  byId: ReadonlyMap<number, Feature>;
}

/** A thick outline around some mahallas (a selection, a territory, the gaps), drawn from the tiles. */
export interface TileLine {
  kind: 'tile-line';
  id: string;
  ids: readonly number[];
  color: Rgba;
  widthPx: number;
}

export type TilePaint = TileFill | TileLine;
/** What MapLibre draws for a page: the mahalla paint from the tiles and point sets (web/map/map-points.ts). */
export type MapPaint = TilePaint | MapPoints;
/** What a page's layer builder returns: deck.gl overlays and what MapLibre draws. */
export type MapLayer = Layer | MapPaint;

const MAP_PAINT = new Set(['tile-fill', 'tile-line', 'map-points']);
export const isMapPaint = (l: MapLayer): l is MapPaint => MAP_PAINT.has((l as Partial<MapPaint>).kind ?? '');
export const isTilePaint = (l: MapPaint): l is TilePaint => l.kind === 'tile-fill' || l.kind === 'tile-line';
export const isMapPoints = (l: MapPaint): l is MapPoints => l.kind === 'map-points';

/**
 * Mahallas filled by `fill` (transparent = basemap), pickable with a hover highlight, under the outlines; hatched where
 * `hatched` holds. `data` needs only the mahallas' properties (the index: web/queries/mahallas.ts useMahallaIndex).
 * @example mahallaFill('plan-fill', index, (f) => colourOf(f.properties.id))
 */
export function mahallaFill<P extends { id: number }>(
  id: string,
  data: FeatureCollection<Geometry, P>,
  fill: (f: Feature<Geometry, P>) => Rgba,
  hatched?: (f: Feature<Geometry, P>) => boolean,
): TileFill {
  const colours = new Map<number, Rgba>();
  const byId = new Map<number, Feature>();
  const hatch: number[] = [];
  for (const f of data.features) {
    byId.set(f.properties.id, f);
    if (hatched?.(f)) hatch.push(f.properties.id);
    const c = fill(f);
    if (c[3] > 0) colours.set(f.properties.id, c);
  }
  return { kind: 'tile-fill', id, colours, hatched: hatch, byId };
}

/** Thick outlines of `features` (a selected mahalla, a territory, the gaps), drawn above the fills and overlays. */
export function mahallaOutline<P extends { id: number }>(
  id: string,
  features: Array<Feature<Geometry, P>>,
  color: Rgba,
  widthPx: number,
): TileLine {
  return { kind: 'tile-line', id, ids: features.map((f) => f.properties.id), color, widthPx };
}

/** The outlines MapLibre draws for a page: white between coloured mahallas, faint grey over the bare basemap. */
export function mahallaOutlines(data: FeatureCollection | undefined, coloured: boolean): MahallaOutlines | null {
  if (!data) return null;
  return coloured ? { data, color: '#ffffff', opacity: 0.86 } : { data, color: '#546e7a', opacity: 0.5 };
}

const NO_SHAPES: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The same outlines for a page that draws its mahallas from the tiles (no GeoJSON: the tiles carry the shapes). */
export function tileOutlines(coloured: boolean): MahallaOutlines {
  return { ...(mahallaOutlines(NO_SHAPES, coloured) as MahallaOutlines), tiles: true };
}
