// A boundary re-import: a new version beside the old ones, ids kept by code (new codes new ids, vanished ones retired
// and never reused), every record placed again and the moves counted; a dry run changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/database.ts';
import { mahallaItems } from '../../../data/import/mahallas.ts';
import { readBoundaryFile } from '../../../data/import/boundaries/read.ts';
import { replaceMahallas } from '../../../data/import/boundaries/versions.ts';
import { writeGeojson } from './boundary-files.ts';
import { dump, makeDb } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-reimport-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A rectangle lon x0–x1, lat 41.30–41.31 (the fixture's mahallas are 69.20–69.21 and 69.21–69.22). */
const rect = (x0: number, x1: number): Position[] => [
  [x0, 41.3],
  [x1, 41.3],
  [x1, 41.31],
  [x0, 41.31],
  [x0, 41.3],
];

async function importFile(db: Db, name: string, parts: Array<[string, number, number]>, dryRun = false) {
  const path = join(dir, name);
  writeGeojson(
    path,
    parts.map(([code, x0, x1]) => ({
      props: { MFY: code, NOMI: `M${code.slice(-3)}`, TUMAN: '1726287' },
      ring: rect(x0, x1),
    })),
  );
  const items = mahallaItems(await readBoundaryFile(path), new Set(['1726287']), {
    code: 'MFY',
    name: 'NOMI',
    parent: 'TUMAN',
  });
  return replaceMahallas(db, items, { file: name, sha256: 'test', dryRun });
}

const ids = async (db: Db): Promise<Record<string, number>> =>
  Object.fromEntries(
    (await db.all<{ code: string; id: number }>('SELECT code, id FROM mahallas ORDER BY id')).map((r) => [
      r.code,
      r.id,
    ]),
  );

describe('re-importing boundaries', () => {
  it('keeps ids by code, retires vanished codes for good, keeps every version and re-places every record', async () => {
    const path = join(dir, 'db.duckdb');
    await makeDb(path);
    const db = await openDb(path);
    try {
      // 20 more incidents along lat 41.305 at lon 69.2005, 69.2015, … 69.2195; a base point, territories, a joint action.
      await db.run(`INSERT INTO incidents SELECT 10 + k, '2024-03-01 10:00', 69.2005 + k * 0.001, 41.305,
          CASE WHEN 69.2005 + k * 0.001 < 69.21 THEN 1 ELSE 2 END, 'fraud', 'registered', 0 FROM range(20) t(k);
        INSERT INTO base_points VALUES (1, 'Base point No. 1', '1726287', 2, 69.2175, 41.305);
        INSERT INTO territory_assignment VALUES (1, 1, '2023-01-09'), (2, 1, '2023-01-09');
        INSERT INTO joint_actions VALUES (1, '2024-03-01', 2, 1, 'joint_raid', 3, 0, 0)`);

      // v1: A widens to 69.215, B vanishes, a new C covers 69.215–69.22.
      const v1: Array<[string, number, number]> = [
        ['1726287001', 69.2, 69.215],
        ['1726287003', 69.215, 69.22],
      ];
      const before = await dump(db);
      const dry = await importFile(db, 'v1.geojson', v1, true);
      expect(await dump(db)).toBe(before);
      expect(await ids(db)).toEqual({ '1726287001': 1, '1726287002': 2 });

      const r1 = await importFile(db, 'v1.geojson', v1);
      expect(dry).toEqual(r1);
      // Incidents at 69.2105…69.2145 and the fixture's one at 69.211 go 2 → 1 (6); 69.2155…69.2195 go 2 → 3 (5).
      expect(r1).toEqual({
        version: 1,
        added: 1,
        kept: 1,
        retired: 1,
        moved: { incidents: 11, applications: 0, base_points: 1 },
        outside: { incidents: 0, applications: 0, base_points: 0 },
        unassigned: 1,
        retiredActions: 1,
      });
      expect(await ids(db)).toEqual({ '1726287001': 1, '1726287003': 3 });
      expect(
        await db.all(
          'SELECT mahalla_id AS m, count(*)::INTEGER AS n, sum(n)::INTEGER AS months FROM (SELECT mahalla_id, 1 AS n FROM incidents) GROUP BY 1 ORDER BY 1',
        ),
      ).toEqual([
        { m: 1, n: 17, months: 17 },
        { m: 3, n: 5, months: 5 },
      ]);
      expect(
        await db.all('SELECT mahalla_id AS m, sum(n)::INTEGER AS n FROM incident_months GROUP BY 1 ORDER BY 1'),
      ).toEqual([
        { m: 1, n: 17 },
        { m: 3, n: 5 },
      ]);
      expect(await db.all('SELECT mahalla_id AS m FROM base_points')).toEqual([{ m: 3 }]);

      // The same file again: a new version, nothing moves.
      const r2 = await importFile(db, 'v1.geojson', v1);
      expect([r2.version, r2.added, r2.retired, r2.moved]).toEqual([
        2,
        0,
        0,
        { incidents: 0, applications: 0, base_points: 0 },
      ]);

      // B comes back with its old id; C is retired and its id 3 is never given to anyone else.
      const r3 = await importFile(db, 'v3.geojson', [
        ['1726287001', 69.2, 69.21],
        ['1726287002', 69.21, 69.22],
        ['1726287004', 69.22, 69.23],
      ]);
      expect([r3.version, r3.added, r3.retired, r3.moved.incidents]).toEqual([3, 2, 1, 11]);
      expect(await ids(db)).toEqual({ '1726287001': 1, '1726287002': 2, '1726287004': 4 });
      expect(
        await db.all('SELECT code, id, first_version AS f, retired_version AS r FROM mahalla_ids ORDER BY id'),
      ).toEqual([
        { code: '1726287001', id: 1, f: 0, r: null },
        { code: '1726287002', id: 2, f: 0, r: null },
        { code: '1726287003', id: 3, f: 1, r: 3 },
        { code: '1726287004', id: 4, f: 3, r: null },
      ]);
      // Every version's polygons are still there.
      expect(
        await db.all(
          'SELECT version AS v, list(code ORDER BY code) AS codes FROM boundary_geometries GROUP BY 1 ORDER BY 1',
        ),
      ).toEqual([
        { v: 0, codes: ['1726287001', '1726287002'] },
        { v: 1, codes: ['1726287001', '1726287003'] },
        { v: 2, codes: ['1726287001', '1726287003'] },
        { v: 3, codes: ['1726287001', '1726287002', '1726287004'] },
      ]);
      expect(await db.all('SELECT version AS v, file, moved FROM boundary_versions ORDER BY 1')).toEqual([
        { v: 0, file: 'unknown', moved: 0 },
        { v: 1, file: 'v1.geojson', moved: 12 },
        { v: 2, file: 'v1.geojson', moved: 0 },
        { v: 3, file: 'v3.geojson', moved: 12 },
      ]);
    } finally {
      db.close();
    }
  });
});
