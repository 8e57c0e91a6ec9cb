// A boundary import's row in `imports` is written in the transaction that writes its version: both or neither. The
// failure between them is real: an `imports` table whose CHECK refuses one file name makes the provenance insert fail
// after the new mahallas, their version and the re-placed records are written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceMahallas } from '../../../data/import/boundaries/versions.ts';
import type { BoundaryItem } from '../../../data/import/boundaries/validate.ts';
import { openDb, type Db } from '../../../server/db/database.ts';
import { dump, makeDb } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-boundary-provenance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `imports` as commit.ts makes it, but refusing the file name 'refused.geojson'. */
const IMPORTS = `CREATE TABLE imports (
  id INTEGER NOT NULL, kind VARCHAR NOT NULL, file VARCHAR NOT NULL CHECK (file <> 'refused.geojson'),
  sha256 VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL, imported_by VARCHAR NOT NULL, mapping VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL, rejected INTEGER NOT NULL, added INTEGER NOT NULL, updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL, removed_demo INTEGER NOT NULL)`;

/** The fixture's two mahallas with the border moved from 69.21 to 69.212 (incident 2 at 69.211 changes mahalla). */
const items = (): BoundaryItem[] =>
  [
    ['1726287001', 69.2, 69.212],
    ['1726287002', 69.212, 69.22],
  ].map(([code, x0, x1]) => ({
    code: code as string,
    name: code as string,
    parent: '1726287',
    areaKm2: 1,
    centroid: [((x0 as number) + (x1 as number)) / 2, 41.305],
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0 as number, 41.3],
          [x1 as number, 41.3],
          [x1 as number, 41.31],
          [x0 as number, 41.31],
          [x0 as number, 41.3],
        ],
      ],
    },
  }));

const state = async (db: Db): Promise<string> =>
  JSON.stringify([
    await dump(db),
    await db.all('SELECT code, geometry FROM mahallas ORDER BY id'),
    await db.all('SELECT version, level, file FROM boundary_versions ORDER BY version'),
    await db.all('SELECT kind, file, imported_by FROM imports ORDER BY id'),
  ]);

describe('boundary provenance', () => {
  it('a failure writing the imports row leaves no new version, no moved record and no row', async () => {
    const path = join(dir, 'refused.duckdb');
    await makeDb(path);
    const db = await openDb(path);
    try {
      await db.run(IMPORTS);
      const before = await state(db);
      const record = { by: 'analyst', mapping: '{"code":"KOD"}' };
      await expect(replaceMahallas(db, items(), { file: 'refused.geojson', sha256: 'x', record })).rejects.toThrow(
        /CHECK constraint/i,
      );
      expect(await state(db)).toBe(before);
      // The same file under a name the table takes: version, moved record and row, together.
      const r = await replaceMahallas(db, items(), { file: 'taken.geojson', sha256: 'x', record });
      expect([r.version, r.moved.incidents]).toEqual([1, 1]);
      expect(await db.all('SELECT version, file FROM boundary_versions ORDER BY version')).toEqual([
        { version: 0, file: 'unknown' },
        { version: 1, file: 'taken.geojson' },
      ]);
      expect(
        await db.all('SELECT kind, file, imported_by AS by, mapping, rows_read AS n, added, updated FROM imports'),
      ).toEqual([
        {
          kind: 'mahallas',
          file: 'taken.geojson',
          by: 'analyst',
          mapping: '{"code":"KOD"}',
          n: 2,
          added: 0,
          updated: 2,
        },
      ]);
      expect(await db.all('SELECT mahalla_id AS m FROM incidents WHERE id = 2')).toEqual([{ m: 1 }]);
    } finally {
      db.close();
    }
  });

  it('a dry run writes neither', async () => {
    const path = join(dir, 'dry.duckdb');
    await makeDb(path);
    const db = await openDb(path);
    try {
      await db.run(IMPORTS);
      const before = await state(db);
      const r = await replaceMahallas(db, items(), {
        file: 'taken.geojson',
        sha256: 'x',
        dryRun: true,
        record: { by: 'analyst', mapping: '{}' },
      });
      expect(r.moved.incidents).toBe(1);
      expect(await state(db)).toBe(before);
    } finally {
      db.close();
    }
  });
});
