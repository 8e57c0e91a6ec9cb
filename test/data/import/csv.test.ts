// Reading CSV exports: encodings and delimiters detected, RFC 4180 quoting, any chunking, format errors named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CsvParser,
  detectDelimiter,
  detectEncoding,
  readCsv,
  type CsvFormat,
  type CsvRow,
} from '../../../data/import/csv.ts';
import { writeText } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string): Promise<{ rows: CsvRow[]; format: CsvFormat | undefined }> {
  let format: CsvFormat | undefined;
  const rows: CsvRow[] = [];
  for await (const chunk of readCsv(path, { format: (f) => (format = f) })) rows.push(...chunk.rows);
  return { rows, format };
}

function parse(text: string, delimiter = ','): CsvRow[] {
  const out: CsvRow[] = [];
  const p = new CsvParser(delimiter);
  p.feed(text, out);
  p.end(out);
  return out;
}

describe('encoding and delimiter detection', () => {
  it('reads a BOM as UTF-8, valid UTF-8 as UTF-8, anything else as Windows-1251', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from('Дата;Вид', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from([0xc4, 0xe0, 0xf2, 0xe0]))).toEqual({ encoding: 'windows-1251', bom: false });
    // a two-byte UTF-8 letter cut at the end of the sample is still UTF-8
    expect(detectEncoding(Buffer.from('Да', 'utf8').subarray(0, 3))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('picks the delimiter that occurs most outside quotes', () => {
    expect(detectDelimiter('id,date,lon')).toBe(',');
    expect(detectDelimiter('id;"a,b,c";lon')).toBe(';');
    expect(detectDelimiter('id\tdate\t"x;y"')).toBe('\t');
    expect(detectDelimiter('id')).toBe(',');
  });
});

describe('RFC 4180 parsing', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and a missing last break', () => {
    const rows = parse('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\nlast,"q"');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['last', 'q'] },
    ]);
  });

  it('gives the same rows however the text is cut into pieces', () => {
    const text = 'id;name\r\n1;"a;""b"""\r\n2;"multi\r\nline"\r\n3;plain\n';
    const whole = parse(text, ';');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }), (cuts) => {
        const p = new CsvParser(';');
        const out: CsvRow[] = [];
        let from = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          p.feed(text.slice(from, c), out);
          from = c;
        }
        p.feed(text.slice(from), out);
        p.end(out);
        expect(out).toEqual(whole);
      }),
    );
  });

  it('refuses a quoted field that is never closed, naming its line', () => {
    expect(() => parse('a,b\n1,"open\n2,3')).toThrow('line 2: a quoted field is never closed (missing ")');
  });
});

describe('reading files', () => {
  it('reads UTF-8 with a BOM and commas (the BOM is not part of the first header)', async () => {
    const f = join(dir, 'bom.csv');
    writeText(f, 'id,date\n1,2024-01-01\n', 'bom');
    const { rows, format } = await readAll(f);
    expect(format).toEqual({ encoding: 'utf-8', bom: true, delimiter: ',' });
    expect(rows[0]?.fields).toEqual(['id', 'date']);
  });

  it('reads Windows-1251 with semicolons and Cyrillic headers', async () => {
    const f = join(dir, 'cp1251.csv');
    writeText(f, 'Номер;Дата;Вид\r\n№ 5;01.02.2024;Кража\r\n', 'windows-1251');
    const { rows, format } = await readAll(f);
    expect(format).toEqual({ encoding: 'windows-1251', bom: false, delimiter: ';' });
    expect(rows).toEqual([
      { line: 1, fields: ['Номер', 'Дата', 'Вид'] },
      { line: 2, fields: ['№ 5', '01.02.2024', 'Кража'] },
    ]);
  });

  it('reads tabs, and files larger than one read chunk, row by row', async () => {
    const f = join(dir, 'tab.csv');
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i}\tsana ${i}\tMFY "Bog‘ishamol"`);
    writeText(f, `raqam\tsana\tmahalla\n${lines.join('\n')}\n`);
    const { rows, format } = await readAll(f);
    expect(format?.delimiter).toBe('\t');
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual({ line: 20_001, fields: ['19999', 'sana 19999', 'MFY "Bog‘ishamol"'] });
  });

  it('names a file that starts as UTF-8 and later is not', async () => {
    const f = join(dir, 'mixed.csv');
    writeFileSync(f, Buffer.concat([Buffer.from('id\n' + 'x\n'.repeat(40_000)), Buffer.from([0xc4, 0xe0, 0x0a])]));
    await expect(readAll(f)).rejects.toThrow(
      'the file starts as UTF-8 but is not valid UTF-8 before byte 80006: save it again as UTF-8 or Windows-1251',
    );
  });

  it('refuses an empty file', async () => {
    const f = join(dir, 'empty.csv');
    writeFileSync(f, '');
    await expect(readAll(f)).rejects.toThrow('the file is empty');
  });
});
