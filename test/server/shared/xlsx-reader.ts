// Reads back what server/shared/xlsx.ts writes, the way a spreadsheet program would: the ZIP's central directory
// (not the writer's own bookkeeping), each part inflated and its CRC-32 checked, then the sheets' cells from their XML.
// Written from the ZIP and SpreadsheetML specifications, sharing no code with the writer.
import { crc32, inflateRawSync } from 'node:zlib';

/** The files of a ZIP archive by path; throws on a bad signature or checksum. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const entries = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let k = 0; k < entries; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${k}`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`bad size or checksum of ${name}`);
    out.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Column letters to a 0-based index: A → 0, AB → 27. */
const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The sheets of an .xlsx workbook by name, each as rows of cells (numbers as numbers, empty cells null). */
export function readXlsx(buf: Uint8Array): Map<string, Array<Array<string | number | null>>> {
  const files = unzip(buf);
  const text = (path: string): string => {
    const f = files.get(path);
    if (!f) throw new Error(`no ${path} in the workbook`);
    return f.toString('utf8');
  };
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const sheets = new Map<string, Array<Array<string | number | null>>>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const xml = text(`xl/${rels.get(m[2] ?? '') ?? ''}`);
    const rows: Array<Array<string | number | null>> = [];
    for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
      const cells: Array<string | number | null> = [];
      for (const c of (row[2] ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g)) {
        const k = columnIndex(c[1] ?? 'A');
        while (cells.length < k) cells.push(null);
        const body = c[3] ?? '';
        cells[k] = / t="inlineStr"/.test(c[2] ?? '')
          ? unescape(/<t[^>]*>(.*?)<\/t>/s.exec(body)?.[1] ?? '')
          : Number(/<v>(.*?)<\/v>/.exec(body)?.[1]);
      }
      rows[Number(row[1]) - 1] = cells;
    }
    sheets.set(unescape(m[1] ?? ''), rows);
  }
  return sheets;
}
