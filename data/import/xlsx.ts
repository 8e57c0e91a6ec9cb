// Streams the rows of an XLSX workbook's sheet (the first, or one named) as the CSV reader's batches: the ZIP's
// central directory read from the file's end, the sheet's part inflated as a stream (node:zlib) and cut into <row>
// elements, so memory holds one chunk and the shared strings, never the whole sheet. Cells as text; date-formatted
// numbers as `YYYY-MM-DD HH:MM:SS` (the styles say which).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { CsvRow } from './csv.ts';

/** A file that is not an XLSX workbook we can read (row-level problems are the importer's). */
export class XlsxFormatError extends Error {}

interface Entry {
  method: number;
  packed: number;
  /** where the entry's local header starts */
  local: number;
}

/** The ZIP's entries by name, from the end-of-central-directory record (ZIP64 and multi-disk are refused). */
async function directory(path: string): Promise<{ entries: Map<string, Entry>; size: number }> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tail = Buffer.alloc(Math.min(size, 65_557));
    await fh.read(tail, 0, tail.length, size - tail.length);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new XlsxFormatError('the file is not an XLSX workbook (no ZIP directory): save it as .xlsx');
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirAt = tail.readUInt32LE(end + 16);
    if (dirAt === 0xffffffff) throw new XlsxFormatError('the workbook is larger than 4 GB (ZIP64): export it as CSV');
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirAt);
    const entries = new Map<string, Entry>();
    for (let k = 0, at = 0; k < count; k++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) throw new XlsxFormatError("the workbook's ZIP directory is damaged");
      const nameLength = dir.readUInt16LE(at + 28);
      entries.set(dir.toString('utf8', at + 46, at + 46 + nameLength), {
        method: dir.readUInt16LE(at + 10),
        packed: dir.readUInt32LE(at + 20),
        local: dir.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return { entries, size };
  } finally {
    await fh.close();
  }
}

/** Where an entry's data starts (after its local header, whose lengths may differ from the directory's). */
async function dataStart(path: string, e: Entry): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(30);
    await fh.read(head, 0, 30, e.local);
    return e.local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  } finally {
    await fh.close();
  }
}

/** A small part (workbook, relationships, styles, shared strings) whole, as text; '' when absent. */
async function part(path: string, entries: Map<string, Entry>, name: string): Promise<string> {
  const e = entries.get(name);
  if (!e) return '';
  const start = await dataStart(path, e);
  const fh = await open(path, 'r');
  try {
    const raw = Buffer.alloc(e.packed);
    await fh.read(raw, 0, e.packed, start);
    return (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  } finally {
    await fh.close();
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text with its entities resolved. @example unescapeXml('a &amp; &#1041;') // 'a & Б' */
export const unescapeXml = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : (ENTITIES[e] ?? m),
      )
    : s;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The text of every <t> in an element (rich-text runs joined), phonetic runs left out. */
const textOf = (xml: string): string =>
  unescapeXml(
    [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)]
      .map((m) => m[1] ?? '')
      .join(''),
  );

/** The path of the sheet to read: the named one or the first, from the workbook and its relationships. */
function sheetPath(workbook: string, rels: string, name?: string): string {
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: unescapeXml(attr(m[0], 'name') ?? ''),
    rid: attr(m[0], 'r:id') ?? '',
  }));
  const sheet = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
  if (!sheet)
    throw new XlsxFormatError(
      name === undefined
        ? 'the workbook has no sheet'
        : `the workbook has no sheet "${name}" (its sheets: ${sheets.map((s) => s.name).join(', ')})`,
    );
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) => attr(m[0], 'Id') === sheet.rid);
  const target = rel ? (attr(rel[0], 'Target') ?? '') : '';
  if (!target) throw new XlsxFormatError(`the workbook does not say where sheet "${sheet.name}" is`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30). */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style index, whether its number format shows a date (custom formats: any d, m, y, h, s outside quotes). */
export function dateStyles(styles: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const code = unescapeXml(attr(m[0], 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    custom.set(Number(attr(m[0], 'numFmtId')), /[dmyhs]/i.test(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return custom.get(id) ?? DATE_FORMATS.has(id);
  });
}

/**
 * An Excel serial day (1900 system: day 1 = 1900-01-01, with its phantom 29 Feb 1900) as a local date-time,
 * rounded to the second.
 * @example excelDate(45356.5) // '2024-03-05 12:00:00'
 */
export function excelDate(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400) * 1000; // 25569 = 1970-01-01
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Column letters of a cell reference → 0-based index. @example columnIndex('AB12') // 27 */
export function columnIndex(ref: string): number {
  let k = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    k = k * 26 + (c - 64);
  }
  return k - 1;
}

/** One <row> element's cells as text, placed by their references (gaps are empty). */
export function rowCells(xml: string, shared: readonly string[], dates: readonly boolean[]): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const head = m[1] ?? '';
    const body = m[2] ?? '';
    const ref = attr(head, 'r');
    const at = ref ? columnIndex(ref) : out.length;
    const type = attr(head, 't') ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let text = '';
    if (type === 's') text = shared[Number(v)] ?? '';
    else if (type === 'inlineStr') text = textOf(body);
    else if (type === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
    else if (v !== undefined) {
      const raw = unescapeXml(v);
      const style = Number(attr(head, 's') ?? 0);
      text = type === 'n' && dates[style] && raw !== '' ? excelDate(Number(raw)) : raw;
    }
    while (out.length < at) out.push('');
    out[at] = text;
  }
  return out;
}

/**
 * Reads a sheet of an XLSX file as batches of rows, the first starting with the header row; `line` is the sheet's row
 * number. Empty rows are skipped; `bytes` counts the compressed bytes of the sheet read so far plus those before it.
 * @example for await (const { rows } of readXlsx('incidents.xlsx', { sheet: 'Лист1' })) for (const r of rows) console.log(r.line, r.fields);
 */
export async function* readXlsx(
  path: string,
  opts: { sheet?: string; chunk?: (bytes: Buffer) => void } = {},
): AsyncGenerator<{ rows: CsvRow[]; bytes: number }> {
  if (opts.chunk) for await (const b of createReadStream(path)) opts.chunk(b as Buffer);
  const { entries } = await directory(path);
  const target = sheetPath(
    await part(path, entries, 'xl/workbook.xml'),
    await part(path, entries, 'xl/_rels/workbook.xml.rels'),
    opts.sheet,
  );
  const shared = [...(await part(path, entries, 'xl/sharedStrings.xml')).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>/g)].map(
    (m) => textOf(m[1] ?? ''),
  );
  const dates = dateStyles(await part(path, entries, 'xl/styles.xml'));
  const e = entries.get(target);
  if (!e) throw new XlsxFormatError(`the workbook lacks its sheet part ${target}`);
  const start = await dataStart(path, e);
  const file = createReadStream(path, { start, end: start + e.packed - 1, highWaterMark: 1 << 16 });
  let packed = start;
  file.on('data', (b) => (packed += b.length));
  const stream = e.method === 8 ? file.pipe(createInflateRaw()) : file;
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let line = 0;
  let width = -1;
  for await (const chunk of stream) {
    text += decoder.decode(chunk as Buffer, { stream: true });
    const rows: CsvRow[] = [];
    let from = 0;
    for (;;) {
      let open = text.indexOf('<row', from);
      // not <rowBreaks> and the like
      while (open >= 0 && open + 4 < text.length && !/[\s>/]/.test(text[open + 4]!))
        open = text.indexOf('<row', open + 4);
      if (open < 0) {
        from = Math.max(from, text.length - 4); // nothing to keep but a tag's possible start
        break;
      }
      const gt = text.indexOf('>', open);
      if (gt < 0) break;
      const selfClosing = text[gt - 1] === '/';
      const close = selfClosing ? gt + 1 : text.indexOf('</row>', gt);
      if (close < 0) break;
      const end = selfClosing ? close : close + 6;
      const tag = text.slice(open, gt + 1);
      line = Number(attr(tag, 'r') ?? line + 1);
      const fields = selfClosing ? [] : rowCells(text.slice(gt + 1, close), shared, dates);
      if (fields.some((f) => f !== '')) {
        // Spreadsheets leave trailing empty cells out: a row shorter than the header is padded to it.
        if (width < 0) width = fields.length;
        while (fields.length < width) fields.push('');
        rows.push({ line, fields });
      }
      from = end;
    }
    text = text.slice(from);
    yield { rows, bytes: packed };
  }
}
