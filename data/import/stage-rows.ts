// The row-by-row staging of an import (XLSX, CSV with quoted fields or blank lines, x/y in another system): parses and
// checks every row in JavaScript, places each batch of good rows (place.ts) and appends them to `import_stage`. The
// bulk path (bulk.ts) uses its row check for every row its SQL could not pass.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../../server/db/database.ts';
import type { CsvFormat, CsvRow } from './csv.ts';
import { labelTable, planColumns, readCell, type Mapping } from './mapping.ts';
import { appendBatch, Batch, dayOf, type PlaceContext } from './place.ts';
import type { RecordKind } from './record-kinds.ts';
import { said, type ProblemLog, type RowProblem } from './report.ts';
import { readSource } from './source.ts';

/** What staging found, whichever path staged. */
export interface Staged {
  rowsRead: number;
  rowsGood: number;
  format?: CsvFormat | undefined;
  ignoredColumns: string[];
  /** the file's checksum, when staging computed it */
  sha256?: string;
}

/** Rows checked, joined and appended together: big enough to amortise the join, small enough to bound memory. */
const BATCH = 65_536;

/** The stage table of a kind: line, its text columns, the point, the mahalla and the H3 cell's halves. */
export const stageTableSql = (kind: RecordKind, name = 'import_stage'): string =>
  `DROP TABLE IF EXISTS ${name}; CREATE TEMP TABLE ${name} (line INTEGER,
      ${stagedNames(kind)
        .map((n) => `${n} VARCHAR`)
        .join(', ')}, lon DOUBLE, lat DOUBLE, mahalla INTEGER, h3_hi UINTEGER, h3_lo UINTEGER)`;

/** Reads, checks, places and stages `file` row by row into `import_stage` on `con`; `chunk` sees every byte. */
export async function stageRows(
  db: Db,
  con: DuckDBConnection,
  kind: RecordKind,
  file: string,
  o: {
    mapping: Mapping;
    ctx: PlaceContext;
    sheet?: string | undefined;
    chunk: (b: Buffer) => void;
    progress?: ((rows: number, bytes: number, last: boolean) => void) | undefined;
  },
): Promise<Staged> {
  const { ctx } = o;
  const problems = ctx.problems;
  let format: CsvFormat | undefined;
  let rowsRead = 0;
  let rowsGood = 0;
  let bytesRead = 0;
  let ignoredColumns: string[] = [];
  await con.run(stageTableSql(kind));
  const ap = await con.createAppender('import_stage');
  let plan: ReturnType<typeof planColumns> | undefined;
  let labels = new Map<string, Map<string, string>>();
  let width = 0;
  let batch = new Batch();
  const flush = (): void => {
    rowsGood += appendBatch(ap, batch, ctx);
    batch = new Batch();
  };
  const source = readSource(db, file, { sheet: o.sheet, chunk: o.chunk, format: (f) => (format = f) });
  for await (const chunk of source) {
    for (const row of chunk.rows) {
      if (!plan) {
        plan = planColumns(kind, row.fields, o.mapping);
        ignoredColumns = plan.ignored;
        labels = labelsOf(kind, o.mapping);
        width = row.fields.length;
        problems.start(row.fields);
        continue;
      }
      rowsRead++;
      checkRow(row, width, plan.index, kind, labels, problems, batch, ctx.crs !== null);
      if (batch.lines.length >= BATCH) flush();
    }
    bytesRead = chunk.bytes;
    o.progress?.(rowsRead, bytesRead, false);
  }
  o.progress?.(rowsRead, bytesRead, true);
  if (!plan) throw new Error(`${file}: the file has no header row`);
  flush();
  ap.closeSync();
  return { rowsRead, rowsGood, format, ignoredColumns };
}

export function labelsOf(kind: RecordKind, mapping: Mapping): Map<string, Map<string, string>> {
  return new Map(kind.columns.filter((c) => c.type === 'enum').map((c) => [c.name, labelTable(c, mapping)]));
}

/** The names of a kind's columns that are staged as text, in stage order (all but the coordinates). */
export const stagedNames = (kind: RecordKind): string[] => {
  let names = STAGED.get(kind);
  if (!names)
    STAGED.set(kind, (names = kind.columns.filter((c) => c.type !== 'lon' && c.type !== 'lat').map((c) => c.name)));
  return names;
};
/** Computed once per kind: checkRow asks for every row. */
const STAGED = new WeakMap<RecordKind, string[]>();

/** Checks one data row; a good one joins the batch, a bad one is logged (and written to the rejects). */
export function checkRow(
  row: CsvRow,
  width: number,
  where: ReadonlyMap<string, number>,
  kind: RecordKind,
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>,
  problems: ProblemLog,
  batch: Batch,
  projected: boolean,
): void {
  const found: RowProblem[] = [];
  if (row.fields.length !== width) {
    const why = `has ${row.fields.length} fields, the header has ${width}`;
    found.push(problems.add(row.line, 'row', '', said(why, 'row_width', { fields: row.fields.length, width })));
    problems.reject(found, row.fields);
    return;
  }
  const values: Array<string | number | null> = [];
  let lon = NaN;
  let lat = NaN;
  let code: string | null = null;
  const text = (name: string): string => {
    const i = where.get(name);
    return i === undefined ? '' : (row.fields[i] ?? '');
  };
  for (const col of kind.columns) {
    const r = readCell(col, text(col.name), labels.get(col.name) ?? new Map(), projected);
    if (!r.ok) {
      found.push(problems.add(row.line, col.name, text(col.name), r));
      if (col.type === 'enum' && text(col.name).trim() !== '') problems.unmappedValue(col.name, text(col.name).trim());
      continue;
    }
    if (col.type === 'lon') lon = r.value === null ? NaN : (r.value as number);
    else if (col.type === 'lat') lat = r.value === null ? NaN : (r.value as number);
    else values.push(r.value);
    if (col.type === 'mahalla') code = r.value as string | null;
  }
  if (found.length === 0) {
    // A point needs both coordinates; without one, the mahalla code alone places the record.
    if (Number.isNaN(lon) !== Number.isNaN(lat)) {
      const [empty, given] = Number.isNaN(lon) ? ['lon', 'lat'] : ['lat', 'lon'];
      found.push(
        problems.add(row.line, empty, '', said(`is empty, but ${given} is given`, 'coordinate_missing', { given })),
      );
    } else if (Number.isNaN(lon) && code === null)
      found.push(
        problems.add(
          row.line,
          'lon/lat',
          '',
          said('are empty and there is no mahalla code: a record needs one of them', 'no_place'),
        ),
      );
  }
  const broken =
    found.length === 0 && kind.check?.(new Map(stagedNames(kind).map((name, k) => [name, values[k] ?? null])));
  if (broken) found.push(problems.add(row.line, broken.column, text(broken.column), broken));
  if (found.length > 0) return problems.reject(found, row.fields);
  batch.lines.push(row.line);
  batch.lon.push(lon);
  batch.lat.push(lat);
  batch.code.push(code);
  batch.day.push(dayOf(values[stagedNames(kind).indexOf(kind.time)] ?? null));
  batch.fields.push(row.fields);
  batch.values.push(values);
}
