// Records placed by a point or by a mahalla code only (no point: lon, lat and h3 NULL), the rules that pair them,
// the schema upgrade of a database that still demands a point, and the geocoding quality report of an import.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/database.ts';
import { crsFromCode, fromWgs84 } from '../../../data/import/crs.ts';
import { INCIDENTS } from '../../../data/import/record-kinds.ts';
import { importRecords, type RecordImportOptions } from '../../../data/import/records.ts';
import { dump, makeDb, writeText } from './fixture.ts';
import { SCHEMA_VERSION } from '../../../data/schema-version.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-locations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
let n = 0;
beforeEach(async () => {
  const path = join(dir, `db${++n}.duckdb`);
  await makeDb(path);
  db = await openDb(path);
});
afterEach(() => db.close());

function file(name: string, text: string): string {
  const f = join(dir, `${n}-${name}`);
  writeText(f, text);
  return f;
}
const run = (f: string, o: Partial<RecordImportOptions> = {}) =>
  importRecords(db, { kind: INCIDENTS, file: f, since: '2024-01-01', today: '2024-06-30', ...o });

describe('records with only a mahalla code', () => {
  it('count for their mahalla with no point, beside records with one', async () => {
    const f = file(
      'codes.csv',
      'id,date,lon,lat,mahalla code,category,status\n' +
        'C1,2024-03-01 10:00,,,1726287002,fraud,solved\n' +
        'C2,2024-03-02 10:00,69.201,41.301,1726287001,drugs,registered\n' +
        'C3,2024-03-03 10:00,69.202,41.302,,drugs,registered\n',
    );
    const r = await run(f);
    expect(r).toMatchObject({ committed: true, added: 3, problems: [] });
    expect(r.quality?.withoutPoint).toBe(1);
    expect(
      await db.all('SELECT source_id, lon, lat, h3 IS NULL AS no_cell, mahalla_id FROM incidents ORDER BY source_id'),
    ).toEqual([
      { source_id: 'C1', lon: null, lat: null, no_cell: true, mahalla_id: 2 },
      { source_id: 'C2', lon: 69.201, lat: 41.301, no_cell: false, mahalla_id: 1 },
      { source_id: 'C3', lon: 69.202, lat: 41.302, no_cell: false, mahalla_id: 1 },
    ]);
    expect(await db.all('SELECT mahalla_id, n FROM incident_months ORDER BY ALL')).toEqual([
      { mahalla_id: 1, n: 2 },
      { mahalla_id: 2, n: 1 },
    ]);
  });

  it('read the code from Uzbek and Russian headers with no coordinate columns at all', async () => {
    const f = file('uz.csv', 'raqam;sana;MFY kodi;toifa;holat\nU1;01.03.2024;1726287001;firibgarlik;ochilgan\n');
    expect(await run(f)).toMatchObject({ committed: true, added: 1 });
    const g = file('ru.csv', 'Номер;Дата;Код махалли;Вид;Статус\nR1;01.03.2024;1726287002;Кража;раскрыто\n');
    expect(await run(g)).toMatchObject({ committed: true, added: 1 });
    expect(await db.all('SELECT source_id, mahalla_id, lon FROM incidents ORDER BY source_id')).toEqual([
      { source_id: 'R1', mahalla_id: 2, lon: null },
      { source_id: 'U1', mahalla_id: 1, lon: null },
    ]);
  });

  it('refuses a half point, no place at all, an unknown code and a code the point contradicts, with exact messages', async () => {
    const before = await dump(db);
    const f = file(
      'bad.csv',
      'id,date,lon,lat,mahalla,category,status\n' +
        'B1,2024-03-01,69.201,,,fraud,solved\n' +
        'B2,2024-03-01,,41.301,1726287001,fraud,solved\n' +
        'B3,2024-03-01,,,,fraud,solved\n' +
        'B4,2024-03-01,,,999,fraud,solved\n' +
        'B5,2024-03-01,69.201,41.301,1726287002,fraud,solved\n',
    );
    const r = await run(f);
    expect(r.committed).toBe(false);
    expect(r.problems.map(({ row, column, value, reason }) => ({ row, column, value, reason }))).toEqual([
      { row: 2, column: 'lat', value: '', reason: 'is empty, but lon is given' },
      { row: 3, column: 'lon', value: '', reason: 'is empty, but lat is given' },
      {
        row: 4,
        column: 'lon/lat',
        value: '',
        reason: 'are empty and there is no mahalla code: a record needs one of them',
      },
      { row: 5, column: 'mahalla_code', value: '999', reason: 'is not the code of any mahalla in the database' },
      {
        row: 6,
        column: 'mahalla_code',
        value: '1726287002',
        reason: 'says mahalla 1726287002, but the point lies in mahalla 1726287001',
      },
    ]);
    expect(await dump(db)).toBe(before);
  });

  it('upgrade a database whose tables still demand a point, keeping its rows', async () => {
    await db.run(`ALTER TABLE incidents ALTER COLUMN lon SET NOT NULL; ALTER TABLE incidents ALTER COLUMN h3 SET NOT NULL;
      INSERT OR REPLACE INTO meta VALUES ('schema_version', '4')`);
    const f = file('one.csv', 'id,date,mahalla,category,status\nK1,2024-03-01,1726287001,fraud,solved\n');
    expect(await run(f)).toMatchObject({ committed: true, added: 1, removedDemo: 2 });
    expect(await db.all("SELECT value FROM meta WHERE key = 'schema_version'")).toEqual([
      { value: String(SCHEMA_VERSION) },
    ]);
    expect(await db.all('SELECT source_id, lon FROM incidents')).toEqual([{ source_id: 'K1', lon: null }]);
  });
});

describe('projected x/y (--crs)', () => {
  it('reprojects UTM 42N eastings and northings to the mahallas they lie in', async () => {
    const utm = fromWgs84(crsFromCode(32642));
    const [x1, y1] = utm(69.2043, 41.3071);
    const [x2, y2] = utm(69.2187, 41.3012);
    const f = file(
      'utm.csv',
      `id;date;X;Y;category;status\nP1;2024-03-01;${x1.toFixed(2)};${y1.toFixed(2)};fraud;solved\n` +
        `P2;2024-03-02;${x2.toFixed(2).replace('.', ',')};${y2.toFixed(2).replace('.', ',')};drugs;solved\n`,
    );
    expect(await run(f, { crs: 'EPSG:32642' })).toMatchObject({ committed: true, added: 2, problems: [] });
    const rows = await db.all<{ source_id: string; lon: number; lat: number; mahalla_id: number }>(
      'SELECT source_id, lon, lat, mahalla_id FROM incidents ORDER BY source_id',
    );
    expect(rows.map((r) => [r.source_id, r.mahalla_id])).toEqual([
      ['P1', 1],
      ['P2', 2],
    ]);
    // centimetres of rounding in the file: well under 1e-6 degrees
    expect(Math.abs(rows[0]!.lon - 69.2043) + Math.abs(rows[0]!.lat - 41.3071)).toBeLessThan(1e-6);
    expect(Math.abs(rows[1]!.lon - 69.2187) + Math.abs(rows[1]!.lat - 41.3012)).toBeLessThan(1e-6);
  });

  it('refuses a row whose coordinates are plainly not in the stated system, and an unknown system', async () => {
    const f = file('deg.csv', 'id,date,x,y,category,status\nD1,2024-03-01,69.2043,41.3071,fraud,solved\n');
    const r = await run(f, { crs: 32642 });
    expect(r.problems.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 2, column: 'x/y', value: '69.2043, 41.3071' },
    ]);
    expect(r.problems[0]?.reason).toMatch(
      /^lies at -?[\d.]+, -?[\d.]+ after reading it as WGS 84 \/ UTM zone 42N \(EPSG:32642\), outside Uzbekistan /,
    );
    expect(r.quality?.outside.records).toBe(0);
    await expect(run(f, { crs: 9999 })).rejects.toThrow('coordinate system "9999" is not supported');
  });
});

describe('the quality report', () => {
  const rows = [
    // three on one coordinate (a stack at stackMin 3), two of them alike in time and category: a likely duplicate
    'Q1,2024-03-01 10:00,69.2033,41.3033,fraud,solved',
    'Q2,2024-03-01 10:00,69.2033,41.3033,fraud,solved',
    'Q3,2024-03-02 10:00,69.2033,41.3033,fraud,solved',
    // exactly on mahalla 2's centroid
    'Q4,2024-03-03 10:00,69.215,41.305,drugs,solved',
    // after the import day, and before the data start
    'Q5,2024-07-01 10:00,69.211,41.301,drugs,registered',
    'Q6,2023-12-31 10:00,69.212,41.302,drugs,registered',
  ];
  const text = `id,date,lon,lat,category,status\n${rows.join('\n')}\n`;

  it('lists stacks, centroids, dates out of range and likely duplicates, in a dry run, in the report file', async () => {
    const before = await dump(db);
    const f = file('q.csv', text);
    const r = await run(f, { dryRun: true, stackMin: 3 });
    expect(r.committed).toBe(false);
    expect(await dump(db)).toBe(before);
    const q = r.quality!;
    expect(q.stacked).toEqual({ min: 3, stacks: 1, records: 3, points: [{ lon: 69.2033, lat: 41.3033, records: 3 }] });
    expect(q.onCentroid).toEqual({ records: 1, examples: [{ row: 5, value: '69.215, 41.305 (mahalla 1726287002)' }] });
    expect(q.future).toEqual({ records: 1, examples: [{ row: 6, value: '2024-07-01 10:00:00' }], after: '2024-06-30' });
    expect(q.beforeStart).toEqual({
      records: 1,
      examples: [{ row: 7, value: '2023-12-31 10:00:00' }],
      before: '2024-01-01',
    });
    expect(q.duplicates).toEqual({
      groups: 1,
      records: 2,
      examples: [{ ids: ['Q1', 'Q2'], records: 2, time: '2024-03-01 10:00:00', lon: 69.2033, lat: 41.3033 }],
    });
    expect(q.outside.records).toBe(0);
    expect((JSON.parse(readFileSync(r.report, 'utf8')) as { quality: unknown }).quality).toEqual(q);
  });

  it('counts records outside every mahalla (refused as rows too) and finds nothing in a clean file', async () => {
    const f = file('out.csv', 'id,date,lon,lat,category,status\nO1,2024-03-01,70.5,41.3,fraud,solved\n');
    const r = await run(f, { keepGood: true });
    expect(r.quality?.outside).toEqual({ records: 1, examples: [{ row: 2, value: '70.5, 41.3' }] });
    const clean = file('clean.csv', 'id,date,lon,lat,category,status\nG1,2024-03-01,69.201,41.301,fraud,solved\n');
    const q = (await run(clean)).quality!;
    expect([
      q.stacked.stacks,
      q.onCentroid.records,
      q.future.records,
      q.beforeStart.records,
      q.duplicates.groups,
    ]).toEqual([0, 0, 0, 0, 0]);
  });
});
