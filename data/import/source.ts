// The rows of an export whatever its format, picked by the file's extension: Parquet, XLSX (one sheet), else CSV.
// Every reader gives the same batches (a header row, then rows numbered as the file numbers them).
import type { Db } from '../../server/db/database.ts';
import { readCsv, type CsvFormat, type CsvRow } from './csv.ts';
import { readParquet } from './parquet.ts';
import { readXlsx } from './xlsx.ts';
import { planColumns, type Mapping } from './mapping.ts';
import type { RecordKind } from './record-kinds.ts';

export interface SourceOptions {
  /** an XLSX workbook's sheet (default the first) */
  sheet?: string | undefined;
  /** sees every byte of the file once (the checksum) */
  chunk: (bytes: Buffer) => void;
  /** told what a CSV file turned out to be */
  format?: (f: CsvFormat) => void;
}

/** @example for await (const { rows } of readSource(db, 'x.xlsx', { chunk: (b) => hash.update(b) })) … */
export function readSource(db: Db, file: string, o: SourceOptions): AsyncGenerator<{ rows: CsvRow[]; bytes: number }> {
  if (/\.parquet$/i.test(file)) return readParquet(db, file, { chunk: o.chunk });
  if (/\.xlsx$/i.test(file)) return readXlsx(file, { sheet: o.sheet, chunk: o.chunk });
  return readCsv(file, { format: o.format, chunk: o.chunk });
}

/**
 * The data rows of a file whose header names `kind`'s columns (mapping.ts planColumns), each with a reader of its
 * cells by column name; a file without a header row is refused.
 * @example for await (const { row, cell } of mappedRows(db, 'staff.csv', INSPECTORS, mapping, o)) cell('name');
 */
export async function* mappedRows(
  db: Db,
  file: string,
  kind: RecordKind,
  mapping: Mapping,
  o: SourceOptions,
): AsyncGenerator<{ row: CsvRow; cell: (name: string) => string }> {
  let index: ReadonlyMap<string, number> | undefined;
  for await (const chunk of readSource(db, file, o))
    for (const row of chunk.rows) {
      if (!index) index = planColumns(kind, row.fields, mapping).index;
      else {
        const at = index;
        yield { row, cell: (name) => row.fields[at.get(name) ?? -1] ?? '' };
      }
    }
  if (!index) throw new Error(`${file}: the file has no header row`);
}
