// Streams a CSV export row by row: encoding (UTF-8 with or without BOM, else Windows-1251) and delimiter (comma,
// semicolon, tab) detected, quoted fields per RFC 4180; the file is read in chunks, never held whole in memory.
import { createReadStream } from 'node:fs';

/** One parsed record: its 1-based line number in the file (the header is line 1) and its fields. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** What was detected from the start of the file. */
export interface CsvFormat {
  encoding: 'utf-8' | 'windows-1251';
  bom: boolean;
  delimiter: ',' | ';' | '\t';
}

/** A file that cannot be read as CSV at all (row-level problems are reported by the importer instead). */
export class CsvFormatError extends Error {}

const SNIFF_BYTES = 1 << 16;

/**
 * The encoding of a file from its first bytes: a UTF-8 BOM, else UTF-8 if the sample decodes as UTF-8 (a multi-byte
 * sequence cut at the sample's end is allowed), else Windows-1251 (every byte sequence is valid in it).
 * @example detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])) // { encoding: 'utf-8', bom: true }
 * @example detectEncoding(Buffer.from([0xc4, 0xe0])) // { encoding: 'windows-1251', bom: false } ("Да")
 */
export function detectEncoding(sample: Uint8Array): Pick<CsvFormat, 'encoding' | 'bom'> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1251', bom: false };
  }
}

/**
 * The delimiter of a header line: whichever of tab, semicolon and comma occurs most outside quotes (comma on a tie or
 * when none occurs, i.e. a one-column file).
 * @example detectDelimiter('id;дата;"a,b"') // ';'
 */
export function detectDelimiter(header: string): CsvFormat['delimiter'] {
  const counts = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** Incremental RFC 4180 parser: feed decoded text in any pieces, get complete records back. */
export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Just saw a quote inside a quoted field: either the closing quote or the first of a doubled one. */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private lastWasCr = false;

  constructor(private readonly delimiter: string) {}

  /** Parses `text`, pushing each finished record to `out` (blank lines are skipped). */
  feed(text: string, out: CsvRow[]): void {
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // the quote closed the field: fall through to the unquoted handling of ch
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (ch === '\n' || ch === '\r') this.line++;
          this.lastWasCr = ch === '\r';
          this.field += ch;
          continue;
        }
      }
      if (ch === d) {
        this.fields.push(this.field);
        this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.lastWasCr = ch === '\r';
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else if (ch === '"' && this.field === '') {
        this.quoted = true;
      } else {
        this.field += ch;
      }
    }
  }

  /** Ends the input: the last record may lack a line break; an unclosed quote is a format error. */
  end(out: CsvRow[]): void {
    if (this.quoted && !this.quoteSeen)
      throw new CsvFormatError(`line ${this.recordLine}: a quoted field is never closed (missing ")`);
    this.quoted = false;
    this.quoteSeen = false;
    this.endRecord(out);
  }

  private endRecord(out: CsvRow[]): void {
    this.fields.push(this.field);
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
  }
}

/**
 * Reads a CSV file as batches of rows; the first batch starts with the header row. Memory stays at one chunk of the
 * file plus one batch of rows, whatever the file's size.
 * @example for await (const { rows } of readCsv('incidents.csv', { format: console.log })) for (const r of rows) console.log(r.line, r.fields);
 */
export async function* readCsv(
  path: string,
  on: { format?: (f: CsvFormat) => void; chunk?: (bytes: Buffer) => void } = {},
): AsyncGenerator<{ rows: CsvRow[]; bytes: number }> {
  let decoder: TextDecoder | undefined;
  let parser: CsvParser | undefined;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: SNIFF_BYTES })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    on.chunk?.(buf);
    let text: string;
    if (!decoder) {
      const enc = detectEncoding(buf);
      decoder = new TextDecoder(enc.encoding, { fatal: enc.encoding === 'utf-8', ignoreBOM: false });
      text = decodeOrThrow(decoder, buf, bytes);
      const nl = text.search(/[\r\n]/);
      const delimiter = detectDelimiter(nl < 0 ? text : text.slice(0, nl));
      on.format?.({ ...enc, delimiter });
      parser = new CsvParser(delimiter);
    } else text = decodeOrThrow(decoder, buf, bytes);
    const rows: CsvRow[] = [];
    parser!.feed(text, rows);
    yield { rows, bytes };
  }
  if (!parser || !decoder) throw new CsvFormatError('the file is empty');
  const rows: CsvRow[] = [];
  parser.feed(decodeOrThrow(decoder, undefined, bytes), rows);
  parser.end(rows);
  yield { rows, bytes };
}

function decodeOrThrow(decoder: TextDecoder, buf: Buffer | undefined, bytes: number): string {
  try {
    return buf ? decoder.decode(buf, { stream: true }) : decoder.decode();
  } catch {
    throw new CsvFormatError(
      `the file starts as UTF-8 but is not valid UTF-8 before byte ${bytes}: save it again as UTF-8 or Windows-1251`,
    );
  }
}
