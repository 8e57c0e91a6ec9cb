// The one XLSX writer (server/shared/xlsx.ts), of the territory annex and of the table downloads alike, read back by an
// independent reader of ZIP and SpreadsheetML (xlsx-reader.ts): cells come back as written, text escaped, characters
// XML forbids dropped; every part the package holds is named with its content type and reached by a relationship; the
// header is bold and frozen, columns about as wide as their text; the same tables always give the same bytes.
import { describe, expect, it } from 'vitest';
import { columnName, sheetName, xlsx } from '../../../server/shared/xlsx.ts';
import { readXlsx, unzip } from './xlsx-reader.ts';

describe('columnName', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (k, letters) => {
    expect(columnName(k)).toBe(letters);
  });
});

describe('sheetName', () => {
  it('turns the characters Excel refuses into spaces, keeps 31 characters and names an empty one by its place', () => {
    expect(sheetName('Annex: 1/2')).toBe('Annex  1 2');
    expect(sheetName('[a]*?\\b')).toBe('a    b');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('  ')).toBe('Sheet1');
    expect(sheetName('', 2)).toBe('Sheet3');
  });
});

describe('xlsx', () => {
  const book = xlsx([
    {
      name: 'Annex: 1/2',
      header: ['mahalla', 'residents', 'note'],
      rows: [
        ['Bog‘bon & <Chinor> "A"', 1000, null],
        ['Olmazor', 23.154, 'tab\tand\u0007bell'],
        [null, -3, 'Ўзбекча'],
        ['', Number.NaN, Number.POSITIVE_INFINITY],
      ],
    },
    { name: '', header: ['x'], rows: [] },
  ]);
  const files = unzip(book);
  const part = (path: string): string => files.get(path)?.toString('utf8') ?? '';

  it('reads back every cell as written, numbers as numbers and empty cells empty', () => {
    const sheets = readXlsx(book);
    expect([...sheets.keys()]).toEqual(['Annex  1 2', 'Sheet2']);
    expect(sheets.get('Annex  1 2')).toEqual([
      ['mahalla', 'residents', 'note'],
      // A trailing empty cell is not written at all.
      ['Bog‘bon & <Chinor> "A"', 1000],
      ['Olmazor', 23.154, 'tab\tandbell'],
      [null, -3, 'Ўзбекча'],
      // An empty string is an empty cell; a number no cell can hold is written as the text it prints as.
      [null, 'NaN', 'Infinity'],
    ]);
    expect(sheets.get('Sheet2')).toEqual([['x']]);
  });

  it('holds the parts of a SpreadsheetML package, each named with its content type and reached by a relationship', () => {
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const overrides = [...part('[Content_Types].xml').matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    expect(overrides.sort()).toEqual([
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(part('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    const rels = new Map(
      [...part('xl/_rels/workbook.xml.rels').matchAll(/Id="(rId\d+)" Type="[^"]+\/(\w+)" Target="([^"]+)"/g)].map(
        (m) => [m[1], [m[2], m[3]]],
      ),
    );
    expect([...rels]).toEqual([
      ['rId1', ['worksheet', 'worksheets/sheet1.xml']],
      ['rId2', ['worksheet', 'worksheets/sheet2.xml']],
      ['rId3', ['styles', 'styles.xml']],
    ]);
    const sheetIds = [...part('xl/workbook.xml').matchAll(/<sheet name="[^"]*" sheetId="(\d+)" r:id="(rId\d+)"\/>/g)];
    expect(sheetIds.map((m) => [m[1], m[2]])).toEqual([
      ['1', 'rId1'],
      ['2', 'rId2'],
    ]);
    // Style 1, the header's, is the bold font.
    expect(part('xl/styles.xml')).toContain('<font><b/>');
    expect(part('xl/styles.xml')).toContain(
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    );
  });

  it('writes the header bold and frozen, and each column about as wide as its text, 8 to 60 characters', () => {
    const sheet = part('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain(
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">mahalla</t></is></c>',
    );
    expect(sheet).toContain('<row r="2"><c r="A2" t="inlineStr">');
    // 'Bog‘bon & <Chinor> "A"' is 22 characters, 'Infinity' (8) and 'residents' (9) are narrower than the minimum.
    expect(sheet).toContain(
      '<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="11" customWidth="1"/>' +
        '<col min="3" max="3" width="14" customWidth="1"/></cols>',
    );
    const wide = unzip(xlsx([{ name: 's', header: ['a'], rows: [['w'.repeat(100)]] }]));
    expect(wide.get('xl/worksheets/sheet1.xml')?.toString('utf8')).toContain('width="60"');
  });

  it('cuts a text at Excel’s limit of 32,767 characters', () => {
    const sheets = readXlsx(xlsx([{ name: 's', header: ['a'], rows: [['ў'.repeat(40_000)]] }]));
    expect(sheets.get('s')?.[1]?.[0]).toBe('ў'.repeat(32_767));
  });

  it('gives the same bytes for the same tables, every entry dated 1980-01-01 00:00', () => {
    const again = xlsx([
      { name: 'a', header: ['b'], rows: [[1]] },
      { name: 'c', header: ['d'], rows: [['e']] },
    ]);
    expect(
      Buffer.from(again).equals(
        Buffer.from(
          xlsx([
            { name: 'a', header: ['b'], rows: [[1]] },
            { name: 'c', header: ['d'], rows: [['e']] },
          ]),
        ),
      ),
    ).toBe(true);
    // The first local header: the DOS time (0) and date (year 0 from 1980, month 1, day 1).
    const head = Buffer.from(again);
    expect([head.readUInt32LE(0), head.readUInt16LE(10), head.readUInt16LE(12)]).toEqual([
      0x04034b50,
      0,
      (0 << 9) | (1 << 5) | 1,
    ]);
  });
});
