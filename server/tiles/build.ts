// Vector tiles of the mahalla boundaries (Mapbox Vector Tile 2.1): each zoom's tiles cut from the polygons simplified
// for that zoom with shared borders kept shared (server/geo/simplify.ts), by geojson-vt (cutting, quantising to the
// tile grid) and vt-pbf (encoding). No hand-written encoder. Each feature carries the mahalla id as its feature id, so
// the map joins statistics to it by id (feature-state) and a filter change sends only numbers. The same tiles carry the
// region and district borders (OUTLINE_LAYER), so the map's workers cut no boundary GeoJSON of their own (issue 15:
// ≈ 0.5 s of the national first screen in software GL).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { simplifier } from '../geo/simplify.ts';
import { borders, type Areas } from '../geo/borders.ts';

/** The layer names the web's style reads. */
export const MAHALLA_LAYER = 'mahallas';
export const OUTLINE_LAYER = 'outlines';
/** Zooms tiled: the whole country fits a laptop screen at 5–6; beyond 12 the map over-zooms the zoom-12 tiles. */
export const TILE_MIN_ZOOM = 4;
export const TILE_MAX_ZOOM = 12;
/** Tile grid (4096: the MVT default). */
export const EXTENT = 4096;
/**
 * The margin cut around each tile (tile units; 64 = 8 px of a 512-px tile) so strokes do not end at its edge. Below
 * zoom 8 the map draws no mahalla outlines, only fills and the odd selection line (web/map/mahalla-tiles.ts
 * LINE_MIN_ZOOM): 3 px is room enough there, and every mahalla within the margin is cut into the tile a second time
 * (64 made 1,576 of the national zoom-5 tiles' 10,968 features repeats, each parsed and triangulated again by the
 * map's workers, issue 15).
 */
export const bufferAt = (z: number): number => (z < 8 ? 24 : 64);
/**
 * Bumped whenever what a tile holds for the same boundaries changes (its margin, its properties), so tiles already
 * stored are cut again (server/tiles/store.ts boundaryFingerprint).
 */
export const TILE_FORMAT = 4;

/**
 * What a tile's feature carries besides its id (the mahalla id, which the map joins its numbers to). Not the mahalla's
 * code: nothing on the map reads it, and as 9,400 distinct strings each worker decoded it on every national tile.
 */
export interface TileProps {
  /** the district's SOATO code */
  district: string;
}

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** the encoded tile, uncompressed */
  data: Uint8Array;
}

/** The region and district outlines whose land and borders are cut into the same tiles (server/geo/borders.ts). */
export interface TileOutlines {
  regions: Areas;
  districts: Areas;
}

/** `fc` cut to the tiles of zoom `z` only (simplification is done; geojson-vt only cuts and quantises). */
function cutAt(fc: FeatureCollection, z: number): GeoJSONVT {
  // indexMaxPoints 0: always split down to this zoom, and no further.
  return new GeoJSONVT(fc, {
    maxZoom: z,
    indexMaxZoom: z,
    indexMaxPoints: 0,
    tolerance: 0,
    extent: EXTENT,
    buffer: bufferAt(z),
  });
}

/**
 * Every non-empty tile of `fc` (and of `outlines`' land and borders, in OUTLINE_LAYER) from `minZoom` to `maxZoom`,
 * zoom by zoom (feature id = `id` of the mahalla).
 * @example
 * const tiles = [...buildTiles(mahallas, { minZoom: 10, maxZoom: 10 })]; // [{ z: 10, x: 693, y: 380, data }, …]
 */
export function* buildTiles(
  fc: FeatureCollection<Polygon | MultiPolygon, TileProps & { id: number }>,
  zooms: { minZoom?: number; maxZoom?: number } = {},
  outlines?: TileOutlines,
): Generator<Tile> {
  const at = simplifier(fc);
  const lines = outlines ? borders(outlines.regions, outlines.districts) : null;
  for (let z = zooms.minZoom ?? TILE_MIN_ZOOM; z <= (zooms.maxZoom ?? TILE_MAX_ZOOM); z++) {
    const input: FeatureCollection<Polygon | MultiPolygon, TileProps> = {
      type: 'FeatureCollection',
      features: at(z).features.map((f) => ({
        type: 'Feature',
        id: f.properties.id,
        geometry: f.geometry,
        properties: { district: f.properties.district },
      })),
    };
    const layers = [
      [MAHALLA_LAYER, cutAt(input, z)],
      ...(lines ? [[OUTLINE_LAYER, cutAt(lines(z), z)] as const] : []),
    ] as const;
    // A tile is written where any layer has something: the borders run where no mahalla is (a region without data).
    const where = new Map<string, { x: number; y: number }>();
    for (const [, index] of layers)
      for (const c of index.tileCoords) if (c.z === z) where.set(`${c.x}/${c.y}`, { x: c.x, y: c.y });
    for (const { x, y } of where.values()) {
      const held: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
      for (const [name, index] of layers) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length > 0) held[name] = tile;
      }
      if (Object.keys(held).length === 0) continue;
      yield { z, x, y, data: fromGeojsonVt(held, { version: 2, extent: EXTENT }) };
    }
  }
}
