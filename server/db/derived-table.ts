// Tables derived from the boundaries (the mahalla tiles, server/tiles/store.ts; the H3 cells' residents,
// server/services/hotspots/cell-residents.ts) are stored beside a `meta` row holding the fingerprint of what they were
// computed from. Rows and fingerprint are replaced in one transaction, so a reader never pairs new rows with an old
// fingerprint (or the reverse) after a crash part-way.
import type { DuckDBAppender } from '@duckdb/node-api';
import type { Db } from './database.ts';

export interface DerivedRows {
  /** CREATE TABLE IF NOT EXISTS of the table. */
  create: string;
  /** The DELETE of the rows being replaced, its values as `clearParams` ($1 …). */
  clear: string;
  clearParams?: Array<string | number>;
  table: string;
  /** Appends the new rows. */
  append: (ap: DuckDBAppender) => void;
  /** The `meta` key of the fingerprint, and the fingerprint of what the rows were computed from. */
  metaKey: string;
  fingerprint: string;
}

/**
 * Replaces a derived table's rows and its fingerprint together.
 * @example await replaceDerived(db, { create: TILE_TABLE, clear: 'DELETE FROM boundary_tiles', table: 'boundary_tiles', append, metaKey: 'tiles_fingerprint', fingerprint });
 */
export async function replaceDerived(db: Db, rows: DerivedRows): Promise<void> {
  const con = await db.connect();
  try {
    await con.run(rows.create);
    await con.run('BEGIN TRANSACTION');
    await con.run(rows.clear, rows.clearParams);
    const ap = await con.createAppender(rows.table);
    rows.append(ap);
    ap.closeSync();
    await con.run('DELETE FROM meta WHERE key = $1', [rows.metaKey]);
    await con.run('INSERT INTO meta VALUES ($1, $2)', [rows.metaKey, rows.fingerprint]);
    await con.run('COMMIT');
  } catch (err) {
    await con.run('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    con.closeSync();
  }
}

/** The fingerprint a derived table's rows were computed from, or null when none is stored (or no `meta` table). */
export async function storedFingerprint(db: Pick<Db, 'all'>, metaKey: string): Promise<string | null> {
  const [row] = await db
    .all<{ v: string }>('SELECT value AS v FROM meta WHERE key = $key', { key: metaKey })
    .catch(() => []);
  return row?.v ?? null;
}
