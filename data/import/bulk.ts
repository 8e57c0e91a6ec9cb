// The bulk path of a record import: DuckDB reads the CSV (or Parquet) file into `import_raw` in parallel, SQL checks
// every row at once (bulk-check.ts), JavaScript checks only the rows SQL could not pass (stage-rows.ts checkRow, so
// every message is the row-by-row path's), and the rows are placed column by column (place-bulk.ts) into
// `import_stage`, as the row-by-row path leaves it. Returns null, having written nothing, for a file it cannot read
// line for line (records.ts then stages it row by row).
import { createHash } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { checkedTable } from './bulk-check.ts';
import { scanCsv, WHOLE_LINE } from './bulk-scan.ts';
import type { CsvFormat } from './csv.ts';
import { labelTable, planColumns, type Mapping } from './mapping.ts';
import { Batch, type PlaceContext } from './place.ts';
import { placeChecked } from './place-bulk.ts';
import { normalizeLabel, type RecordKind } from './record-kinds.ts';
import { checkRow, labelsOf, stagedNames, stageTableSql, type Staged } from './stage-rows.ts';

export interface BulkOptions {
  mapping: Mapping;
  ctx: PlaceContext;
  progress?: ((rows: number, bytes: number, last: boolean) => void) | undefined;
  log: (line: string) => void;
  /** a cancel: checked between the steps, as DuckDB's interrupt (records.ts) only stops the query running then */
  signal?: AbortSignal | undefined;
}

const TEMP = ['import_raw', 'import_checked', 'import_fixed', 'import_placed', 'import_codes'];
/** Dirty rows checked in JavaScript per flush into `import_fixed`. */
const FIX_BATCH = 65_536;

/** Stages `file` into `import_stage` on `con` in bulk, or returns null when only the row-by-row path can read it. */
export async function stageBulk(
  con: DuckDBConnection,
  kind: RecordKind,
  file: string,
  o: BulkOptions,
): Promise<Staged | null> {
  if (/\.xlsx$/i.test(file) || !kind.time) return null;
  const parquet = /\.parquet$/i.test(file);
  const hash = createHash('sha256');
  const tmp = join(tmpdir(), `hamkor-import-${process.pid}-${Date.now()}.utf8.csv`);
  let bytes = 0;
  let format: CsvFormat | undefined;
  let header: string[];
  const t0 = performance.now();
  try {
    if (parquet) {
      for await (const b of createReadStream(file)) {
        hash.update(b as Buffer);
        bytes += (b as Buffer).length;
      }
      const described = await con.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: file });
      header = (described.getRowObjectsJson() as Array<{ column_name: string }>).map((r) => r.column_name);
      const fields = header.map((_, i) => `coalesce(#${i + 1}::VARCHAR, '')`).join(', ');
      await con.run(`CREATE OR REPLACE TEMP TABLE import_raw AS SELECT [${fields}] AS f FROM read_parquet($path)`, {
        path: file,
      });
    } else {
      const scan = await scanCsv(file, hash, tmp, (b) => o.progress?.(0, b / 2, false));
      if (scan.unfit) {
        o.log(`reading row by row: ${scan.unfit}`);
        return null;
      }
      ({ format, header, bytes } = scan);
      o.signal?.throwIfAborted();
      planColumns(kind, header, o.mapping); // a missing column is refused before DuckDB reads the file
      try {
        await con.run(
          `CREATE OR REPLACE TEMP TABLE import_raw AS SELECT string_split(t, $delim) AS f FROM read_csv($path,
           header = false, skip = 1, delim = $whole, quote = '', escape = '', columns = {'t': 'VARCHAR'},
           auto_detect = false)`,
          { path: scan.utf8Path, delim: format.delimiter, whole: String.fromCharCode(WHOLE_LINE) },
        );
      } catch (err) {
        // Not valid UTF-8 after all, say: the row-by-row reader names the place and the way out.
        o.log(`reading row by row: DuckDB could not read the file (${(err as Error).message.split('\n')[0]})`);
        await dropTemp(con);
        return null;
      }
    }
    o.signal?.throwIfAborted();
    o.log(`read in ${((performance.now() - t0) / 1000).toFixed(1)} s; checking`);
    const staged = await checkAndPlace(con, kind, header, o, bytes);
    return { ...staged, format, sha256: hash.digest('hex') };
  } finally {
    rmSync(tmp, { force: true });
    await dropTemp(con);
  }
}

/**
 * Drops the temporary tables this import made, only those that exist: every DDL statement is a commit, and with the
 * server answering requests beside it a needless one can wait seconds (a cancelled import waited minutes on 21).
 */
async function dropTemp(con: DuckDBConnection): Promise<void> {
  const names = (
    await con.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE temporary AND (table_name IN (SELECT unnest($names::VARCHAR[]))
       OR table_name LIKE 'import\\_labels\\_%' ESCAPE '\\')`,
      { names: `[${TEMP.join(', ')}]` },
    )
  ).getRows();
  if (names.length > 0) await con.run(names.map(([t]) => `DROP TABLE IF EXISTS ${String(t)};`).join(' '));
}

const count = async (con: DuckDBConnection, sql: string): Promise<number> =>
  Number((await con.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);

/** Checks `import_raw` into `import_checked`, fixes what SQL refused row by row, places, and builds `import_stage`. */
async function checkAndPlace(
  con: DuckDBConnection,
  kind: RecordKind,
  header: string[],
  o: BulkOptions,
  bytes: number,
): Promise<Omit<Staged, 'format' | 'sha256'>> {
  const { ctx } = o;
  const problems = ctx.problems;
  const plan = planColumns(kind, header, o.mapping);
  problems.start(header);
  const rowsRead = await count(con, 'SELECT count(*) FROM import_raw');
  const table = checkedTable(kind, plan, header.length);
  // Each enum column's distinct texts, read by readCell's own label table: a few hundred values, however many rows.
  for (const [k, { column, field }] of table.enums.entries()) {
    await con.run(`CREATE OR REPLACE TEMP TABLE import_labels_${k} (raw VARCHAR, code VARCHAR)`);
    if (field === 0) continue;
    const labels = labelTable(column, o.mapping);
    const distinct = await con.runAndReadAll(`SELECT DISTINCT f[${field}] FROM import_raw WHERE len(f) >= ${field}`);
    const ap = await con.createAppender(`import_labels_${k}`);
    for (const [raw] of distinct.getRows()) {
      const t = String(raw).trim();
      const code = t === '' ? undefined : labels.get(normalizeLabel(t));
      if (code === undefined) continue;
      ap.appendVarchar(String(raw));
      ap.appendVarchar(code);
      ap.endRow();
    }
    ap.closeSync();
  }
  const tc = performance.now();
  o.signal?.throwIfAborted();
  await con.run(table.sql);
  o.signal?.throwIfAborted();
  const fixed = await fixDirty(con, kind, plan.index, header.length, o);
  o.signal?.throwIfAborted();
  o.log(`checked in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const placed = await placeChecked(con, ctx, kind.time, rowsRead, (rows) =>
    o.progress?.(rows, bytes / 2 + (bytes / 2) * (rows / Math.max(1, rowsRead)), false),
  );
  o.log(`placed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  if (placed.rejects.length > 0) {
    const lines = placed.rejects.map(([line]) => line - 2);
    const rows = await con.runAndReadAll(
      `SELECT rowid::INTEGER AS r, f FROM import_raw WHERE rowid IN (SELECT unnest($rows::INTEGER[]))`,
      { rows: lines.join(',') === '' ? '[]' : `[${lines.join(',')}]` },
    );
    const fields = new Map(rows.getRows().map(([r, f]) => [Number(r) + 2, listOf(f)]));
    for (const [line, column, value, why] of placed.rejects)
      problems.reject([problems.add(line, column, value, why)], fields.get(line) ?? []);
  }
  o.progress?.(rowsRead, bytes, true);
  const names = stagedNames(kind);
  await con.run(stageTableSql(kind));
  const ts = performance.now();
  await con.run(`INSERT INTO import_stage SELECT c.line::INTEGER, ${names.map((n) => `c.${n}`).join(', ')}, c.lon, c.lat,
    p.mahalla, CASE WHEN c.lon IS NOT NULL THEN p.h3_hi END, CASE WHEN c.lon IS NOT NULL THEN p.h3_lo END
    FROM import_checked c JOIN import_placed p ON p.line = c.line WHERE c.ok`);
  o.log(`staged in ${((performance.now() - ts) / 1000).toFixed(1)} s`);
  if (fixed > 0) o.log(`${fixed} rows checked one by one were good`);
  return { rowsRead, rowsGood: placed.good, ignoredColumns: plan.ignored };
}

const listOf = (v: unknown): string[] =>
  (v as { items?: Array<string | null> } | null)?.items?.map((x) => x ?? '') ?? [];

/**
 * Checks the rows SQL refused with readCell (stage-rows.ts checkRow): their problems are logged in line order and the
 * good ones (a label SQL had no code for, say) join `import_checked`. Returns how many were good.
 */
async function fixDirty(
  con: DuckDBConnection,
  kind: RecordKind,
  where: ReadonlyMap<string, number>,
  width: number,
  o: BulkOptions,
): Promise<number> {
  const names = stagedNames(kind);
  await con.run(`CREATE OR REPLACE TEMP TABLE import_fixed (line INTEGER, ${names.map((n) => `${n} VARCHAR`).join(', ')},
    lon DOUBLE, lat DOUBLE, day INTEGER, ok BOOLEAN)`);
  const ap = await con.createAppender('import_fixed');
  const labels = labelsOf(kind, o.mapping);
  let batch = new Batch();
  let good = 0;
  const flush = (): void => {
    for (let i = 0; i < batch.lines.length; i++) {
      ap.appendInteger(batch.lines[i]!);
      for (const v of batch.values[i]!) {
        if (v === null) ap.appendNull();
        else ap.appendVarchar(String(v));
      }
      for (const v of [batch.lon[i]!, batch.lat[i]!]) {
        if (Number.isNaN(v)) ap.appendNull();
        else ap.appendDouble(v);
      }
      ap.appendInteger(batch.day[i]!);
      ap.appendBoolean(true);
      ap.endRow();
    }
    good += batch.lines.length;
    batch = new Batch();
  };
  const result = await con.stream(
    'SELECT c.line, r.f FROM import_checked c JOIN import_raw r ON r.rowid = c.line - 2 WHERE NOT c.ok ORDER BY c.line',
  );
  for (;;) {
    o.signal?.throwIfAborted();
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const [line, f] of chunk.getRows()) {
      checkRow({ line: Number(line), fields: listOf(f) }, width, where, kind, labels, o.ctx.problems, batch, false);
      if (batch.lines.length >= FIX_BATCH) flush();
    }
  }
  flush();
  ap.closeSync();
  if (good > 0) await con.run('INSERT INTO import_checked BY NAME SELECT * FROM import_fixed');
  return good;
}
