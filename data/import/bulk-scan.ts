// One pass over a CSV export before the bulk path (bulk.ts) lets DuckDB read it: the checksum, the encoding and
// delimiter, the header, whether DuckDB may read it line for line (no quote, no blank line, no \x01), and for
// Windows-1251 a UTF-8 copy written while streaming. Only whole chunks are held, never the file.
import { createReadStream, createWriteStream } from 'node:fs';
import type { Hash } from 'node:crypto';
import { CsvParser, detectDelimiter, detectEncoding, type CsvFormat, type CsvRow } from './csv.ts';

export interface CsvScan {
  format: CsvFormat;
  /** the header row's fields, as the row-by-row reader gives them */
  header: string[];
  bytes: number;
  /** why DuckDB may not read the file line for line (then the row-by-row path reads it), or null */
  unfit: string | null;
  /** the file DuckDB reads: the export itself, or its UTF-8 copy (Windows-1251) */
  utf8Path: string;
}

const CHUNK = 1 << 20;
const QUOTE = 0x22;
/** The column separator DuckDB is told when it reads each line as one field (bulk.ts splits it itself). */
export const WHOLE_LINE = 0x01;

/**
 * Scans `path`, feeding every byte to `hash`; a Windows-1251 file is copied to `tmpUtf8` as UTF-8.
 * @example const s = await scanCsv('x.csv', createHash('sha256'), '/tmp/x.utf8.csv'); if (!s.unfit) …
 */
export async function scanCsv(
  path: string,
  hash: Hash,
  tmpUtf8: string,
  progress?: (bytes: number) => void,
): Promise<CsvScan> {
  let bytes = 0;
  let format: CsvFormat | undefined;
  let header: string[] | undefined;
  let unfit: string | null = null;
  let decoder: TextDecoder | undefined;
  let out: ReturnType<typeof createWriteStream> | undefined;
  let prev = 0; // the byte before this chunk (blank lines across chunks)
  let prev2 = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    hash.update(buf);
    if (!format) {
      const enc = detectEncoding(buf.subarray(0, 1 << 16));
      const text = new TextDecoder(enc.encoding).decode(buf.subarray(0, 1 << 16));
      const nl = text.search(/[\r\n]/);
      const first = nl < 0 ? text : text.slice(0, nl);
      format = { ...enc, delimiter: detectDelimiter(first) };
      const rows: CsvRow[] = [];
      new CsvParser(format.delimiter).feed(first + '\n', rows);
      header = rows[0]?.fields ?? [];
      if (nl < 0) unfit = 'the header does not end within the first 64 KiB';
      if (enc.encoding === 'windows-1251') {
        decoder = new TextDecoder('windows-1251');
        out = createWriteStream(tmpUtf8);
      }
    }
    if (unfit === null) unfit = unfitIn(buf, prev, prev2);
    if (buf.length >= 2) [prev2, prev] = [buf[buf.length - 2]!, buf[buf.length - 1]!];
    else [prev2, prev] = [prev, buf[0] ?? prev];
    const sink = out;
    if (sink && decoder && !sink.write(decoder.decode(buf, { stream: true })))
      await new Promise<void>((r) => sink.once('drain', () => r()));
    progress?.(bytes);
  }
  if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (!format || !header) return { format: FALLBACK, header: [], bytes, unfit: 'the file is empty', utf8Path: path };
  return { format, header, bytes, unfit, utf8Path: out ? tmpUtf8 : path };
}

const FALLBACK: CsvFormat = { encoding: 'utf-8', bom: false, delimiter: ',' };

/**
 * Why a chunk cannot be read line for line: a quote (a quoted field may hold a delimiter or a line break, and the
 * row reader's line numbers count those), a blank line (skipped by the row reader, so DuckDB's numbering would drift),
 * a lone CR line end, or the separator byte bulk.ts uses.
 */
function unfitIn(buf: Buffer, prev: number, prev2: number): string | null {
  if (buf.indexOf(QUOTE) >= 0) return 'it has quoted fields';
  if (buf.indexOf(WHOLE_LINE) >= 0) return 'it has a control character \\x01';
  if (buf.indexOf('\n\n') >= 0 || buf.indexOf('\n\r\n') >= 0 || buf.indexOf('\r\r') >= 0) return 'it has blank lines';
  const first = buf[0];
  if (prev === 0x0a && (first === 0x0a || (first === 0x0d && buf[1] === 0x0a))) return 'it has blank lines';
  if (prev2 === 0x0a && prev === 0x0d && first === 0x0a) return 'it has blank lines';
  // A CR not followed by LF ends a line for the row reader; DuckDB is only trusted with LF or CRLF.
  for (let i = buf.indexOf(0x0d); i >= 0; i = buf.indexOf(0x0d, i + 1))
    if (i + 1 < buf.length && buf[i + 1] !== 0x0a) return 'it has lines ended by CR alone';
  return null;
}
