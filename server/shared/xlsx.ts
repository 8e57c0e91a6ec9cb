// The one XLSX writer, for the server's exports (the annex) and the browser's table downloads alike: the smallest
// workbook Excel, LibreOffice and Google Sheets open without a repair prompt. Each table is a sheet whose first row is
// its header (bold, frozen at the top), text as inline strings (no shared-strings part to keep in step), numbers as
// numbers, columns about as wide as their text. Written by hand (OOXML SpreadsheetML, ECMA-376) and zipped with
// fflate, so no spreadsheet library ships to the browser. Isomorphic: no node imports.
import { strToU8, zipSync } from 'fflate';

/** A cell: numbers stay numbers (a spreadsheet sums them), text is text, null (and '') is left empty. */
export type XlsxCell = string | number | null;

export interface XlsxSheet {
  /** at most 31 characters, none of []:*?/\ (each becomes a space); `Sheet<n>` when nothing is left */
  name: string;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<XlsxCell>>;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit on a cell's text. */
const MAX_TEXT = 32767;
/** Column widths, in characters: the header and the first rows are measured, within these bounds. */
const WIDTH = { min: 8, max: 60, measuredRows: 500, padding: 2 };
/**
 * 1980-01-01 00:00 in local time: fflate writes an entry's DOS date from local-time fields, so this gives the same
 * bytes in every time zone (and is the earliest date a ZIP entry can carry).
 */
const MTIME = new Date(1980, 0, 1);

/** XML 1.0 allows no control characters but tab and line breaks: they are dropped, not escaped. */
// eslint-disable-next-line no-control-regex -- the very characters XML forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text safe inside XML: the five entities escaped, characters XML 1.0 forbids dropped.
 * @example xmlText('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export const xmlText = (s: string): string =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A1-style column letters of a 0-based column.
 * @example columnName(0) // 'A'; columnName(27) // 'AB'
 */
export function columnName(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of []:*?/\ (each becomes a space), `Sheet<k+1>` when
 * nothing of the given one is left.
 * @example sheetName('Annex: 2026/1') // 'Annex  2026 1'; sheetName('  ', 1) // 'Sheet2'
 */
export const sheetName = (s: string, k = 0): string =>
  s
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31) || `Sheet${k + 1}`;

/** A cell's XML; '' when it is empty (an empty cell is not written at all). `style` is ` s="1"` or ''. */
function cellXml(v: XlsxCell, ref: string, style: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
  // NaN and ±Infinity have no place in a number cell: they are written as the text they print as.
  const text = xmlText(String(v).slice(0, MAX_TEXT));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetXml({ header, rows }: XlsxSheet): string {
  const width = (k: number): number => {
    const measured = [header[k], ...rows.slice(0, WIDTH.measuredRows).map((r) => r[k])];
    const widest = Math.max(WIDTH.min, ...measured.map((v) => String(v ?? '').length + WIDTH.padding));
    return Math.min(WIDTH.max, widest);
  };
  const cols = header.map((_, k) => `<col min="${k + 1}" max="${k + 1}" width="${width(k)}" customWidth="1"/>`);
  const line = (cells: readonly XlsxCell[], r: number, style: string): string =>
    `<row r="${r}">${cells.map((v, k) => cellXml(v, `${columnName(k)}${r}`, style)).join('')}</row>`;
  // Style 1 (styles.xml) is the header's bold font.
  const body = [line(header, 1, ' s="1"'), ...rows.map((cells, i) => line(cells, i + 2, ''))].join('');
  return (
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}">` +
    // The header row stays in view while scrolling.
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    `${cols.length > 0 ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`
  );
}

/** Two cell formats: 0 the default, 1 the header's bold font. */
const STYLES =
  `${HEAD}<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const ROOT_RELS =
  `${HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** The parts of the package, in the order they are zipped: path and XML text. */
function parts(sheets: readonly XlsxSheet[]): Array<[string, string]> {
  const n = sheets.map((_, k) => k + 1);
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    n
      .map(
        (i) =>
          `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>';
  const workbook =
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
    sheets
      .map((s, k) => `<sheet name="${xmlText(sheetName(s.name, k))}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  // The sheets are rId1…rIdN (as workbook.xml names them), the styles the one after.
  const workbookRels =
    `${HEAD}<Relationships xmlns="${PKG_REL}">` +
    n.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', workbookRels],
    ['xl/styles.xml', STYLES],
    ...sheets.map((s, k): [string, string] => [`xl/worksheets/sheet${k + 1}.xml`, sheetXml(s)]),
  ];
}

/**
 * An .xlsx workbook of some tables, one sheet each; the same tables always give the same bytes.
 * @example xlsx([{ name: 'Annex', header: ['Mahalla', 'Residents'], rows: [['Olmazor', 1000]] }]) // Uint8Array (PK…)
 */
export function xlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  return zipSync(Object.fromEntries(parts(sheets).map(([path, text]) => [path, strToU8(text)])), {
    level: 6,
    mtime: MTIME,
  });
}
