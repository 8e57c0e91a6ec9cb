// Imports incidents or applications from a CSV or Parquet export: streams and checks every row, places each point in its mahalla
// (the loader's PolygonIndex join), stages the good rows, then commits them in one transaction keyed by the source's
// own ids (commit.ts). By default one bad row refuses the whole file; keepGood imports the rest.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../../server/db/database.ts';
import { commitStage, type ChangeCounts } from './commit.ts';
import type { CsvFormat } from './csv.ts';
import { readMapping } from './mapping.ts';
import { ProblemLog, problemLine, said, writeReport, type RowProblem } from './report.ts';
import type { RecordKind } from './record-kinds.ts';
import { loadPlaces, QualityTally, type PlaceContext } from './place.ts';
import { stagedNames, stageRows } from './stage-rows.ts';
import { stageBulk } from './bulk.ts';
import { importMemoryLimit, withMemoryLimit } from './memory.ts';
import { dayNumber } from './quality.ts';
import { crsFromCode, WGS84 } from './crs.ts';
import { qualityLines, qualityReport, type QualityReport } from './quality-report.ts';

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
  /** Who the import is recorded as (default the operating-system user: the command line). */
  by?: string;
  /** Told of rows read and bytes of the file consumed after each chunk, and once more (`last`) when all are read. */
  progress?: (rows: number, bytes: number, last: boolean) => void;
  /** The first day of the data (YYYY-MM-DD): earlier records are reported; default the database's period start. */
  since?: string;
  /** The import's day (YYYY-MM-DD, Tashkent): later records are reported as future; default today. */
  today?: string;
  /** Records on one coordinate from which the quality report lists it (default quality-report.ts STACK_MIN). */
  stackMin?: number;
  /** The sheet of an XLSX workbook to read (default the first). */
  sheet?: string;
  /**
   * true: check every row in JavaScript as it is read (the only path for XLSX, x/y, quoted or blank-lined CSV);
   * false: let DuckDB read and check the file in bulk (bulk.ts) where it can; unset: bulk from 8 MiB. Both paths
   * give the same result, the bulk one faster.
   */
  rowByRow?: boolean;
  /** The EPSG code of the lon/lat (or x/y) columns when they are not WGS84 degrees, e.g. 32642 (crs.ts). */
  crs?: number | string;
  /** DuckDB's memory limit while importing, e.g. '2GB' (memory.ts; default HAMKOR_IMPORT_MEMORY, else 2GB). */
  memoryLimit?: string;
  /**
   * Aborting it stops the import before it writes (its reason is thrown): the DuckDB query running then is
   * interrupted, so a cancel does not wait for the bulk path's read and checks of a large file (minutes nationally).
   */
  signal?: AbortSignal | undefined;
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
  quality?: QualityReport;
  report: string;
  rejects?: string;
}

/**
 * Files from this size are read in bulk (unless `rowByRow` says otherwise); below it the row path is as quick. (A
 * cancel of a bulk import once waited minutes: it was only seen at the next progress call, after DuckDB's read and
 * checks of the whole file; `signal` now interrupts them.)
 */
const BULK_FROM = 8 * 2 ** 20;

/** Today in Tashkent (UTC+5, no DST), as YYYY-MM-DD. */
const tashkentToday = (): string => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);

async function periodStart(db: Db): Promise<string> {
  const [row] = await db.all<{ v: string }>("SELECT value AS v FROM meta WHERE key = 'period_start'");
  return row?.v ?? '2023-11-01';
}

/** Imports one file into `db` (which the caller opened for writing and nobody else holds). */
export async function importRecords(db: Db, opts: RecordImportOptions): Promise<RecordImportResult> {
  const { kind, file } = opts;
  const log = opts.log ?? (() => undefined);
  const mapping = readMapping(opts.mapping, kind);
  const report = opts.report ?? `${file}.import-report.json`;
  const rejectsPath = opts.keepGood ? report.replace(/\.json$/, '') + '.rejects.csv' : undefined;
  const problems = new ProblemLog(file, rejectsPath);
  const places = await loadPlaces(db);
  const days = { start: opts.since ?? (await periodStart(db)), today: opts.today ?? tashkentToday() };
  const tally = new QualityTally();
  const crs = opts.crs === undefined ? WGS84 : crsFromCode(opts.crs);
  const ctx: PlaceContext = {
    crs: crs.code === WGS84.code ? null : crs,
    places,
    problems,
    tally,
    startDay: dayNumber(days.start),
    today: dayNumber(days.today),
    timeAt: stagedNames(kind).indexOf(kind.time),
  };
  const con = await db.connect();
  const limit = importMemoryLimit(opts.memoryLimit);
  const interrupt = (): void => con.interrupt();
  opts.signal?.throwIfAborted();
  opts.signal?.addEventListener('abort', interrupt, { once: true });
  const t0 = performance.now();
  try {
    return await withMemoryLimit(con, limit, db.path, async () => {
      log(`DuckDB memory limit ${limit} (temporary tables spill to disk beyond it)`);
      const common = { mapping, ctx, progress: opts.progress, log, signal: opts.signal };
      const hash = createHash('sha256');
      const staged =
        (opts.rowByRow === true || ctx.crs || (opts.rowByRow === undefined && statSync(file).size < BULK_FROM)
          ? null
          : await stageBulk(con, kind, file, common)) ??
        (await stageRows(db, con, kind, file, { ...common, sheet: opts.sheet, chunk: (b) => void hash.update(b) }));
      const { rowsRead, format, ignoredColumns } = staged;
      const sha256 = staged.sha256 ?? hash.digest('hex');
      let rowsGood = staged.rowsGood;
      rowsGood -= await rejectDuplicates(con, problems);
      await problems.close();
      const tq = performance.now();
      log(`read and placed ${rowsRead} rows in ${((tq - t0) / 1000).toFixed(1)} s; quality report`);
      const quality = await qualityReport(con, kind, tally, days, opts.stackMin);
      log(`quality report in ${((performance.now() - tq) / 1000).toFixed(1)} s`);
      const base = {
        file,
        sha256,
        format,
        rowsRead,
        rowsGood,
        rejected: problems.rejectedRows,
        problemCount: problems.count,
        problems: problems.kept,
        unmapped: problems.unmappedList(),
        ignoredColumns,
        quality,
        report,
        rejects: rejectsPath,
      };
      const refused = problems.count > 0 && !opts.keepGood;
      for (const p of problems.kept.slice(0, 20)) log(problemLine(p));
      if (problems.count > 20) log(`… and ${problems.count - 20} more problems (all in ${report})`);
      for (const line of qualityLines(quality)) log(`quality: ${line}`);
      log(`checked ${rowsRead} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s; writing`);
      // Past here nothing is cancelled: the commit is one transaction, finished or rolled back by DuckDB itself.
      opts.signal?.throwIfAborted();
      opts.signal?.removeEventListener('abort', interrupt);
      let counts: ChangeCounts | undefined;
      if (!refused && rowsGood > 0)
        counts = await commitStage(con, kind, {
          dryRun: opts.dryRun ?? false,
          file,
          sha256: base.sha256,
          by: opts.by ?? userInfo().username,
          mapping: JSON.stringify(mapping),
          rowsRead,
          rejected: problems.rejectedRows,
        });
      log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const result: RecordImportResult = { ...base, ...counts, committed: counts !== undefined && !opts.dryRun };
      writeReport(report, result);
      return result;
    });
  } catch (err) {
    // DuckDB's "Interrupted!" (or whatever the interrupted step threw) is the cancel itself.
    throw opts.signal?.aborted ? (opts.signal.reason as Error) : err;
  } finally {
    opts.signal?.removeEventListener('abort', interrupt);
    await problems.close();
    await con.run('DROP TABLE IF EXISTS import_stage').catch(() => undefined);
    con.closeSync();
  }
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
    problems.reject(
      [
        problems.add(
          d.line,
          'source_id',
          d.source_id,
          said(`repeats the id of row ${d.first}`, 'duplicate_row_id', { row: d.first }),
        ),
      ],
      [],
    );
  if (dups.length > 0)
    await con.run(
      `DELETE FROM import_stage WHERE line IN (SELECT s.line FROM import_stage s JOIN (SELECT source_id, min(line) AS first
       FROM import_stage GROUP BY 1 HAVING count(*) > 1) f USING (source_id) WHERE s.line > f.first)`,
    );
  return dups.length;
}
