// Writes a staged import in one transaction: records keyed by the source's own id are added, updated when a newer
// export changed them, left alone when equal; the demo records of the kind go; the import is recorded in `imports`.
// A crash at any point before COMMIT leaves the previous data as it was (DuckDB rolls the transaction back).
import type { DuckDBConnection } from '@duckdb/node-api';
import { bindings, type Db, type Params } from '../../server/db/database.ts';
import { H3_OF_STAGE, writeMonthlyCounts } from '../load.ts';
import type { RecordColumn, RecordKind } from './record-kinds.ts';
import { upgradeSchema } from './schema-upgrade.ts';

export interface ChangeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Generated demo records of this kind that the first import replaced. */
  removedDemo: number;
}

export interface CommitInfo {
  dryRun: boolean;
  file: string;
  sha256: string;
  by: string;
  /** The mapping used, as JSON. */
  mapping: string;
  rowsRead: number;
  rejected: number;
}

/**
 * Provenance: one row per committed import. Created on first use, so databases built before importing existed
 * gain it without a rebuild (as `source_id` below: demo rows have none).
 */
const IMPORTS_TABLE = `CREATE TABLE IF NOT EXISTS imports (
  id INTEGER NOT NULL, kind VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL, imported_by VARCHAR NOT NULL, mapping VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL, rejected INTEGER NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL, removed_demo INTEGER NOT NULL)`;

/** The staged value of a column as the table stores it. */
function staged(c: RecordColumn): string {
  if (c.type === 'time') return `s.${c.name}::TIMESTAMP`;
  if (c.type === 'enum' && c.sqlEnum) return `s.${c.name}::${c.sqlEnum}`;
  return `s.${c.name}`;
}

/** Target columns and the stage expressions that fill them (mahalla and H3 cell come from the join). */
function assignments(kind: RecordKind): Array<[string, string]> {
  return [
    ...kind.columns.filter((c) => c.type !== 'mahalla').map((c): [string, string] => [c.name, staged(c)]),
    ['mahalla_id', 's.mahalla'],
    ['h3', H3_OF_STAGE.replace(/h3_/g, 's.h3_')],
  ];
}

async function one(con: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await con.runAndReadAll(sql)).getRowObjectsJson() as Array<{ n: number }>;
  return Number(rows[0]?.n ?? 0);
}

/** Commits (or, for a dry run, counts and rolls back) the rows of `import_stage` on `con`. */
export async function commitStage(con: DuckDBConnection, kind: RecordKind, info: CommitInfo): Promise<ChangeCounts> {
  const t = kind.table;
  const set = assignments(kind);
  await con.run('BEGIN TRANSACTION');
  try {
    await con.run(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS source_id VARCHAR; ${IMPORTS_TABLE}`);
    await upgradeSchema((sql) => con.run(sql));
    const removedDemo = await one(con, `SELECT count(*)::INTEGER AS n FROM ${t} WHERE source_id IS NULL`);
    await con.run(`DELETE FROM ${t} WHERE source_id IS NULL`);
    const differs = set
      .filter(([name]) => name !== 'source_id')
      .map(([name, expr]) => `t.${name} IS DISTINCT FROM ${expr}`)
      .join(' OR ');
    await con.run(`CREATE OR REPLACE TEMP TABLE import_diff AS
      SELECT s.*, CASE WHEN t.id IS NULL THEN 'added' WHEN ${differs} THEN 'updated' ELSE 'unchanged' END AS change
      FROM import_stage s LEFT JOIN ${t} t ON t.source_id = s.source_id`);
    const count = (change: string): Promise<number> =>
      one(con, `SELECT count(*)::INTEGER AS n FROM import_diff WHERE change = '${change}'`);
    const counts = {
      added: await count('added'),
      updated: await count('updated'),
      unchanged: await count('unchanged'),
      removedDemo,
    };
    await con.run(`UPDATE ${t} SET ${set
      .filter(([name]) => name !== 'source_id')
      .map(([name, expr]) => `${name} = ${expr}`)
      .join(', ')}
      FROM import_diff s WHERE ${t}.source_id = s.source_id AND s.change = 'updated'`);
    const base = await one(con, `SELECT coalesce(max(id), 0)::INTEGER AS n FROM ${t}`);
    await con.run(`INSERT INTO ${t} (id, ${set.map(([name]) => name).join(', ')})
      SELECT (${base} + row_number() OVER (ORDER BY s.${kind.time}, s.source_id))::INTEGER, ${set.map(([, e]) => e).join(', ')}
      FROM import_diff s WHERE s.change = 'added' ORDER BY s.${kind.time}, s.source_id`);
    await con.run('DROP TABLE import_diff');
    await writeMonthlyCounts({ run: async (sql) => void (await con.run(sql)) });
    const id = (await one(con, 'SELECT coalesce(max(id), 0)::INTEGER AS n FROM imports')) + 1;
    await con.run(
      `INSERT INTO imports VALUES ($id, $kind, $file, $sha, now()::TIMESTAMP, $by, $mapping, $read, $rejected,
       $added, $updated, $unchanged, $removed)`,
      {
        id,
        kind: kind.name,
        file: info.file,
        sha: info.sha256,
        by: info.by,
        mapping: info.mapping,
        read: info.rowsRead,
        rejected: info.rejected,
        added: counts.added,
        updated: counts.updated,
        unchanged: counts.unchanged,
        removed: counts.removedDemo,
      },
    );
    await con.run(info.dryRun ? 'ROLLBACK' : 'COMMIT');
    return counts;
  } catch (err) {
    await con.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** One committed import as the `imports` table keeps it (kind: the record kind's name). */
export interface ProvenanceRow extends ChangeCounts {
  kind: string;
  file: string;
  sha256: string;
  by: string;
  /** the mapping used, as JSON */
  mapping: string;
  rowsRead: number;
  rejected: number;
}

/**
 * Records an import of base points, inspectors or joint actions in `imports`, inside its own transaction (so a dry
 * run's rollback takes the row away too), as commitStage does for incidents and applications.
 * @example await addProvenance(tx, { kind: 'inspectors', file, sha256, by, mapping: '{}', rowsRead: 3, rejected: 0, added: 3, updated: 0, unchanged: 0, removedDemo: 0 });
 */
export async function addProvenance(tx: Pick<Db, 'all' | 'run'>, row: ProvenanceRow): Promise<void> {
  await tx.run(IMPORTS_TABLE);
  const [top] = await tx.all<{ n: number }>('SELECT coalesce(max(id), 0)::INTEGER AS n FROM imports');
  await tx.run(
    `INSERT INTO imports VALUES ($id, $kind, $file, $sha, now()::TIMESTAMP, $by, $mapping, $read, $rejected,
     $added, $updated, $unchanged, $removed)`,
    {
      id: (top?.n ?? 0) + 1,
      kind: row.kind,
      file: row.file,
      sha: row.sha256,
      by: row.by,
      mapping: row.mapping,
      read: row.rowsRead,
      rejected: row.rejected,
      added: row.added,
      updated: row.updated,
      unchanged: row.unchanged,
      removed: row.removedDemo,
    },
  );
}

/**
 * A connection inside its own open transaction, as the `tx` addProvenance takes: boundary imports record themselves in
 * the transaction that writes their version, so a failure between the two leaves neither.
 * @example await addProvenance(onConnection(con), row); await con.run('COMMIT');
 */
export const onConnection = (con: DuckDBConnection): Pick<Db, 'all' | 'run'> => ({
  all: async <R extends object>(sql: string, params?: Params): Promise<R[]> =>
    (await con.runAndReadAll(sql, ...bindings(params))).getRowObjectsJson() as R[],
  run: async (sql: string, params?: Params): Promise<void> => void (await con.run(sql, ...bindings(params))),
});

/** Who ran a boundary import and with which field mapping (JSON): its row in `imports`, written with its version. */
export interface BoundaryRecord {
  by: string;
  mapping: string;
}
