// Replaces district or region boundaries in place, in one transaction, keeping every version: matching codes get the
// new polygon and name, new codes are added, codes missing from the file stay as they were (mahallas name them).
import type { DuckDBConnection } from '@duckdb/node-api';
import { bindings, type Db, type Params } from '../../../server/db/database.ts';
import type { BoundaryItem } from './validate.ts';
import { TABLES } from './versions.ts';
import { addProvenance, onConnection, type BoundaryRecord } from '../commit.ts';

export interface AreaReport {
  version: number;
  updated: number;
  added: number;
  /** Codes in the database that the file does not have: kept. */
  absent: number;
}

const run = async (con: DuckDBConnection, sql: string, params?: Params): Promise<void> =>
  void (await con.run(sql, ...bindings(params)));
async function one(con: DuckDBConnection, sql: string, params?: Params): Promise<number> {
  const rows = (await con.runAndReadAll(sql, ...bindings(params))).getRowObjectsJson() as Array<{ n: number }>;
  return Number(rows[0]?.n ?? 0);
}

/** The table's current rows as boundary_geometries of `version` (id 0: districts and regions are keyed by code). */
const SNAPSHOT = {
  districts: 'SELECT $v, 0, soato, name_uz, region_soato, geometry FROM districts',
  regions: "SELECT $v, 0, soato, name_uz, '', geometry FROM regions",
};

/**
 * Writes `items` (validated) as the new districts or regions; the boundaries in force before a level's first import
 * are kept as a version of their own. A dry run computes the report and rolls back.
 */
export async function replaceAreas(
  db: Db,
  level: 'districts' | 'regions',
  items: readonly BoundaryItem[],
  info: { file: string; sha256: string; dryRun?: boolean; record?: BoundaryRecord | undefined },
): Promise<AreaReport> {
  const con = await db.connect();
  try {
    await con.run('BEGIN TRANSACTION');
    await con.run(TABLES);
    let v = await one(con, 'SELECT coalesce(max(version), -1)::INTEGER + 1 AS n FROM boundary_versions');
    if ((await one(con, 'SELECT count(*)::INTEGER AS n FROM boundary_versions WHERE level = $l', { l: level })) === 0) {
      await run(con, `INSERT INTO boundary_geometries ${SNAPSHOT[level]}`, { v });
      await run(
        con,
        `INSERT INTO boundary_versions SELECT $v, $l, 'shipped', '', now()::TIMESTAMP, count(*), count(*), 0, 0 FROM ${level}`,
        { v, l: level },
      );
      v++;
    }
    const p = {
      code: items.map((m) => m.code),
      name: items.map((m) => m.name),
      parent: items.map((m) => m.parent),
      area: items.map((m) => m.areaKm2),
      geom: items.map((m) => JSON.stringify(m.geometry)),
    };
    const file = `(SELECT unnest($code::VARCHAR[]) AS code, unnest($name::VARCHAR[]) AS name, unnest($parent::VARCHAR[]) AS parent,
       unnest($area::DOUBLE[]) AS area, unnest($geom::VARCHAR[]) AS geom)`;
    const known = await one(
      con,
      `SELECT count(*)::INTEGER AS n FROM ${level} WHERE list_contains($code::VARCHAR[], soato)`,
      {
        code: p.code,
      },
    );
    const total = await one(con, `SELECT count(*)::INTEGER AS n FROM ${level}`);
    if (level === 'districts') {
      await run(
        con,
        `UPDATE districts SET name_uz = f.name, region_soato = f.parent, area_km2 = f.area, source = 'import', geometry = f.geom
         FROM ${file} f WHERE districts.soato = f.code`,
        p,
      );
      await run(
        con,
        `INSERT INTO districts (soato, region_soato, name_uz, area_km2, source, geometry)
         SELECT code, parent, name, area, 'import', geom FROM ${file} WHERE code NOT IN (SELECT soato FROM districts)`,
        p,
      );
    } else {
      await run(
        con,
        `UPDATE regions SET name_uz = f.name, geometry = f.geom FROM ${file} f WHERE regions.soato = f.code`,
        p,
      );
      await run(
        con,
        `INSERT INTO regions (soato, name_uz, geometry) SELECT code, name, geom FROM ${file} WHERE code NOT IN (SELECT soato FROM regions)`,
        p,
      );
    }
    await run(con, `INSERT INTO boundary_geometries SELECT $v, 0, code, name, parent, geom FROM ${file}`, { v, ...p });
    const report = { version: v, updated: known, added: items.length - known, absent: total - known };
    await run(con, `INSERT INTO boundary_versions VALUES ($v, $l, $file, $sha, now()::TIMESTAMP, $n, $added, 0, 0)`, {
      v,
      l: level,
      file: info.file,
      sha: info.sha256,
      n: items.length,
      added: report.added,
    });
    if (info.record)
      await addProvenance(onConnection(con), {
        kind: level,
        file: info.file,
        sha256: info.sha256,
        ...info.record,
        rowsRead: items.length,
        rejected: 0,
        added: report.added,
        updated: report.updated,
        unchanged: 0,
        removedDemo: 0,
      });
    await con.run(info.dryRun ? 'ROLLBACK' : 'COMMIT');
    return report;
  } catch (err) {
    await con.run('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    con.closeSync();
  }
}
