// Importing incidents and applications from CSV into a real (tiny) database: headers in three languages, every row
// rule with its exact message, all or nothing, --keep-good, idempotence by source id, updates, dry runs, mappings.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/database.ts';
import { getMeta } from '../../../server/services/meta.ts';
import { APPLICATIONS, INCIDENTS } from '../../../data/import/record-kinds.ts';
import { importRecords, type RecordImportOptions } from '../../../data/import/records.ts';
import { dump, makeDb, writeText } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
let n = 0;
beforeEach(async () => {
  const path = join(dir, `db${++n}.duckdb`);
  await makeDb(path);
  db = await openDb(path);
});
afterEach(() => db.close());

const HEADER = 'id,date,lon,lat,category,status';
function file(name: string, text: string, enc: 'utf-8' | 'bom' | 'windows-1251' = 'utf-8'): string {
  const f = join(dir, `${n}-${name}`);
  writeText(f, text, enc);
  return f;
}
const run = (f: string, o: Partial<RecordImportOptions> = {}) => importRecords(db, { kind: INCIDENTS, file: f, ...o });
const incidents = () =>
  db.all<{ source_id: string; mahalla_id: number; category: string; status: string; ts: string }>(
    'SELECT source_id, mahalla_id, category::VARCHAR AS category, status::VARCHAR AS status, ts::VARCHAR AS ts FROM incidents ORDER BY id',
  );

describe('files departments export', () => {
  it('imports UTF-8 with BOM and English headers, places points in mahallas and replaces the demo records', async () => {
    const f = file('a.csv', `${HEADER}\nA1,2024-03-05 14:30,69.205,41.305,fraud,solved\n`, 'bom');
    const r = await run(f);
    expect(r).toMatchObject({ committed: true, rowsRead: 1, added: 1, updated: 0, unchanged: 0, removedDemo: 2 });
    expect(await incidents()).toEqual([
      { source_id: 'A1', mahalla_id: 1, category: 'fraud', status: 'solved', ts: '2024-03-05 14:30:00' },
    ]);
    expect(await db.all('SELECT month::VARCHAR AS m, n FROM incident_months')).toEqual([{ m: '2024-03-01', n: 1 }]);
  });

  it('imports Windows-1251 with semicolons, Russian headers and labels, day-first dates and decimal commas', async () => {
    const text =
      'Номер;Дата регистрации;Долгота;Широта;Вид преступления;Статус;Примечание\r\n' +
      'К-1;05.03.2024 9:05;69,215;41,305;Кража;раскрыто;нет\r\n';
    const r = await run(file('ru.csv', text, 'windows-1251'));
    expect(r.format).toEqual({ encoding: 'windows-1251', bom: false, delimiter: ';' });
    expect(r.ignoredColumns).toEqual(['Примечание']);
    expect(await incidents()).toEqual([
      { source_id: 'К-1', mahalla_id: 2, category: 'property', status: 'solved', ts: '2024-03-05 09:05:00' },
    ]);
  });

  it('imports tab-separated Uzbek Latin and Cyrillic headers, any apostrophe in labels', async () => {
    const text =
      'raqam\tsana\tuzunlik\tkenglik\ttoifa\tҳолат\nU-7\t2024-02-01\t69.201\t41.309\tO‘g‘irlik\tochilmagan\n';
    expect(await run(file('uz.csv', text))).toMatchObject({ problems: [], committed: true });
    expect(await incidents()).toEqual([
      { source_id: 'U-7', mahalla_id: 1, category: 'property', status: 'unsolved', ts: '2024-02-01 00:00:00' },
    ]);
  });

  it('imports applications with their optional service and resolution time', async () => {
    const f = file(
      'apps.csv',
      'id,received_at,lon,lat,applicant,channel,registry,received_by,service,status,resolved_at\n' +
        'Z1,2024-01-10 09:00,69.205,41.305,гражданин,phone,форма 2,inspector,,resolved,2024-01-12 10:00\n',
    );
    const r = await importRecords(db, { kind: APPLICATIONS, file: f });
    expect(r).toMatchObject({ committed: true, added: 1 });
    expect(
      await db.all(
        'SELECT source_id, registry::VARCHAR AS registry, service, resolved_at::VARCHAR AS r, mahalla_id FROM applications',
      ),
    ).toEqual([{ source_id: 'Z1', registry: 'form2', service: null, r: '2024-01-12 10:00:00', mahalla_id: 1 }]);
  });
});

describe('Parquet', () => {
  it('imports a Parquet file through the same checks, numbering records from row 2', async () => {
    const f = join(dir, `${n}-p.parquet`);
    await db.run(`COPY (SELECT * FROM (VALUES
        ('P1', TIMESTAMP '2024-03-05 14:30:00.5', 69.205, 41.305, 'Кража', 'solved'),
        ('P2', TIMESTAMP '2024-03-06 08:00:00', 69.215, 41.305, 'fraud', 'registered'))
        t(id, "Дата", lon, lat, "Вид", status)) TO '${f}' (FORMAT parquet)`);
    expect(await run(f)).toMatchObject({ committed: true, added: 2, problems: [] });
    expect((await incidents())[0]).toEqual({
      source_id: 'P1',
      mahalla_id: 1,
      category: 'property',
      status: 'solved',
      ts: '2024-03-05 14:30:00',
    });
    await db.run(`COPY (SELECT 'P3' AS id, '2024-03-07' AS "Дата", 69.205 AS lon, 95 AS lat, 'fraud' AS "Вид",
      'solved' AS status) TO '${f}' (FORMAT parquet)`);
    const r = await run(f);
    expect(r.problems).toEqual([
      {
        file: f,
        row: 2,
        column: 'lat',
        value: '95',
        reason: 'is outside ±90 degrees',
        code: 'outside_degrees',
        params: { limit: 90 },
      },
    ]);
  });
});

describe('row rules: each bad row is named with file, row, column, value and reason, and nothing is written', () => {
  const cases: Array<[string, string, string, string]> = [
    ['A1,,69.205,41.305,fraud,solved', 'ts', '', 'is empty'],
    [
      'A1,2024-02-30,69.205,41.305,fraud,solved',
      'ts',
      '2024-02-30',
      'is not a date-time (YYYY-MM-DD HH:MM[:SS] or DD.MM.YYYY HH:MM[:SS])',
    ],
    ['A1,2024-02-03,69.2x,41.305,fraud,solved', 'lon', '69.2x', 'is not a number'],
    ['A1,2024-02-03,69.205,91,fraud,solved', 'lat', '91', 'is outside ±90 degrees'],
    [
      'A1,2024-02-03,69.205,41.305,theft,solved',
      'category',
      'theft',
      "is not a known category: map it in the mapping file's values.category",
    ],
    ['A1,2024-02-03,69.205,41.305,fraud', 'row', '', 'has 5 fields, the header has 6'],
    ['A1,2024-02-03,69.5,41.305,fraud,solved', 'lon/lat', '69.5, 41.305', 'lies in no mahalla of the database'],
  ];
  it.each(cases)('%s', async (line, column, value, reason) => {
    const before = await dump(db);
    const f = file('bad.csv', `${HEADER}\nG1,2024-01-01,69.205,41.305,fraud,solved\n${line}\n`);
    const r = await run(f);
    expect(r.committed).toBe(false);
    expect(r.problems).toMatchObject([{ file: f, row: 3, column, value, reason }]);
    expect(await dump(db)).toBe(before);
    expect((JSON.parse(readFileSync(r.report, 'utf8')) as { problems: unknown }).problems).toEqual(r.problems);
  });

  it('refuses a source id repeated in one file, naming the first row', async () => {
    const r = await run(
      file('dup.csv', `${HEADER}\nD,2024-01-01,69.205,41.305,fraud,solved\nD,2024-01-02,69.205,41.305,drugs,solved\n`),
    );
    expect(r.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'source_id', value: 'D', reason: 'repeats the id of row 2' }),
    ]);
    expect(r.committed).toBe(false);
  });

  it('lists unmapped labels with their counts', async () => {
    const rows = ['theft', 'theft', 'robbery'].map((c, i) => `U${i},2024-01-01,69.205,41.305,${c},solved`);
    const r = await run(file('unmapped.csv', `${HEADER}\n${rows.join('\n')}\n`));
    expect(r.unmapped).toEqual({
      category: [
        { value: 'theft', rows: 2 },
        { value: 'robbery', rows: 1 },
      ],
    });
  });

  it('refuses a file that lacks a required column, listing the headers it has', async () => {
    await expect(run(file('nocol.csv', 'id,date,lon,lat,status\n'))).rejects.toThrow(
      'missing column: category. The file\'s headers are: id, date, lon, lat, status. Name them in a mapping file (--mapping), e.g. {"columns": {"ts": "Дата регистрации"}}',
    );
  });
});

describe('application rules across columns', () => {
  const head = 'id,received_at,lon,lat,applicant,channel,registry,received_by,service,status,resolved_at\n';
  it.each([
    ['resolved,', '', 'is empty, but the status is resolved'],
    ['open,2024-01-12 10:00', '2024-01-12 10:00', 'is given, but the status is open'],
    ['resolved,2024-01-09 10:00', '2024-01-09 10:00', 'is before received_at'],
  ])('%s', async (tail, value, reason) => {
    const f = file(
      'rule.csv',
      `${head}Z1,2024-01-10 09:00,69.205,41.305,citizen,phone,form1,inspector,patrol,${tail}\n`,
    );
    const r = await importRecords(db, { kind: APPLICATIONS, file: f });
    expect(r.problems).toMatchObject([{ file: f, row: 2, column: 'resolved_at', value, reason }]);
    expect(r.committed).toBe(false);
  });
});

describe('--keep-good', () => {
  it('imports the good rows and writes each bad one, with its reason, to the rejects CSV', async () => {
    const f = file(
      'keep.csv',
      `${HEADER}\nK1,2024-01-01,69.205,41.305,fraud,solved\nK2,2024-01-01,69.205,41.305,theft,solved\n`,
    );
    const r = await run(f, { keepGood: true });
    expect(r).toMatchObject({ committed: true, added: 1, rejected: 1 });
    expect((await incidents()).map((i) => i.source_id)).toEqual(['K1']);
    expect(readFileSync(r.rejects!, 'utf8')).toBe(
      'row,column,value,reason,id,date,lon,lat,category,status\n' +
        "3,category,theft,is not a known category: map it in the mapping file's values.category,K2,2024-01-01,69.205,41.305,theft,solved\n",
    );
  });
});

describe('idempotence by the source id', () => {
  it('importing the same file twice leaves the same database; a newer export updates and adds', async () => {
    const rows = 'S1,2024-01-01,69.205,41.305,fraud,registered\nS2,2024-01-02,69.215,41.305,drugs,registered\n';
    const f = file('s.csv', HEADER + '\n' + rows);
    await run(f);
    const once = await dump(db);
    const again = await run(f);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, removedDemo: 0 });
    expect(await dump(db)).toBe(once);
    const newer = file(
      's2.csv',
      `${HEADER}\nS1,2024-01-01,69.205,41.305,fraud,solved\nS2,2024-01-02,69.215,41.305,drugs,registered\nS3,2024-02-01,69.201,41.301,fraud,registered\n`,
    );
    expect(await run(newer)).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect((await incidents()).map((i) => `${i.source_id}:${i.status}`)).toEqual([
      'S1:solved',
      'S2:registered',
      'S3:registered',
    ]);
    const log = await db.all<{ file: string; added: number; updated: number; unchanged: number }>(
      'SELECT file, added, updated, unchanged FROM imports ORDER BY id',
    );
    expect(log).toEqual([
      { file: f, added: 2, updated: 0, unchanged: 0 },
      { file: f, added: 0, updated: 0, unchanged: 2 },
      { file: newer, added: 1, updated: 1, unchanged: 1 },
    ]);
    // /api/meta names the latest import of each kind by file name only, never its path on the server
    const [latest, ...more] = (await getMeta(db)).imports;
    expect(more).toEqual([]);
    expect(latest).toMatchObject({ kind: 'incidents', file: basename(newer), records: 3 });
    expect(latest?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(latest?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const before = await dump(db);
    const r = await run(file('dry.csv', `${HEADER}\nY1,2024-01-01,69.205,41.305,fraud,solved\n`), { dryRun: true });
    expect(r).toMatchObject({ committed: false, added: 1, removedDemo: 2 });
    expect(await dump(db)).toBe(before);
  });
});

describe('mapping files', () => {
  it('maps headers and labels the defaults do not know', async () => {
    const m = join(dir, 'm.json');
    writeFileSync(
      m,
      JSON.stringify({ columns: { ts: 'Vaqti', category: 'Modda' }, values: { category: { '168': 'fraud' } } }),
    );
    await run(file('mapped.csv', 'id,Vaqti,lon,lat,Modda,status\nM1,2024-01-01,69.205,41.305,168,solved\n'), {
      mapping: m,
    });
    expect((await incidents()).map((i) => i.category)).toEqual(['fraud']);
  });

  it('refuses a mapping to a code that does not exist, or to a column we do not have', async () => {
    const m = join(dir, 'bad.json');
    writeFileSync(m, JSON.stringify({ values: { category: { Кража: 'theft' } } }));
    const f = file('x.csv', `${HEADER}\n`);
    await expect(run(f, { mapping: m })).rejects.toThrow(
      `mapping file ${m}: values.category."Кража": "theft" is not one of person,`,
    );
    writeFileSync(m, JSON.stringify({ columns: { colour: 'Rang' } }));
    await expect(run(f, { mapping: m })).rejects.toThrow(`mapping file ${m}: "colour" is not a column of incidents`);
    expect(existsSync(m)).toBe(true);
  });
});
