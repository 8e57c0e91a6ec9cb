// Writes generated or imported data into DuckDB: schema from data/schema.sql, appenders for bulk rows,
// fact tables staged then inserted sorted by time (zone maps make date filters skip row groups).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../server/db/database.ts';
import { PERIOD } from './generate/scales.ts';
import type { IncidentChunk } from './generate/incidents.ts';
import type { ApplicationChunk } from './generate/applications.ts';
import type { H3Halves } from '../server/geo/h3-bits.ts';
import { H3Pool } from '../server/geo/h3-pool.ts';
import type { PolygonIndex } from '../server/geo/polygon-index.ts';
import { writeWeeklyCounts } from '../server/db/aggregates.ts';

export const SCHEMA_SQL = readFileSync(fileURLToPath(new URL('./schema.sql', import.meta.url)), 'utf8');

export async function createSchema(db: Db): Promise<void> {
  await db.run(SCHEMA_SQL);
}

/** A bigint is an H3 cell (UBIGINT), the only 64-bit value written row by row. */
type Cell = string | number | bigint | boolean | null;

/** Appends plain rows; each value's JS type picks the appender call (integers must be marked with `int`). */
export async function appendRows(
  con: DuckDBConnection,
  table: string,
  rows: Iterable<readonly Cell[]>,
  intColumns: ReadonlySet<number>,
): Promise<void> {
  const ap = await con.createAppender(table);
  for (const row of rows) {
    row.forEach((v, i) => appendCell(ap, v, intColumns.has(i)));
    ap.endRow();
  }
  ap.closeSync();
}

function appendCell(ap: DuckDBAppender, v: Cell, int: boolean): void {
  if (v === null) ap.appendNull();
  else if (typeof v === 'string') ap.appendVarchar(v);
  else if (typeof v === 'boolean') ap.appendBoolean(v);
  else if (typeof v === 'bigint') ap.appendUBigInt(v);
  else if (int) ap.appendInteger(v);
  else ap.appendDouble(v);
}

type Kind = 'INTEGER' | 'UINTEGER' | 'DOUBLE' | 'UTINYINT';

/** A typed-array column of a generated chunk and how it is staged. */
interface StageColumn<C> {
  name: string;
  kind: Kind;
  of: (chunk: C) => ArrayLike<number>;
  /** added to every value (mahalla indices become ids) */
  plus?: number;
}

/** What every fact chunk carries: time and place (WGS84 degrees). */
type Place = { length: number; sec: Int32Array; lon: Float64Array; lat: Float64Array };
/** A chunk once its points are joined: the index of each point's mahalla, and its H3 cell. */
type Placed<C> = C & { mahalla: Int32Array; h3: H3Halves };

/** The mahalla of each point (PolygonIndex.locateMany); a point in no mahalla refuses the whole load. */
function joinMahallas(mahallas: PolygonIndex, chunk: Place, before: number): Int32Array {
  const m = mahallas.locateMany(chunk.lon, chunk.lat);
  const i = m.indexOf(-1);
  if (i >= 0) throw new RangeError(`point ${before + i} (${chunk.lon[i]}, ${chunk.lat[i]}) lies in no mahalla`);
  return m;
}

/**
 * Appends chunks of typed-array columns to a temporary stage table, then runs `insert` (which reads the stage and
 * writes the real table sorted by time, ENUM codes resolved in SQL), then drops the stage. Each chunk's points are
 * joined to `mahallas` on this thread and their H3 cells computed on a worker while the previous chunk is appended
 * and the next one generated (chunks are never reused).
 */
async function stageAndInsert<C extends Place>(
  db: Db,
  stage: string,
  columns: ReadonlyArray<StageColumn<Placed<C>>>,
  chunks: Iterable<C>,
  mahallas: PolygonIndex,
  insert: string,
): Promise<number> {
  const con = await db.connect();
  await con.run(`CREATE TEMP TABLE ${stage} (${columns.map((c) => `${c.name} ${c.kind}`).join(', ')})`);
  const ap = await con.createAppender(stage);
  const append = (chunk: Placed<C>): void => {
    const arrays = columns.map((c) => c.of(chunk));
    for (let i = 0; i < chunk.length; i++) {
      for (let k = 0; k < columns.length; k++) {
        const col = columns[k];
        const v = (arrays[k]?.[i] ?? 0) + (col?.plus ?? 0);
        if (col?.kind === 'DOUBLE') ap.appendDouble(v);
        else if (col?.kind === 'UTINYINT') ap.appendUTinyInt(v);
        else if (col?.kind === 'UINTEGER') ap.appendUInteger(v);
        else ap.appendInteger(v);
      }
      ap.endRow();
    }
  };
  const h3 = await H3Pool.open();
  let rows = 0;
  try {
    let pending: { chunk: C; mahalla: Int32Array; cells: Promise<H3Halves> } | undefined;
    for (const chunk of chunks) {
      const cells = h3.cells(chunk.lon, chunk.lat);
      const next = { chunk, mahalla: joinMahallas(mahallas, chunk, rows), cells };
      if (pending) append({ ...pending.chunk, mahalla: pending.mahalla, h3: await pending.cells });
      pending = next;
      rows += chunk.length;
    }
    if (pending) append({ ...pending.chunk, mahalla: pending.mahalla, h3: await pending.cells });
    ap.closeSync();
    await con.run(insert, { start: PERIOD.start });
    await con.run(`DROP TABLE ${stage}`);
  } finally {
    await h3.close();
    con.closeSync();
  }
  return rows;
}

/** Joins the two staged halves of each point's H3 cell (server/geo/h3-bits.ts STORED_H3_RES) into the UBIGINT `h3`. */
export const H3_OF_STAGE = '(h3_hi::UBIGINT << 32) | h3_lo::UBIGINT';

// The join gives mahalla indices; stored ids are index + 1.
const placeColumns = <C extends Place>(): StageColumn<Placed<C>>[] => [
  { name: 'sec', kind: 'INTEGER', of: (c) => c.sec },
  { name: 'lon', kind: 'DOUBLE', of: (c) => c.lon },
  { name: 'lat', kind: 'DOUBLE', of: (c) => c.lat },
  { name: 'mahalla', kind: 'INTEGER', of: (c) => c.mahalla, plus: 1 },
  { name: 'h3_hi', kind: 'UINTEGER', of: (c) => c.h3.hi },
  { name: 'h3_lo', kind: 'UINTEGER', of: (c) => c.h3.lo },
];

/**
 * Streams incident chunks in, each point joined to the mahalla of `mahallas` that contains it, then inserts them
 * sorted by time with ids in time order. Refused as a whole if a point lies in no mahalla.
 */
export function loadIncidents(db: Db, chunks: Iterable<IncidentChunk>, mahallas: PolygonIndex): Promise<number> {
  return stageAndInsert<IncidentChunk>(
    db,
    'stage_incidents',
    [
      ...placeColumns<IncidentChunk>(),
      { name: 'category', kind: 'UTINYINT', of: (c) => c.category },
      { name: 'status', kind: 'UTINYINT', of: (c) => c.status },
    ],
    chunks,
    mahallas,
    `INSERT INTO incidents
     SELECT (row_number() OVER (ORDER BY sec, lon, lat))::INTEGER, $start::TIMESTAMP + to_seconds(sec), lon, lat, mahalla,
            enum_range(NULL::incident_category)[category + 1]::incident_category,
            enum_range(NULL::incident_status)[status + 1]::incident_status, ${H3_OF_STAGE}
     FROM stage_incidents ORDER BY sec, lon, lat`,
  );
}

/** Same for applications; a resolution time of -1 means still open. */
export function loadApplications(db: Db, chunks: Iterable<ApplicationChunk>, mahallas: PolygonIndex): Promise<number> {
  return stageAndInsert<ApplicationChunk>(
    db,
    'stage_applications',
    [
      ...placeColumns<ApplicationChunk>(),
      { name: 'applicant', kind: 'UTINYINT', of: (c) => c.applicant },
      { name: 'channel', kind: 'UTINYINT', of: (c) => c.channel },
      { name: 'registry', kind: 'UTINYINT', of: (c) => c.registry },
      { name: 'received_by', kind: 'UTINYINT', of: (c) => c.receivedBy },
      { name: 'service', kind: 'UTINYINT', of: (c) => c.service },
      { name: 'resolved_after', kind: 'INTEGER', of: (c) => c.resolvedAfter },
    ],
    chunks,
    mahallas,
    `INSERT INTO applications
     SELECT (row_number() OVER (ORDER BY sec, lon, lat))::INTEGER, $start::TIMESTAMP + to_seconds(sec), lon, lat, mahalla,
            enum_range(NULL::applicant_kind)[applicant + 1]::applicant_kind,
            enum_range(NULL::application_channel)[channel + 1]::application_channel,
            enum_range(NULL::registry)[registry + 1]::registry,
            enum_range(NULL::receiver)[received_by + 1]::receiver,
            CASE WHEN service = 255 THEN NULL ELSE enum_range(NULL::service_code)[service + 1]::service_code END,
            CASE WHEN resolved_after < 0 THEN 'open' ELSE 'resolved' END::application_status,
            CASE WHEN resolved_after < 0 THEN NULL ELSE $start::TIMESTAMP + to_seconds(sec + resolved_after) END,
            ${H3_OF_STAGE}
     FROM stage_applications ORDER BY sec, lon, lat`,
  );
}

/** The monthly counts of each fact table, from its rows that pass `where`. */
const MONTHS = {
  incidents: (where: string) =>
    `INSERT INTO incident_months SELECT mahalla_id, date_trunc('month', ts)::DATE, category, status, count(*)::INTEGER FROM incidents ${where} GROUP BY ALL ORDER BY 1, 2`,
  applications: (where: string) =>
    `INSERT INTO application_months SELECT mahalla_id, date_trunc('month', received_at)::DATE, registry, received_by, count(*)::INTEGER FROM applications ${where} GROUP BY ALL ORDER BY 1, 2`,
};

/**
 * The monthly counts per mahalla of incidents (by category and status) and applications (by registry and receiver),
 * sorted by mahalla so one mahalla's rows are adjacent: rewritten whenever the records change.
 */
export async function writeMonthlyCounts(db: Pick<Db, 'run'>): Promise<void> {
  await db.run(`DELETE FROM incident_months; DELETE FROM application_months;
    ${MONTHS.incidents('')};
    ${MONTHS.applications('')};`);
  await writeWeeklyCounts(db);
}

/**
 * Rewrites the monthly counts of the mahallas listed in `idTable` (a table with an INTEGER column `id`) only: after a
 * change that moved a few records between mahallas, instead of recounting them all.
 * @example await rewriteMonthlyCounts(db, 'incidents', 'touched_ids');
 */
export async function rewriteMonthlyCounts(
  db: Pick<Db, 'run'>,
  table: keyof typeof MONTHS,
  idTable: string,
): Promise<void> {
  const months = table === 'incidents' ? 'incident_months' : 'application_months';
  const where = `WHERE mahalla_id IN (SELECT id FROM ${idTable})`;
  await db.run(`DELETE FROM ${months} ${where}; ${MONTHS[table](where)};`);
  await writeWeeklyCounts(db, table, idTable);
}
