// Golden comparison of the two record import paths: DuckDB reading and checking in bulk (bulk.ts) against the
// row-by-row check (stage-rows.ts) on fixtures with every rule broken somewhere: the same problems, counts, unmapped
// labels, quality report, rejects CSV and stored records (mahalla ids and H3 cells included).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { APPLICATIONS, INCIDENTS, type RecordKind } from '../../../data/import/record-kinds.ts';
import { importRecords } from '../../../data/import/records.ts';
import { dump, makeDb, writeText } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Imports `file` into a fresh fixture database, keeping the good rows; the result, the database and the log. */
async function importOnce(kind: RecordKind, file: string, rowByRow: boolean) {
  const path = join(dir, `db${++n}.duckdb`);
  await makeDb(path);
  const db = await openDb(path);
  const lines: string[] = [];
  try {
    const report = join(dir, `r${n}.json`);
    const r = await importRecords(db, {
      kind,
      file,
      keepGood: true,
      rowByRow,
      report,
      since: '2024-01-01',
      today: '2024-06-30',
      stackMin: 2,
      log: (l) => lines.push(l),
    });
    const rejects = r.rejects ? readFileSync(r.rejects, 'utf8') : '';
    const { report: _r, rejects: _j, ...rest } = r;
    return { result: rest, rejects, data: await dump(db), log: lines.join('\n') };
  } finally {
    db.close();
  }
}

const ROWS = [
  'id,date,lon,lat,mahalla,category,status',
  'A1,2024-03-05 14:30:00,69.205,41.305,,fraud,solved',
  'A2,05.03.2024 9:05,"69,215",41.305,,Кража,раскрыто',
  'A3,2024-03-05T08:00,69.201,41.302,,  FRAUD ,solved',
  'A4,2024-02-30 10:00,69.205,41.305,,fraud,solved',
  'A5,2024-03-05,69.2x,41.305,,fraud,solved',
  'A6,2024-03-05,69.205,91,,fraud,solved',
  'A7,2024-03-05,69.205,41.305,,theft,solved',
  'A8,2024-03-05,69.205,41.305,,fraud',
  'A9,2024-03-05,69.5,41.305,,fraud,solved',
  'B1,2024-03-05,,,1726287002,drugs,solved',
  'B2,2024-03-05,,,9999,drugs,solved',
  'B3,2024-03-05,69.205,41.305,1726287002,drugs,solved',
  'B4,2024-03-05,69.205,,,drugs,solved',
  'B5,2024-03-05,,,,drugs,solved',
  'A1,2024-03-06,69.205,41.305,,fraud,solved',
  'B6, 2024-03-07 10:00 ,69.203,41.303,,drugs,solved',
  'B7,2024-07-07 10:00,69.203,41.303,,drugs,solved',
  'B8,2023-07-07 10:00,69.215,41.305,,drugs,unsolved',
  'B9,2024-03-05 24:00,69.203,41.303,,drugs,solved',
  'C1,2024-03-05 14:30:00.5,69.2033,41.3033,,fraud,solved',
  'C2,2024-03-05 14:30:00,69.2033,41.3033,,fraud,solved',
  'C3,2024-03-05 14:30:00,69.2033,41.3033,,fraud,solved,extra',
  ',2024-03-05 14:30:00,69.2033,41.3033,,fraud,solved',
  'C4,2024-03-05 14:30:00,+69.2033,-41.3033,,fraud,solved',
  'C5,2024-03-05 14:30:00,69.2033,41.3033,,theft,solved',
];
/** Without the quoted row, which only the row-by-row reader reads. */
const INCIDENT_ROWS = ROWS.filter((l) => !l.includes('"'));

describe('bulk and row-by-row imports agree', () => {
  const cases: Array<[string, RecordKind, string, 'utf-8' | 'bom' | 'windows-1251', string[]]> = [
    ['incidents, every rule broken (UTF-8)', INCIDENTS, 'i.csv', 'utf-8', INCIDENT_ROWS],
    [
      'incidents with semicolons, CRLF, Windows-1251',
      INCIDENTS,
      'ru.csv',
      'windows-1251',
      INCIDENT_ROWS.map((l) => l.replace(/,/g, ';') + '\r'),
    ],
    ['incidents, tabs, BOM', INCIDENTS, 'tab.csv', 'bom', INCIDENT_ROWS.slice(0, 12).map((l) => l.replace(/,/g, '\t'))],
    [
      'applications and their cross-column rules',
      APPLICATIONS,
      'apps.csv',
      'utf-8',
      [
        'id,received_at,lon,lat,applicant,channel,registry,received_by,service,status,resolved_at',
        'Z1,2024-01-10 09:00,69.205,41.305,гражданин,phone,форма 2,inspector,,resolved,2024-01-12 10:00',
        'Z2,2024-01-10 09:00,69.205,41.305,citizen,phone,form1,inspector,patrol,resolved,',
        'Z3,2024-01-10 09:00,69.205,41.305,citizen,phone,form1,inspector,patrol,open,2024-01-12 10:00',
        'Z4,2024-01-10 09:00,69.205,41.305,citizen,phone,form1,inspector,patrol,resolved,2024-01-09 10:00',
        'Z5,2024-01-10 09:00,69.215,41.305,citizen,phone,form1,inspector,patrol,open,',
        'Z6,2024-01-10 09:00,69.215,41.305,citizen,phone,form1,inspector,nobody,open,',
      ],
    ],
  ];
  it.each(cases)('%s', async (_, kind, name, encoding, rows) => {
    const file = join(dir, name);
    writeText(file, rows.join('\n') + '\n', encoding);
    const bulk = await importOnce(kind, file, false);
    const one = await importOnce(kind, file, true);
    expect(bulk.log).toContain('; checking'); // the bulk path ran, it did not fall back
    expect(bulk.result).toEqual(one.result);
    expect(bulk.rejects).toBe(one.rejects);
    expect(bulk.data).toBe(one.data);
    expect(bulk.result.problemCount).toBeGreaterThan(0);
  });

  it('leaves a file with quoted fields to the row-by-row reader, with the same result', async () => {
    const file = join(dir, 'quoted.csv');
    writeText(file, ROWS.slice(0, 4).join('\n') + '\n');
    const bulk = await importOnce(INCIDENTS, file, false);
    expect(bulk.log).toContain('reading row by row: it has quoted fields');
    expect(bulk.result).toEqual((await importOnce(INCIDENTS, file, true)).result);
    expect(bulk.result).toMatchObject({ committed: true, added: 3, problemCount: 0 });
  });

  it('reads Parquet in bulk with the row-by-row results', async () => {
    const file = join(dir, 'p.parquet');
    const db = await openDb(':memory:');
    await db.run(`COPY (SELECT * FROM (VALUES
        ('P1', TIMESTAMP '2024-03-05 14:30:00.5', 69.205, 41.305, 'Кража', 'solved'),
        ('P2', TIMESTAMP '2024-03-06 08:00:00', 69.215, 41.305, 'fraud', 'registered'),
        ('P3', NULL, 69.215, 41.305, 'fraud', 'registered'),
        ('P4', TIMESTAMP '2024-03-06 08:00:00', 69.215, 95, 'fraud', 'registered'))
        t(id, "Дата", lon, lat, "Вид", status)) TO '${file}' (FORMAT parquet)`);
    db.close();
    const bulk = await importOnce(INCIDENTS, file, false);
    expect(bulk.log).toContain('; checking');
    const one = await importOnce(INCIDENTS, file, true);
    expect(bulk.result).toEqual(one.result);
    expect(bulk.data).toBe(one.data);
    expect(bulk.result).toMatchObject({ added: 2, problemCount: 2 });
  });
});
