// The XLSX writer of the annex (server/services/xlsx.ts), read back by an independent reader of ZIP and SpreadsheetML
// (territories-xlsx-reader.ts): cells come back as written, text escaped, characters XML forbids dropped, and the same
// tables always give the same bytes.
import { describe, expect, it } from 'vitest';
import { column, xlsx, zip } from '../../../server/services/xlsx.ts';
import { readXlsx, unzip } from './territories-xlsx-reader.ts';

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (k, letters) => {
    expect(column(k)).toBe(letters);
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
      ],
    },
    { name: '', header: ['x'], rows: [] },
  ]);

  it('reads back every cell as written, numbers as numbers and empty cells empty', () => {
    const sheets = readXlsx(book);
    expect([...sheets.keys()]).toEqual(['Annex  1 2', 'Sheet2']);
    expect(sheets.get('Annex  1 2')).toEqual([
      ['mahalla', 'residents', 'note'],
      // A trailing empty cell is not written at all.
      ['Bog‘bon & <Chinor> "A"', 1000],
      ['Olmazor', 23.154, 'tab\tandbell'],
      [null, -3, 'Ўзбекча'],
    ]);
    expect(sheets.get('Sheet2')).toEqual([['x']]);
  });

  it('is a ZIP whose every part checks out, and the same tables give the same bytes', () => {
    expect([...unzip(book).keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(
      xlsx([{ name: 'a', header: ['b'], rows: [[1]] }]).equals(xlsx([{ name: 'a', header: ['b'], rows: [[1]] }])),
    ).toBe(true);
  });

  it('stores UTF-8 names and contents of any ZIP entry', () => {
    const files = unzip(
      zip([
        ['ўзбек.txt', Buffer.from('салом')],
        ['empty', Buffer.alloc(0)],
      ]),
    );
    expect([...files].map(([k, v]) => [k, v.toString('utf8')])).toEqual([
      ['ўзбек.txt', 'салом'],
      ['empty', ''],
    ]);
  });
});
