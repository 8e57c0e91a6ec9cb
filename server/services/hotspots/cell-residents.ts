// Residents of H3 cells per resolution: a pre-aggregate of the boundaries, kept in the database (h3_cell_residents)
// beside a fingerprint of the mahallas and district outlines it was computed from (meta key h3_residents_<res>), as the
// tiles are (server/tiles/store.ts). Computing it is ≈ 2 s of polygon cover and clipping for the national resolution 7;
// a record import leaves the fingerprint as it was, so only a boundary or residents change (a build, a boundary import)
// computes it again, on the statistics worker, and stores it for the next start.
import type { Db } from '../../db/database.ts';
import { replaceDerived, storedFingerprint } from '../../db/derived-table.ts';
import { dataEpoch, memoAsync, perDb } from '../../db/per-db.ts';
import { cellResidents, type CellResidents, type ResidentsInput } from '../../geo/h3-study-area.ts';
import { runStat } from '../../stats/pool.ts';
import { districtSql } from '../../selection/area.ts';

export const CELL_RESIDENTS_TABLE = `CREATE TABLE IF NOT EXISTS h3_cell_residents (
  res UTINYINT NOT NULL, cell DOUBLE NOT NULL, residents DOUBLE NOT NULL)`;

/** Raised when the way residents are apportioned changes, so rows computed the old way are computed again. */
const METHOD = 'v1';
const metaKey = (res: number): string => `h3_residents_${res}`;

/**
 * A short digest of what the cells' residents depend on: every mahalla's id, district, residents, label point and
 * geometry, and the outlines of the districts holding mahallas. Equal exactly when the residents would be.
 */
export async function residentsFingerprint(db: Pick<Db, 'all'>): Promise<string> {
  const [row] = await db.all<{ n: number; m: string; d: string }>(
    `SELECT (SELECT count(*) FROM mahallas)::INTEGER AS n,
       (SELECT coalesce(bit_xor(hash(id, district_soato, population, centroid_lon, centroid_lat, geometry)), 0)
        FROM mahallas)::VARCHAR AS m,
       (SELECT coalesce(bit_xor(hash(soato, geometry)), 0) FROM districts
        WHERE soato IN (SELECT DISTINCT district_soato FROM mahallas))::VARCHAR AS d`,
  );
  const b36 = (h: string | undefined): string => BigInt(h ?? '0').toString(36);
  return `${METHOD}-${row?.n ?? 0}-${b36(row?.m)}-${b36(row?.d)}`;
}

/** Outlines (GeoJSON text) of some districts, or with `null` of every district that has mahallas. */
export async function outlines(db: Db, districts: string[] | null): Promise<string[]> {
  const area = districtSql(districts, 'soato');
  // District outlines rather than their ≈ 9,400 mahallas: the demo mahallas tile them exactly, and at resolution 5 a
  // cell is larger than a mahalla anyway.
  const rows = await db.columns<{ g: string }>(
    `SELECT geometry AS g FROM districts WHERE soato IN (SELECT DISTINCT district_soato FROM mahallas) AND ${area.sql} ORDER BY soato`,
    area.params,
  );
  return rows.g;
}

/** What the cells' residents at `res` are computed from. */
export async function residentsInput(db: Db, res: number): Promise<ResidentsInput> {
  const [districts, mahallas] = await Promise.all([
    outlines(db, null),
    db.all<{ population: number; lon: number; lat: number; g: string }>(
      'SELECT population, centroid_lon AS lon, centroid_lat AS lat, geometry AS g FROM mahallas ORDER BY id',
    ),
  ]);
  return { res, outlines: districts, mahallas };
}

/** Replaces the stored residents of `res` with `cells`, computed from the boundaries `fingerprint`, in one transaction. */
export async function storeCellResidents(
  db: Db,
  res: number,
  cells: CellResidents,
  fingerprint: string,
): Promise<void> {
  await replaceDerived(db, {
    create: CELL_RESIDENTS_TABLE,
    clear: 'DELETE FROM h3_cell_residents WHERE res = $1',
    clearParams: [res],
    table: 'h3_cell_residents',
    append: (ap) =>
      cells.keys.forEach((key, i) => {
        ap.appendUTinyInt(res);
        ap.appendDouble(key);
        ap.appendDouble(cells.residents[i]!);
        ap.endRow();
      }),
    metaKey: metaKey(res),
    fingerprint,
  });
}

/** The stored residents of `res` if they were computed from the boundaries `fingerprint`; else null. */
export async function readCellResidents(db: Db, res: number, fingerprint: string): Promise<CellResidents | null> {
  if ((await storedFingerprint(db, metaKey(res))) !== fingerprint) return null;
  const t = await db.typed('SELECT cell, residents FROM h3_cell_residents WHERE res = $res ORDER BY cell', { res });
  return { keys: t.doubles.cell!, residents: t.doubles.residents! };
}

/**
 * Computes the residents of each of `resolutions` here (a build script: no server is waiting) and stores them.
 * @example await writeCellResidents(db, [5, 6, 7]);
 */
export async function writeCellResidents(db: Db, resolutions: readonly number[]): Promise<void> {
  const fingerprint = await residentsFingerprint(db);
  for (const res of resolutions)
    await storeCellResidents(db, res, cellResidents(await residentsInput(db, res)), fingerprint);
}

const fingerprintOf = perDb((db) => residentsFingerprint(db));

const perRes = perDb((db) =>
  Promise.resolve(
    memoAsync(
      async (res: number): Promise<CellResidents> => {
        const fingerprint = await fingerprintOf(db);
        const stored = await readCellResidents(db, res, fingerprint);
        if (stored) return stored;
        const cells = await runStat('cellResidents', await residentsInput(db, res));
        // A read-only database (a test fixture, a copy being inspected) keeps them in memory only.
        await storeCellResidents(db, res, cells, fingerprint).catch(() => undefined);
        return cells;
      },
      new Map<number, Promise<CellResidents>>(),
      () => dataEpoch(db),
    ),
  ),
);

/**
 * The residents of every cell at `res` for the database's current boundaries: read from the database, or computed (on
 * the statistics worker) and stored when the boundaries changed since.
 * @example const { keys, residents } = await cellResidentsOf(db, 7);
 */
export const cellResidentsOf = async (db: Db, res: number): Promise<CellResidents> => (await perRes(db))(res);
