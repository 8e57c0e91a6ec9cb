// Replaces the mahalla boundaries of an existing analytics database in place, in one transaction: ids stay with their
// codes (new codes get new ids, vanished ones are retired, never reused), every version's polygons are kept, and every
// incident, application and base point is placed again in the new polygons.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { bindings, type Db, type Params } from '../../../server/db/database.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { flattenPolygons, type FlatPolygons } from '../../../server/geo/flat-polygons.ts';
import { overlapPairs } from '../../../server/geo/coverage-overlaps.ts';
import { PolygonIndex } from '../../../server/geo/polygon-index.ts';
import { computeAdjacency } from '../../../server/geo/adjacency.ts';
import { rewriteMonthlyCounts, SCHEMA_SQL } from '../../load.ts';
import type { BoundaryItem } from './validate.ts';
import { boundaryChanges, type BoundaryChanges } from './changes.ts';
import { reassignTable } from './reassign.ts';
import { addProvenance, onConnection, type BoundaryRecord } from '../commit.ts';

/**
 * The boundary tables of data/schema.sql, each made `CREATE TABLE IF NOT EXISTS`: run by every boundary import, so a
 * database built before they were in the schema gains them (empty) without a rebuild and without losing anything.
 */
export const TABLES = [
  ...SCHEMA_SQL.matchAll(/^CREATE TABLE (?:boundary_versions|boundary_geometries|mahalla_ids) \([^;]*\);/gm),
]
  .map((m) => m[0].replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'))
  .join('\n');

/** Point tables whose mahalla follows from their coordinates. */
const POINT_TABLES = ['incidents', 'applications', 'base_points'] as const;
type PointTable = (typeof POINT_TABLES)[number];

export interface ReplaceReport {
  version: number;
  added: number;
  kept: number;
  retired: number;
  /** Records placed in another mahalla than before, per table. */
  moved: Record<PointTable, number>;
  /**
   * Records a change could move that lie in no new polygon: kept in their mahalla when it remains, else put in the one
   * with the nearest centre.
   */
  outside: Record<PointTable, number>;
  /** Current territory assignments of retired mahallas, removed (their history stays in boundary_geometries). */
  unassigned: number;
  /** Joint actions recorded in a mahalla that is now retired (kept as they are). */
  retiredActions: number;
}

async function all<T>(con: DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
  return (await con.runAndReadAll(sql, ...bindings(params))).getRowObjectsJson() as T[];
}
const run = async (con: DuckDBConnection, sql: string, params: Params): Promise<void> =>
  void (await con.run(sql, ...bindings(params)));
/** The mahallas in force before their first versioned import, kept as a version so that they too are never lost. */
async function seedVersionZero(con: DuckDBConnection): Promise<void> {
  const [{ n, v } = { n: 0, v: 0 }] = await all<{ n: number; v: number }>(
    con,
    `SELECT count(*) FILTER (WHERE level = 'mahallas')::INTEGER AS n, (coalesce(max(version), -1) + 1)::INTEGER AS v
     FROM boundary_versions`,
  );
  if (n > 0) return;
  await con.run(
    `INSERT INTO boundary_versions SELECT $v, 'mahallas',
      coalesce((SELECT value FROM meta WHERE key = 'mahalla_source'), 'unknown'), '', now()::TIMESTAMP, count(*), count(*), 0, 0
    FROM mahallas;
    INSERT INTO boundary_geometries SELECT $v, id, code, name, district_soato, geometry FROM mahallas;
    INSERT INTO mahalla_ids SELECT code, id, $v, NULL FROM mahallas`.replaceAll('$v', String(v)),
  );
}

/** The staged new mahallas, in the order of the mahallas table's columns. */
const NEW_MAHALLAS = `id INTEGER, code VARCHAR, name VARCHAR, parent VARCHAR, population INTEGER, households INTEGER,
  area DOUBLE, cx DOUBLE, cy DOUBLE, geometry VARCHAR`;

/** Fills a temporary table of `n` rows through an appender (inside the caller's transaction: a rollback drops it). */
async function stage(
  con: DuckDBConnection,
  table: string,
  columns: string,
  n: number,
  row: (ap: DuckDBAppender, i: number) => void,
): Promise<void> {
  await con.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns})`);
  const ap = await con.createAppender(table);
  for (let i = 0; i < n; i++) {
    row(ap, i);
    ap.endRow();
  }
  ap.closeSync();
}

/** Stable ids: a known code keeps its id (a retired one comes back with it), a new code gets the next unused id. */
function assignIds(items: readonly BoundaryItem[], known: Map<string, number>, maxId: number): Int32Array {
  let next = maxId;
  return Int32Array.from(items, (m) => known.get(m.code) ?? ++next);
}

/**
 * What the new polygons change against those in force, or null when most of them change (then every record is
 * tested). Polygons that may overlap a neighbour count as changed: which of two a point falls in depends on order.
 */
function whatChanged(
  old: ReadonlyArray<{ id: number; geometry: string }>,
  flat: FlatPolygons,
  ids: Int32Array,
): BoundaryChanges | null {
  const before = {
    flat: flattenPolygons(old.map((o) => JSON.parse(o.geometry) as Polygon | MultiPolygon)),
    ids: Int32Array.from(old, (o) => o.id),
  };
  const suspect = new Set(overlapPairs(flat).flat());
  const changes = boundaryChanges(before, { flat, ids }, suspect);
  return changes.changed + changes.retired > ids.length / 2 ? null : changes;
}

/**
 * Replaces the database's mahallas by `items` (validated), keeping every earlier version; a dry run computes the same
 * report and rolls back. All or nothing: a crash before COMMIT leaves the previous boundaries and records intact.
 */
export async function replaceMahallas(
  db: Db,
  items: readonly BoundaryItem[],
  info: {
    file: string;
    sha256: string;
    dryRun?: boolean;
    onPhase?: (done: string) => void;
    /** when given, the import's row in `imports`, written in the same transaction as the version */
    record?: BoundaryRecord | undefined;
  },
): Promise<ReplaceReport> {
  const phase = info.onPhase ?? ((): void => undefined);
  const con = await db.connect();
  try {
    await con.run('BEGIN TRANSACTION');
    await con.run(TABLES);
    await seedVersionZero(con);
    const idRows = await all<{ code: string; id: number; retired: boolean }>(
      con,
      'SELECT code, id, retired_version IS NOT NULL AS retired FROM mahalla_ids',
    );
    const known = new Map(idRows.map((r) => [r.code, r.id]));
    const [{ v, maxId } = { v: 0, maxId: 0 }] = await all<{ v: number; maxId: number }>(
      con,
      `SELECT (SELECT max(version) FROM boundary_versions)::INTEGER + 1 AS v,
              greatest((SELECT coalesce(max(id), 0) FROM mahalla_ids), (SELECT coalesce(max(id), 0) FROM mahallas))::INTEGER AS "maxId"`,
    );
    const ids = assignIds(items, known, maxId);
    const newCodes = new Set(items.map((m) => m.code));
    const wasCurrent = new Set(idRows.filter((r) => !r.retired).map((r) => r.code));
    const added = items.filter((m) => !wasCurrent.has(m.code)).length;
    const retiredCodes = [...wasCurrent].filter((c) => !newCodes.has(c));

    // Residents a file does not give stay as they were for a known code; a new mahalla starts at 0.
    const old = await all<{ id: number; code: string; population: number; households: number; geometry: string }>(
      con,
      'SELECT id, code, population, households, geometry FROM mahallas ORDER BY id',
    );
    const before = new Map(old.map((o) => [o.code, o]));
    await stage(con, 'new_mahallas', NEW_MAHALLAS, items.length, (ap, i) => {
      const m = items[i]!;
      ap.appendInteger(ids[i]!);
      for (const text of [m.code, m.name, m.parent]) ap.appendVarchar(text);
      ap.appendInteger(m.population ?? before.get(m.code)?.population ?? 0);
      ap.appendInteger(m.households ?? before.get(m.code)?.households ?? 0);
      for (const x of [m.areaKm2, m.centroid[0], m.centroid[1]]) ap.appendDouble(x);
      ap.appendVarchar(JSON.stringify(m.geometry));
    });
    await con.run(`DELETE FROM mahallas;
      INSERT INTO mahallas SELECT id, code, name, parent, population, households, area, cx, cy, false, geometry
      FROM new_mahallas`);
    // One statement a call: DuckDB binds parameters to a single prepared statement.
    await run(con, 'INSERT INTO boundary_geometries SELECT $v, id, code, name, parent, geometry FROM new_mahallas', {
      v,
    });
    await run(
      con,
      `UPDATE mahalla_ids SET retired_version = $v
       WHERE retired_version IS NULL AND code NOT IN (SELECT code FROM new_mahallas)`,
      { v },
    );
    await con.run(`UPDATE mahalla_ids SET retired_version = NULL WHERE code IN (SELECT code FROM new_mahallas)`);
    await run(
      con,
      'INSERT INTO mahalla_ids SELECT code, id, $v, NULL FROM new_mahallas WHERE code NOT IN (SELECT code FROM mahalla_ids)',
      { v },
    );
    await con.run('DROP TABLE new_mahallas');

    const flat = flattenPolygons(items.map((m) => m.geometry));
    const adj = computeAdjacency(flat);
    await stage(con, 'new_adjacency', 'a INTEGER, b INTEGER, s DOUBLE', adj.a.length, (ap, i) => {
      ap.appendInteger(ids[adj.a[i]!]!);
      ap.appendInteger(ids[adj.b[i]!]!);
      ap.appendDouble(adj.sharedM[i]!);
    });
    await con.run(`DELETE FROM mahalla_adjacency; INSERT INTO mahalla_adjacency SELECT * FROM new_adjacency;
      DROP TABLE new_adjacency`);
    phase('write');
    const target = {
      index: new PolygonIndex(flat),
      ids,
      cLon: Float64Array.from(items, (m) => m.centroid[0]),
      cLat: Float64Array.from(items, (m) => m.centroid[1]),
    };
    const changes = whatChanged(old, flat, ids);
    const moved = {} as Record<PointTable, number>;
    const outside = {} as Record<PointTable, number>;
    const touched = {} as Record<PointTable, number[]>;
    for (const t of POINT_TABLES)
      ({ moved: moved[t], outside: outside[t], touched: touched[t] } = await reassignTable(con, t, target, changes));

    phase('reassign');
    const [{ n: unassigned } = { n: 0 }] = await all<{ n: number }>(
      con,
      'SELECT count(*)::INTEGER AS n FROM territory_assignment WHERE mahalla_id NOT IN (SELECT id FROM mahallas)',
    );
    await con.run('DELETE FROM territory_assignment WHERE mahalla_id NOT IN (SELECT id FROM mahallas)');
    const [{ n: retiredActions } = { n: 0 }] = await all<{ n: number }>(
      con,
      'SELECT count(*)::INTEGER AS n FROM joint_actions WHERE mahalla_id NOT IN (SELECT id FROM mahallas)',
    );
    // Only the mahallas records left or joined have other monthly counts now.
    for (const t of ['incidents', 'applications'] as const) {
      if (touched[t].length === 0) continue;
      await run(con, 'CREATE OR REPLACE TEMP TABLE touched_ids AS SELECT unnest($ids::INTEGER[]) AS id', {
        ids: touched[t],
      });
      await rewriteMonthlyCounts({ run: async (sql) => void (await con.run(sql)) }, t, 'touched_ids');
    }
    phase('counts');
    const movedAll = moved.incidents + moved.applications + moved.base_points;
    await run(
      con,
      `INSERT INTO boundary_versions VALUES ($v, 'mahallas', $file, $sha, now()::TIMESTAMP, $n, $added, $retired, $moved)`,
      {
        v,
        file: info.file,
        sha: info.sha256,
        n: items.length,
        added,
        retired: retiredCodes.length,
        moved: movedAll,
      },
    );
    await run(con, `INSERT OR REPLACE INTO meta VALUES ('mahalla_source', $file)`, { file: info.file });
    if (info.record)
      await addProvenance(onConnection(con), {
        kind: 'mahallas',
        file: info.file,
        sha256: info.sha256,
        ...info.record,
        rowsRead: items.length,
        rejected: 0,
        added,
        updated: items.length - added,
        unchanged: 0,
        removedDemo: 0,
      });
    await con.run(info.dryRun ? 'ROLLBACK' : 'COMMIT');
    phase('commit');
    return {
      version: v,
      added,
      kept: items.length - added,
      retired: retiredCodes.length,
      moved,
      outside,
      unassigned,
      retiredActions,
    };
  } catch (err) {
    await con.run('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    con.closeSync();
  }
}
