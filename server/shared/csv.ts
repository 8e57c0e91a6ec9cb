// CSV text for the exports (records, audit log, annex on the server; every table in the browser, web/export/table.ts): RFC 4180 quoting, one header row. Exports people open in a
// spreadsheet take the list separator of their language (Excel set to Russian or Uzbek splits on ";") and a UTF-8
// byte-order mark, without which Excel reads Cyrillic and oʻ as mojibake.

/** How a document is written: the field separator and whether it starts with a UTF-8 BOM. */
export interface CsvStyle {
  separator: ',' | ';';
  bom: boolean;
}

/**
 * How a CSV for this language is written: Russian and Uzbek spreadsheets use ";" as the list separator (the decimal
 * separator is the comma), English ",". Always with a BOM.
 * @example csvStyle('uz-Latn') // { separator: ';', bom: true }
 */
export const csvStyle = (locale: string): CsvStyle => ({ separator: locale === 'en' ? ',' : ';', bom: true });

const PLAIN: CsvStyle = { separator: ',', bom: false };

const cell = (v: string | number | null, sep: string): string => {
  if (v === null) return '';
  const s = String(v);
  return s.includes(sep) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * A CSV document from a header and rows, each line ended by a newline.
 * @example csv(['id', 'name'], [[1, 'a,b']]) // 'id,name\n1,"a,b"\n'
 * @example csv(['id', 'name'], [[1, 'a;b']], { separator: ';', bom: true }) // '\uFEFFid;name\n1;"a;b"\n'
 */
export function csv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  style: CsvStyle = PLAIN,
): string {
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, style.separator)).join(style.separator));
  return `${style.bom ? '\uFEFF' : ''}${lines.join('\n')}\n`;
}
