// Where the mahalla tiles live: a table of the database beside the boundaries they were cut from, gzipped once, with
// the fingerprint of those boundaries in `meta`. Tiles whose fingerprint no longer matches the mahallas or the region
// and district outlines (a boundary import, a database older than the tiles) are cut again, so the map can never draw boundaries the data no longer has.
import { gzipSync } from 'node:zlib';
import type { DuckDBBlobValue } from '@duckdb/node-api';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/database.ts';
import { replaceDerived, storedFingerprint } from '../db/derived-table.ts';
import type { Areas } from '../geo/borders.ts';
import { TILE_FORMAT, type Tile, type TileOutlines, type TileProps } from './build.ts';

export const TILE_TABLE = `CREATE TABLE IF NOT EXISTS boundary_tiles (
  z UTINYINT NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (z, x, y))`;
const FINGERPRINT_KEY = 'tiles_fingerprint';

/** What the tiles are cut from: the mahallas (feature id = mahalla id) and the region and district outlines. */
export interface TileInput {
  mahallas: FeatureCollection<Polygon | MultiPolygon, TileProps & { id: number }>;
  outlines: TileOutlines;
}

/**
 * A short digest of every mahalla's id, district and geometry, of the region and district outlines and of the tiles'
 * format: equal exactly when the tiles would be.
 */
export async function boundaryFingerprint(db: Pick<Db, 'all'>): Promise<string> {
  // One digest of the three (the fingerprint is part of the tile URLs, ≤ 40 characters).
  const [row] = await db.all<{ n: number; h: string }>(
    `SELECT (SELECT count(*) FROM mahallas)::INTEGER AS n,
       hash((SELECT coalesce(bit_xor(hash(id, district_soato, geometry)), 0) FROM mahallas),
            (SELECT coalesce(bit_xor(hash(soato, geometry)), 0) FROM regions),
            (SELECT coalesce(bit_xor(hash(soato, geometry)), 0) FROM districts))::VARCHAR AS h`,
  );
  return `${row?.n ?? 0}-${BigInt(row?.h ?? '0').toString(36)}-${TILE_FORMAT}`;
}

const areas = (rows: Array<{ geometry: string }>): Areas => ({
  type: 'FeatureCollection',
  features: rows.map((r) => ({
    type: 'Feature',
    properties: {},
    geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
  })),
});

/** The tiler's input from the database. */
export async function tileInput(db: Pick<Db, 'all'>): Promise<TileInput> {
  const rows = await db.all<{ id: number; district: string; geometry: string }>(
    'SELECT id, district_soato AS district, geometry FROM mahallas ORDER BY id',
  );
  const regions = await db.all<{ geometry: string }>('SELECT geometry FROM regions ORDER BY soato');
  const districts = await db.all<{ geometry: string }>('SELECT geometry FROM districts ORDER BY soato');
  return {
    mahallas: {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.id,
        properties: { id: r.id, district: r.district },
        geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
      })),
    },
    outlines: { regions: areas(regions), districts: areas(districts) },
  };
}

/** A tile gzipped as it is stored and sent. */
export const gzTile = (t: Tile): Tile => ({ ...t, data: gzipSync(t.data, { level: 6 }) });

/** Replaces the stored tiles with `tiles` (gzipped) of the boundaries `fingerprint`, in one transaction. */
export async function storeTiles(db: Db, tiles: Iterable<Tile>, fingerprint: string): Promise<number> {
  let n = 0;
  await replaceDerived(db, {
    create: TILE_TABLE,
    clear: 'DELETE FROM boundary_tiles',
    table: 'boundary_tiles',
    append: (ap) => {
      for (const t of tiles) {
        ap.appendUTinyInt(t.z);
        ap.appendInteger(t.x);
        ap.appendInteger(t.y);
        ap.appendBlob(t.data);
        ap.endRow();
        n++;
      }
    },
    metaKey: FINGERPRINT_KEY,
    fingerprint,
  });
  return n;
}

/** The stored tiles by "z/x/y" (gzipped) and the fingerprint they were cut from; null when there are none. */
export async function readTiles(db: Db): Promise<{ fingerprint: string; tiles: Map<string, Uint8Array> } | null> {
  const fingerprint = await storedFingerprint(db, FINGERPRINT_KEY);
  if (fingerprint === null) return null;
  const con = await db.connect();
  try {
    const reader = await con.runAndReadAll('SELECT z, x, y, data FROM boundary_tiles');
    const tiles = new Map<string, Uint8Array>();
    for (const [z, x, y, data] of reader.getRows())
      tiles.set(`${Number(z)}/${Number(x)}/${Number(y)}`, (data as DuckDBBlobValue).bytes);
    return { fingerprint, tiles };
  } catch {
    return null;
  } finally {
    con.closeSync();
  }
}
