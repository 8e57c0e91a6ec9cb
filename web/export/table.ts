// A table as the reader downloads it: the same columns (headers in the reader's language) and rows as on screen, names
// with their codes, as CSV for the reader's spreadsheet (server/shared/csv.ts: the language's list separator, a BOM)
// or as an XLSX workbook (server/shared/xlsx.ts, the annex's writer too). Pure, so the files are checked byte for byte in unit tests.
import { csv, csvStyle } from '../../server/shared/csv.ts';
import { xlsx } from '../../server/shared/xlsx.ts';

/** A cell as exported: numbers stay numbers (a spreadsheet sums them), everything else is text; null is empty. */
export type ExportCell = string | number | null;

export interface ExportTable {
  /** the headers, translated */
  columns: readonly string[];
  rows: ReadonlyArray<readonly ExportCell[]>;
}

/**
 * The table as CSV bytes: UTF-8 with a BOM, ";" in Russian and Uzbek, "," in English.
 * @example new TextDecoder().decode(tableCsv({ columns: ['a', 'b'], rows: [[1, 'x;y']] }, 'ru')) // 'a;b\n1;"x;y"\n'
 */
export function tableCsv(table: ExportTable, locale: string): Uint8Array {
  // TextDecoder drops the BOM when reading back; the bytes keep it (EF BB BF).
  return new TextEncoder().encode(csv(table.columns, table.rows, csvStyle(locale)));
}

/** The table as an XLSX workbook of one sheet named `sheet`: a bold, frozen header row, numbers as numbers. */
export function tableXlsx(table: ExportTable, sheet: string): Uint8Array {
  return xlsx([{ name: sheet, header: table.columns, rows: table.rows }]);
}

/** Media types of the two formats, for the download. */
export const TABLE_TYPES = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
