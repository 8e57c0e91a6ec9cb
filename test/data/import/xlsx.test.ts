// XLSX workbooks as Excel writes them (shared strings, rich text, date styles, omitted empty cells, several sheets)
// and as our own exporter writes them (inline strings), read row by row and imported with Cyrillic headers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/database.ts';
import { strToU8, zipSync } from 'fflate';
import { xlsx } from '../../../server/shared/xlsx.ts';
import { INCIDENTS } from '../../../data/import/record-kinds.ts';
import { importRecords } from '../../../data/import/records.ts';
import { columnIndex, dateStyles, excelDate, readXlsx, unescapeXml } from '../../../data/import/xlsx.ts';
import { dump, makeDb } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
let n = 0;
beforeEach(async () => {
  const path = join(dir, `db${++n}.duckdb`);
  await makeDb(path);
  db = await openDb(path);
});
afterEach(() => db.close());

/** Excel's serial day of a UTC-read local date-time. */
const serial = (y: number, mo: number, d: number, h: number, mi: number): number =>
  Date.UTC(y, mo - 1, d, h, mi) / 86_400_000 + 25_569;

const SHARED = ['Номер', 'Дата регистрации', 'Долгота', 'Широта', 'Вид преступления', 'Статус', 'раскрыто', 'К-1'];

/** A workbook the way Excel writes one: sheet "Происшествия" first, then "Прочее". */
function excelLike(): Uint8Array {
  const s = (i: number): string => `<c t="s"><v>${i}</v></c>`;
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G4"/><sheetData>
<row r="1" spans="1:6">${[0, 1, 2, 3, 4, 5].map((i) => s(i).replace('<c ', `<c r="${'ABCDEF'[i]}1" `)).join('')}</row>
<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" s="1"><v>${serial(2024, 3, 5, 14, 30)}</v></c><c r="C2"><v>69.205</v></c><c r="D2"><v>41.305</v></c><c r="E2" t="inlineStr"><is><t>Кра</t></is></c><c r="F2" t="s"><v>6</v></c></row>
<row r="3"/>
<row r="5"><c r="A5" t="inlineStr"><is><r><t>К-</t></r><r><t xml:space="preserve">2</t></r></is></c><c r="B5" s="2"><v>${serial(2024, 3, 6, 9, 5)}</v></c><c r="C5"><v>69.215</v></c><c r="D5"><v>41.305</v></c><c r="E5" t="str"><v>мошенничество</v></c><c r="F5" t="s"><v>6</v></c></row>
</sheetData><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>`.replace(
    '<is><t>Кра</t></is>',
    '<is><t>Кра&#1078;а</t></is>',
  );
  const sheet2 = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`;
  const files: Array<[string, string]> = [
    [
      'xl/workbook.xml',
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Происшествия" sheetId="1" r:id="rId2"/><sheet name="Прочее" sheetId="2" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
    ],
    ['xl/worksheets/sheet2.xml', sheet2],
    ['xl/worksheets/sheet1.xml', sheet1],
    [
      'xl/styles.xml',
      `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    ],
    [
      'xl/sharedStrings.xml',
      `<sst count="8">${SHARED.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`.replace(
        '<si><t>К-1</t></si>',
        '<si><r><t>К-</t></r><r><t>1</t></r><rPh><t>ignored</t></rPh></si>',
      ),
    ],
  ];
  return zipSync(Object.fromEntries(files.map(([p, t]) => [p, strToU8(t)])));
}

async function rowsOf(path: string, sheet?: string): Promise<Array<{ line: number; fields: string[] }>> {
  const out: Array<{ line: number; fields: string[] }> = [];
  for await (const { rows } of readXlsx(path, { sheet })) out.push(...rows);
  return out;
}

describe('readXlsx', () => {
  it('reads the first sheet: shared and inline strings, rich text, date styles, entities, empty rows skipped', async () => {
    const f = join(dir, 'excel.xlsx');
    writeFileSync(f, excelLike());
    expect(await rowsOf(f)).toEqual([
      { line: 1, fields: SHARED.slice(0, 6) },
      { line: 2, fields: ['К-1', '2024-03-05 14:30:00', '69.205', '41.305', 'Кража', 'раскрыто'] },
      { line: 5, fields: ['К-2', '2024-03-06 09:05:00', '69.215', '41.305', 'мошенничество', 'раскрыто'] },
    ]);
    expect(await rowsOf(f, 'Прочее')).toEqual([{ line: 1, fields: ['x'] }]);
    await expect(rowsOf(f, 'Лист1')).rejects.toThrow(
      'the workbook has no sheet "Лист1" (its sheets: Происшествия, Прочее)',
    );
  });

  it('pads rows that leave trailing cells out, and refuses a file that is not a workbook', async () => {
    const f = join(dir, 'ours.xlsx');
    writeFileSync(
      f,
      xlsx([
        {
          name: 'Лист1',
          header: ['a', 'b', 'c'],
          rows: [
            ['1', null, null],
            ['2', 'x', 3],
          ],
        },
      ]),
    );
    expect((await rowsOf(f)).map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', 'x', '3'],
    ]);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'id,date\n');
    await expect(rowsOf(bad)).rejects.toThrow('the file is not an XLSX workbook (no ZIP directory): save it as .xlsx');
  });

  it('has golden helpers: columns, entities, date serials and date formats', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AB12')]).toEqual([0, 25, 27]);
    expect(unescapeXml('a &amp; &#1041;&#x411; &lt;b&gt; &quot;&apos;')).toBe('a & ББ <b> "\'');
    expect(excelDate(45356.5)).toBe('2024-03-05 12:00:00');
    expect(excelDate(61)).toBe('1900-03-01 00:00:00');
    expect(
      dateStyles(
        '<numFmts><numFmt numFmtId="164" formatCode="0.00&quot;м&quot;"/><numFmt numFmtId="165" formatCode="[$-419]d mmm yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs>',
      ),
    ).toEqual([false, true, false, true, false]);
  });
});

describe('importing XLSX', () => {
  it('imports a workbook with Russian Cyrillic headers and labels, all or nothing', async () => {
    const f = join(dir, `${n}.xlsx`);
    writeFileSync(f, excelLike());
    const r = await importRecords(db, { kind: INCIDENTS, file: f });
    expect(r).toMatchObject({ committed: true, rowsRead: 2, added: 2, problems: [] });
    expect(
      await db.all(
        'SELECT source_id, ts::VARCHAR AS ts, mahalla_id, category::VARCHAR AS c FROM incidents ORDER BY source_id',
      ),
    ).toEqual([
      { source_id: 'К-1', ts: '2024-03-05 14:30:00', mahalla_id: 1, c: 'property' },
      { source_id: 'К-2', ts: '2024-03-06 09:05:00', mahalla_id: 2, c: 'fraud' },
    ]);
    const again = await importRecords(db, { kind: INCIDENTS, file: f });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });

    const before = await dump(db);
    const g = join(dir, `${n}-bad.xlsx`);
    writeFileSync(
      g,
      xlsx([
        {
          name: 'Лист1',
          header: ['Номер', 'Дата', 'Долгота', 'Широта', 'Вид', 'Статус'],
          rows: [
            ['К-3', '2024-03-07 10:00', 69.205, 41.305, 'кража', 'раскрыто'],
            ['К-4', '2024-03-07 10:00', 69.205, 91, 'кража', 'раскрыто'],
          ],
        },
      ]),
    );
    const refused = await importRecords(db, { kind: INCIDENTS, file: g });
    expect(refused.committed).toBe(false);
    expect(refused.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [3, 'lat', '91', 'is outside ±90 degrees'],
    ]);
    expect(await dump(db)).toBe(before);
  });
});
