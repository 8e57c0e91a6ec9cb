// The smallest workbook Excel, LibreOffice and Google Sheets open without a repair prompt: one sheet of inline
// strings and numbers, a bold header row frozen at the top, columns about as wide as their text. Written by hand
// (OOXML SpreadsheetML, ECMA-376) and zipped with fflate, so no spreadsheet library ships to the browser.
import { strToU8, zipSync } from 'fflate';
import { cleanSheetName, columnName, xmlText } from '../../server/shared/spreadsheet-xml.ts';

export { columnName };

type Cell = string | number | null;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit on a cell's text. */
const MAX_TEXT = 32767;

function cellXml(v: Cell, ref: string, style: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
  const text = xmlText(String(v).slice(0, MAX_TEXT));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** A sheet name Excel accepts, 'Sheet1' when nothing of the given one is left. */
export const sheetName = (s: string): string => cleanSheetName(s) || 'Sheet1';

function sheetXml(columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const width = (k: number): number =>
    Math.min(
      60,
      Math.max(8, ...[columns[k], ...rows.slice(0, 500).map((r) => r[k])].map((v) => String(v ?? '').length + 2)),
    );
  const cols = columns.map((_, k) => `<col min="${k + 1}" max="${k + 1}" width="${width(k)}" customWidth="1"/>`);
  const line = (cells: readonly Cell[], r: number, style: string): string =>
    `<row r="${r}">${cells.map((v, k) => cellXml(v, `${columnName(k)}${r}`, style)).join('')}</row>`;
  const body = [line(columns, 1, ' s="1"'), ...rows.map((cells, i) => line(cells, i + 2, ''))].join('');
  return (
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    `${cols.length > 0 ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`
  );
}

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

const CONTENT_TYPES =
  `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS =
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

/** One workbook of one sheet: the header row (bold, frozen), then the rows. */
export function xlsx(name: string, columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): Uint8Array {
  const workbook =
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}">` +
    `<sheets><sheet name="${xmlText(sheetName(name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  // A fixed time in the entries, so the same table gives the same bytes.
  const mtime = new Date(Date.UTC(2000, 0, 1));
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbook),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/styles.xml': strToU8(STYLES),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(columns, rows)),
    },
    { level: 6, mtime },
  );
}
