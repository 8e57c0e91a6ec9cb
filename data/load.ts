// Writes generated or imported data into DuckDB: schema from data/schema.sql, appenders for bulk rows,
// fact tables staged then inserted sorted by time (zone maps make date filters skip row groups).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../server/db/database.ts';
import { PERIOD } from './generate/scales.ts';
import type { IncidentChunk } from './generate/incidents.ts';
import type { ApplicationChunk } from './generate/applications.ts';

export const SCHEMA_SQL = readFileSync(fileURLToPath(new URL('./schema.sql', import.meta.url)), 'utf8');

export async function createSchema(db: Db): Promise<void> {
  await db.run(SCHEMA_SQL);
}

type Cell = string | number | boolean | null;

/** Appends plain rows; each value's JS type picks the appender call (integers must be marked with `int`). */
export async function appendRows(con: DuckDBConnection, table: string, rows: Iterable<readonly Cell[]>, intColumns: ReadonlySet<number>): Promise<void> {
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
  else if (int) ap.appendInteger(v);
  else ap.appendDouble(v);
}

const STAGE_INCIDENTS = `CREATE TEMP TABLE stage_incidents (sec INTEGER, lon DOUBLE, lat DOUBLE, mahalla INTEGER, category UTINYINT, status UTINYINT)`;
const STAGE_APPLICATIONS = `CREATE TEMP TABLE stage_applications (sec INTEGER, lon DOUBLE, lat DOUBLE, mahalla INTEGER,
  applicant UTINYINT, channel UTINYINT, registry UTINYINT, received_by UTINYINT, service UTINYINT, resolved_after INTEGER)`;

/** Streams incident chunks into a stage table, then inserts them sorted by time with ids in time order. */
export async function loadIncidents(db: Db, chunks: Iterable<IncidentChunk>): Promise<number> {
  const con = await db.connect();
  await con.run(STAGE_INCIDENTS);
  const ap = await con.createAppender('stage_incidents');
  let rows = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      ap.appendInteger(c.sec[i] ?? 0);
      ap.appendDouble(c.lon[i] ?? 0);
      ap.appendDouble(c.lat[i] ?? 0);
      ap.appendInteger((c.mahalla[i] ?? 0) + 1); // chunks carry mahalla indices; ids are index + 1
      ap.appendUTinyInt(c.category[i] ?? 0);
      ap.appendUTinyInt(c.status[i] ?? 0);
      ap.endRow();
    }
    rows += c.length;
  }
  ap.closeSync();
  await con.run(
    `INSERT INTO incidents
     SELECT (row_number() OVER (ORDER BY sec, lon, lat))::INTEGER, $start::TIMESTAMP + to_seconds(sec), lon, lat, mahalla,
            enum_range(NULL::incident_category)[category + 1]::incident_category,
            enum_range(NULL::incident_status)[status + 1]::incident_status
     FROM stage_incidents ORDER BY sec, lon, lat`,
    { start: PERIOD.start },
  );
  await con.run('DROP TABLE stage_incidents');
  con.closeSync();
  return rows;
}

/** Same for applications; a resolution time of -1 means still open. */
export async function loadApplications(db: Db, chunks: Iterable<ApplicationChunk>): Promise<number> {
  const con = await db.connect();
  await con.run(STAGE_APPLICATIONS);
  const ap = await con.createAppender('stage_applications');
  let rows = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      ap.appendInteger(c.sec[i] ?? 0);
      ap.appendDouble(c.lon[i] ?? 0);
      ap.appendDouble(c.lat[i] ?? 0);
      ap.appendInteger((c.mahalla[i] ?? 0) + 1); // chunks carry mahalla indices; ids are index + 1
      ap.appendUTinyInt(c.applicant[i] ?? 0);
      ap.appendUTinyInt(c.channel[i] ?? 0);
      ap.appendUTinyInt(c.registry[i] ?? 0);
      ap.appendUTinyInt(c.receivedBy[i] ?? 0);
      ap.appendUTinyInt(c.service[i] ?? 0);
      ap.appendInteger(c.resolvedAfter[i] ?? -1);
      ap.endRow();
    }
    rows += c.length;
  }
  ap.closeSync();
  await con.run(
    `INSERT INTO applications
     SELECT (row_number() OVER (ORDER BY sec, lon, lat))::INTEGER, $start::TIMESTAMP + to_seconds(sec), lon, lat, mahalla,
            enum_range(NULL::applicant_kind)[applicant + 1]::applicant_kind,
            enum_range(NULL::application_channel)[channel + 1]::application_channel,
            enum_range(NULL::registry)[registry + 1]::registry,
            enum_range(NULL::receiver)[received_by + 1]::receiver,
            CASE WHEN service = 255 THEN NULL ELSE enum_range(NULL::service_code)[service + 1]::service_code END,
            CASE WHEN resolved_after < 0 THEN 'open' ELSE 'resolved' END::application_status,
            CASE WHEN resolved_after < 0 THEN NULL ELSE $start::TIMESTAMP + to_seconds(sec + resolved_after) END
     FROM stage_applications ORDER BY sec, lon, lat`,
    { start: PERIOD.start },
  );
  await con.run('DROP TABLE stage_applications');
  con.closeSync();
  return rows;
}
