// The boundary tables are in data/schema.sql; a database built before they were gains them on its first boundary
// import, its mahallas kept as version 0 and nothing else changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES, replaceMahallas } from '../../../data/import/boundaries/versions.ts';
import type { BoundaryItem } from '../../../data/import/boundaries/validate.ts';
import { openDb } from '../../../server/db/database.ts';
import { dump, makeDb } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-boundary-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BOUNDARY = ['boundary_geometries', 'boundary_versions', 'mahalla_ids'];
const tables = `SELECT table_name AS t FROM information_schema.tables
  WHERE table_name IN ('boundary_geometries', 'boundary_versions', 'mahalla_ids') ORDER BY 1`;

describe('boundary tables', () => {
  it('are created with the schema, and TABLES is their idempotent form', async () => {
    const path = join(dir, 'new.duckdb');
    await makeDb(path);
    const db = await openDb(path);
    try {
      expect((await db.all<{ t: string }>(tables)).map((r) => r.t)).toEqual(BOUNDARY);
      expect(TABLES.match(/CREATE TABLE IF NOT EXISTS/g)).toHaveLength(3);
      await db.run(TABLES); // again: nothing happens
      expect(await db.all('SELECT count(*)::INTEGER AS n FROM boundary_versions')).toEqual([{ n: 0 }]);
    } finally {
      db.close();
    }
  });

  it('are added to a database built without them by its first import, which keeps its mahallas as version 0', async () => {
    const path = join(dir, 'old.duckdb');
    await makeDb(path);
    const db = await openDb(path);
    try {
      await db.run('DROP TABLE boundary_versions; DROP TABLE boundary_geometries; DROP TABLE mahalla_ids');
      expect(await db.all(tables)).toEqual([]);
      const before = await dump(db);
      const [a, b] = await db.all<{ geometry: string; code: string }>(
        'SELECT code, geometry FROM mahallas ORDER BY id',
      );
      const item = (m: { geometry: string; code: string }, x: number): BoundaryItem => ({
        code: m.code,
        name: m.code,
        parent: '1726287',
        geometry: JSON.parse(m.geometry) as BoundaryItem['geometry'],
        areaKm2: 1,
        centroid: [x, 41.305],
      });
      const r = await replaceMahallas(db, [item(a!, 69.205), item(b!, 69.215)], { file: 'same.geojson', sha256: 'x' });
      expect([r.version, r.added, r.retired, r.moved.incidents]).toEqual([1, 0, 0, 0]);
      expect((await db.all<{ t: string }>(tables)).map((x) => x.t)).toEqual(BOUNDARY);
      expect(
        await db.all('SELECT version AS v, count(*)::INTEGER AS n FROM boundary_geometries GROUP BY 1 ORDER BY 1'),
      ).toEqual([
        { v: 0, n: 2 },
        { v: 1, n: 2 },
      ]);
      expect(await dump(db)).toBe(before);
    } finally {
      db.close();
    }
  });
});
