// Base points and inspectors imported by the source's id: added, updated, unchanged; the rows the file does not name
// (the demo's) kept; every row rule with its exact message; one bad row changes nothing; a dry run writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { crsFromCode, fromWgs84 } from '../../../data/import/crs.ts';
import { BASE_POINTS, INSPECTORS } from '../../../data/import/record-kinds.ts';
import { importReference } from '../../../data/import/reference.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Db;
let n = 0;
beforeEach(async () => {
  db = await fixtureDb();
});
afterEach(() => db.close());
function file(text: string, ext = 'csv'): string {
  const f = join(dir, `${++n}.${ext}`);
  writeFileSync(f, text);
  return f;
}
// Every column, whatever the table holds (source_id appears with the first import of the kind).
const basePoints = () => db.all('SELECT * FROM base_points ORDER BY id');
const inspectors = () => db.all('SELECT * FROM inspectors ORDER BY id');

describe('base points', () => {
  it('adds, then updates or leaves them by the source id, in UTM 42N too, keeping the demo ones', async () => {
    const text =
      'ID;Название;Район;Долгота;Широта\nOP-1;Опорный пункт 1;1726287;69,21;41,21\nOP-2;ОП 2;1726273;69.31;41.26\n';
    expect(await importReference(db, BASE_POINTS, { file: file(text) })).toMatchObject({
      committed: true,
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    const after = await basePoints();
    expect(after).toEqual([
      {
        id: 1,
        name: 'Base point No. 1',
        district_soato: '1726287',
        mahalla_id: 1,
        lon: 69.21,
        lat: 41.21,
        source_id: null,
      },
      {
        id: 2,
        name: 'Base point No. 2',
        district_soato: '1726273',
        mahalla_id: 3,
        lon: 69.31,
        lat: 41.26,
        source_id: null,
      },
      {
        id: 3,
        name: 'Опорный пункт 1',
        district_soato: '1726287',
        mahalla_id: 1,
        lon: 69.21,
        lat: 41.21,
        source_id: 'OP-1',
      },
      { id: 4, name: 'ОП 2', district_soato: '1726273', mahalla_id: 3, lon: 69.31, lat: 41.26, source_id: 'OP-2' },
    ]);
    expect(await importReference(db, BASE_POINTS, { file: file(text) })).toMatchObject({ added: 0, unchanged: 2 });
    expect(await basePoints()).toEqual(after);

    const [x, y] = fromWgs84(crsFromCode(32642))(69.27, 41.22);
    const moved = `id,name,district,x,y\nOP-2,ОП 2,1726287,${x},${y}\n`;
    expect(await importReference(db, BASE_POINTS, { file: file(moved), crs: 32642 })).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    const [op2] = await db.all<{ m: number; lon: number }>(
      "SELECT mahalla_id AS m, lon FROM base_points WHERE source_id = 'OP-2'",
    );
    expect(op2?.m).toBe(2);
    expect(Math.abs((op2?.lon ?? 0) - 69.27)).toBeLessThan(1e-9);
    // Each committed import is on record, as record imports are.
    const runs = await db.all<{ kind: string; added: number; updated: number; unchanged: number }>(
      "SELECT kind, added, updated, unchanged FROM imports WHERE kind = 'base_points' ORDER BY id",
    );
    expect(runs.slice(-3).map((r) => [r.kind, r.added, r.updated, r.unchanged])).toEqual([
      ['base_points', 2, 0, 0],
      ['base_points', 0, 0, 2],
      ['base_points', 0, 1, 0],
    ]);
  });

  it('refuses the whole file for a bad row, with exact messages; a dry run writes nothing', async () => {
    const before = await basePoints();
    const r = await importReference(db, BASE_POINTS, {
      file: file(
        'id,name,district,lon,lat\nA,a,1726287,69.21,41.21\nA,b,1726287,69.21,41.21\nC,c,9999999,69.21,41.21\nD,,1726287,69.21,95\n',
      ),
    });
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [3, 'source_id', 'A', 'repeats the id of row 2'],
      [4, 'district_soato', '9999999', 'is not the SOATO code of a district in the database'],
      [5, 'name', '', 'is empty'],
      [5, 'lat', '95', 'is outside ±90 degrees'],
    ]);
    // Imports on record (the table comes with the first committed import).
    const recorded = async (): Promise<number> => {
      const count = async (sql: string): Promise<number> => (await db.all<{ n: number }>(sql))[0]?.n ?? 0;
      const exists = await count(
        "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'imports'",
      );
      return exists ? count('SELECT count(*)::INTEGER AS n FROM imports') : 0;
    };
    const runsBefore = await recorded();
    const dry = await importReference(db, BASE_POINTS, {
      file: file('id,name,district,lon,lat\nA,a,1726287,69.21,41.21\n'),
      dryRun: true,
    });
    expect(dry).toMatchObject({ committed: false, added: 1 });
    expect(await basePoints()).toEqual(before);
    expect(await recorded()).toBe(runsBefore);
  });
});

describe('inspectors', () => {
  it('adds and updates by the source id, with the base point by its source id or Hamkor id, in XLSX-free CSV', async () => {
    await importReference(db, BASE_POINTS, { file: file('id,name,district,lon,lat\nOP-9,ОП 9,1726287,69.22,41.22\n') });
    const text =
      'Табельный номер;ФИО;Звание;Район;Опорный пункт\nT-1;Каримов Азиз;капитан;1726287;OP-9\nT-2;Рахимова Дилноза;майор;1726273;2\n';
    expect(await importReference(db, INSPECTORS, { file: file(text) })).toMatchObject({ committed: true, added: 2 });
    expect((await inspectors()).slice(2)).toEqual([
      { id: 3, name: 'Каримов Азиз', rank: 'капитан', district_soato: '1726287', base_point_id: 3, source_id: 'T-1' },
      { id: 4, name: 'Рахимова Дилноза', rank: 'майор', district_soato: '1726273', base_point_id: 2, source_id: 'T-2' },
    ]);
    const promoted = text.replace('капитан', 'майор');
    expect(await importReference(db, INSPECTORS, { file: file(promoted) })).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await importReference(db, INSPECTORS, { file: file(promoted) })).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await inspectors()).toHaveLength(4);
  });

  it('refuses a base point that is unknown or of another district, changing nothing', async () => {
    const before = await inspectors();
    const r = await importReference(db, INSPECTORS, {
      file: file('id,name,rank,district,base point\nT-1,A,captain,1726287,X-404\nT-2,B,major,1726287,2\n'),
    });
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [2, 'base_point', 'X-404', 'is neither the id nor the Hamkor id of a base point in the database'],
      [3, 'base_point', '2', 'lies in district 1726273, not in 1726287'],
    ]);
    expect(await inspectors()).toEqual(before);
  });
});
