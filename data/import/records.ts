// Imports incidents or applications from a CSV or Parquet export: streams and checks every row, places each point in its mahalla
// (the loader's PolygonIndex join), stages the good rows, then commits them in one transaction keyed by the source's
// own ids (commit.ts). By default one bad row refuses the whole file; keepGood imports the rest.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../../server/db/database.ts';
import { flattenPolygons } from '../../server/geo/flat-polygons.ts';
import { h3Halves } from '../../server/geo/h3-bits.ts';
import { PolygonIndex } from '../../server/geo/polygon-index.ts';
import { commitStage, type ChangeCounts } from './commit.ts';
import { readCsv, type CsvFormat, type CsvRow } from './csv.ts';
import { readParquet } from './parquet.ts';
import { labelTable, planColumns, readCell, readMapping, type Mapping } from './mapping.ts';
import { ProblemLog, problemLine, writeReport, type RowProblem } from './report.ts';
import type { RecordKind } from './record-kinds.ts';

export interface RecordImportOptions {
  kind: RecordKind;
  file: string;
  /** The mapping file (mapping.ts), if any. */
  mapping?: string;
  /** Check and count what would change, write nothing. */
  dryRun?: boolean;
  /** Import the good rows and write the bad ones to the rejects CSV, instead of refusing the file. */
  keepGood?: boolean;
  /** The JSON report's path (default `<file>.import-report.json`); rejects go to `<report>.rejects.csv`. */
  report?: string;
  log?: (line: string) => void;
}

export interface RecordImportResult extends Partial<ChangeCounts> {
  committed: boolean;
  file: string;
  sha256: string;
  format?: CsvFormat;
  rowsRead: number;
  rowsGood: number;
  rejected: number;
  problemCount: number;
  problems: RowProblem[];
  unmapped: Record<string, Array<{ value: string; rows: number }>>;
  ignoredColumns: string[];
  report: string;
  rejects?: string;
}

/** Rows checked, joined and appended together: big enough to amortise the join, small enough to bound memory. */
const BATCH = 65_536;

/** The mahallas' polygon index and the database id of each of its polygons. */
async function mahallaIndex(db: Db): Promise<{ index: PolygonIndex; ids: Int32Array }> {
  const rows = await db.columns<{ id: number; geometry: string }>('SELECT id, geometry FROM mahallas ORDER BY id');
  if (rows.id.length === 0) throw new Error('the database holds no mahallas: import boundaries first');
  const flat = flattenPolygons(rows.geometry.map((g) => JSON.parse(g) as Parameters<typeof flattenPolygons>[0][0]));
  return { index: new PolygonIndex(flat), ids: Int32Array.from(rows.id) };
}

/** Good rows waiting for the join: their lines, coordinates and other values by column. */
class Batch {
  lines: number[] = [];
  lon: number[] = [];
  lat: number[] = [];
  fields: CsvRow['fields'][] = [];
  values: Array<Array<string | number | null>> = [];
}

/** Imports one file into `db` (which the caller opened for writing and nobody else holds). */
export async function importRecords(db: Db, opts: RecordImportOptions): Promise<RecordImportResult> {
  const { kind, file } = opts;
  const log = opts.log ?? (() => undefined);
  const mapping = readMapping(opts.mapping, kind);
  const report = opts.report ?? `${file}.import-report.json`;
  const rejectsPath = opts.keepGood ? report.replace(/\.json$/, '') + '.rejects.csv' : undefined;
  const problems = new ProblemLog(file, rejectsPath);
  const { index, ids } = await mahallaIndex(db);
  const con = await db.connect();
  const hash = createHash('sha256');
  const t0 = performance.now();
  let format: CsvFormat | undefined;
  let rowsRead = 0;
  let rowsGood = 0;
  let ignoredColumns: string[] = [];
  try {
    await con.run(`DROP TABLE IF EXISTS import_stage; CREATE TEMP TABLE import_stage (line INTEGER,
      ${stagedNames(kind)
        .map((name) => `${name} VARCHAR`)
        .join(', ')}, lon DOUBLE, lat DOUBLE, mahalla INTEGER, h3_hi UINTEGER, h3_lo UINTEGER)`);
    const ap = await con.createAppender('import_stage');
    let plan: ReturnType<typeof planColumns> | undefined;
    let labels = new Map<string, Map<string, string>>();
    let width = 0;
    let batch = new Batch();
    const flush = (): void => {
      rowsGood += appendBatch(ap, batch, index, ids, problems);
      batch = new Batch();
    };
    const source = /\.parquet$/i.test(file)
      ? readParquet(db, file, { chunk: (b) => hash.update(b) })
      : readCsv(file, { format: (f) => (format = f), chunk: (b) => hash.update(b) });
    for await (const chunk of source) {
      for (const row of chunk.rows) {
        if (!plan) {
          plan = planColumns(kind, row.fields, mapping);
          ignoredColumns = plan.ignored;
          labels = labelsOf(kind, mapping);
          width = row.fields.length;
          problems.start(row.fields);
          continue;
        }
        rowsRead++;
        checkRow(row, width, plan.index, kind, labels, problems, batch);
        if (batch.lines.length >= BATCH) flush();
        if (rowsRead % 100_000 === 0) log(`read ${rowsRead} rows (${(chunk.bytes / 2 ** 20).toFixed(0)} MB)`);
      }
    }
    if (!plan) throw new Error(`${file}: the file has no header row`);
    flush();
    ap.closeSync();
    rowsGood -= await rejectDuplicates(con, problems);
    await problems.close();
    const base = {
      file,
      sha256: hash.digest('hex'),
      format,
      rowsRead,
      rowsGood,
      rejected: problems.rejectedRows,
      problemCount: problems.count,
      problems: problems.kept,
      unmapped: problems.unmappedList(),
      ignoredColumns,
      report,
      rejects: rejectsPath,
    };
    const refused = problems.count > 0 && !opts.keepGood;
    for (const p of problems.kept.slice(0, 20)) log(problemLine(p));
    if (problems.count > 20) log(`… and ${problems.count - 20} more problems (all in ${report})`);
    log(`checked ${rowsRead} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s; writing`);
    let counts: ChangeCounts | undefined;
    if (!refused && rowsGood > 0)
      counts = await commitStage(con, kind, {
        dryRun: opts.dryRun ?? false,
        file,
        sha256: base.sha256,
        by: userInfo().username,
        mapping: JSON.stringify(mapping),
        rowsRead,
        rejected: problems.rejectedRows,
      });
    log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const result: RecordImportResult = { ...base, ...counts, committed: counts !== undefined && !opts.dryRun };
    writeReport(report, result);
    return result;
  } finally {
    await problems.close();
    await con.run('DROP TABLE IF EXISTS import_stage').catch(() => undefined);
    con.closeSync();
  }
}

function labelsOf(kind: RecordKind, mapping: Mapping): Map<string, Map<string, string>> {
  return new Map(kind.columns.filter((c) => c.type === 'enum').map((c) => [c.name, labelTable(c, mapping)]));
}

/** The names of a kind's columns that are staged as text, in stage order (all but the coordinates). */
const stagedNames = (kind: RecordKind): string[] =>
  kind.columns.filter((c) => c.type !== 'lon' && c.type !== 'lat').map((c) => c.name);

/** Checks one data row; a good one joins the batch, a bad one is logged (and written to the rejects). */
function checkRow(
  row: CsvRow,
  width: number,
  where: ReadonlyMap<string, number>,
  kind: RecordKind,
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>,
  problems: ProblemLog,
  batch: Batch,
): void {
  const found: RowProblem[] = [];
  if (row.fields.length !== width) {
    found.push(problems.add(row.line, 'row', '', `has ${row.fields.length} fields, the header has ${width}`));
    problems.reject(found, row.fields);
    return;
  }
  const values: Array<string | number | null> = [];
  let lon = NaN;
  let lat = NaN;
  for (const col of kind.columns) {
    const i = where.get(col.name);
    const text = i === undefined ? '' : (row.fields[i] ?? '');
    const r = readCell(col, text, labels.get(col.name) ?? new Map());
    if (!r.ok) {
      found.push(problems.add(row.line, col.name, text, r.reason));
      if (col.type === 'enum' && text.trim() !== '') problems.unmappedValue(col.name, text.trim());
    } else if (col.type === 'lon') lon = r.value as number;
    else if (col.type === 'lat') lat = r.value as number;
    else values.push(r.value);
  }
  const broken =
    found.length === 0 && kind.check?.(new Map(stagedNames(kind).map((name, k) => [name, values[k] ?? null])));
  if (broken) {
    const i = where.get(broken.column);
    found.push(problems.add(row.line, broken.column, i === undefined ? '' : (row.fields[i] ?? ''), broken.reason));
  }
  if (found.length > 0) return problems.reject(found, row.fields);
  batch.lines.push(row.line);
  batch.lon.push(lon);
  batch.lat.push(lat);
  batch.fields.push(row.fields);
  batch.values.push(values);
}

/** Places the batch's points in mahallas and appends the rows that land in one; returns how many did. */
function appendBatch(
  ap: DuckDBAppender,
  batch: Batch,
  index: PolygonIndex,
  ids: Int32Array,
  problems: ProblemLog,
): number {
  const lons = Float64Array.from(batch.lon);
  const lats = Float64Array.from(batch.lat);
  const m = index.locateMany(lons, lats);
  const { hi, lo } = h3Halves(lons, lats);
  let good = 0;
  for (let i = 0; i < batch.lines.length; i++) {
    const line = batch.lines[i]!;
    if (m[i]! < 0) {
      const p = problems.add(line, 'lon/lat', `${lons[i]}, ${lats[i]}`, 'lies in no mahalla of the database');
      problems.reject([p], batch.fields[i]!);
      continue;
    }
    ap.appendInteger(line);
    for (const v of batch.values[i]!) {
      if (v === null) ap.appendNull();
      else ap.appendVarchar(String(v));
    }
    ap.appendDouble(lons[i]!);
    ap.appendDouble(lats[i]!);
    ap.appendInteger(ids[m[i]!]!);
    ap.appendUInteger(hi[i]!);
    ap.appendUInteger(lo[i]!);
    ap.endRow();
    good++;
  }
  return good;
}

/** A source id twice in one file: every later row is refused (and dropped from the stage); returns how many. */
async function rejectDuplicates(con: DuckDBConnection, problems: ProblemLog): Promise<number> {
  const reader = await con.runAndReadAll(
    `SELECT s.line::INTEGER AS line, s.source_id, f.first::INTEGER AS first FROM import_stage s
     JOIN (SELECT source_id, min(line) AS first FROM import_stage GROUP BY 1 HAVING count(*) > 1) f USING (source_id)
     WHERE s.line > f.first ORDER BY s.line`,
  );
  const dups = reader.getRowObjectsJson() as Array<{ line: number; source_id: string; first: number }>;
  for (const d of dups)
    problems.reject([problems.add(d.line, 'source_id', d.source_id, `repeats the id of row ${d.first}`)], []);
  if (dups.length > 0)
    await con.run(
      `DELETE FROM import_stage WHERE line IN (SELECT s.line FROM import_stage s JOIN (SELECT source_id, min(line) AS first
       FROM import_stage GROUP BY 1 HAVING count(*) > 1) f USING (source_id) WHERE s.line > f.first)`,
    );
  return dups.length;
}
