// The boundary import command as a separate process beside a "running server" (another process holding the database):
// refused with nothing changed; once free, --list-fields and an import with field flags work and the user store is
// never opened.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { writeGeojson } from './boundary-files.ts';
import { dump, makeDb } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-boundary-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const state = join(dir, 'state.duckdb');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'data/import/cli.ts', 'mahallas', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HAMKOR_STATE: state },
  });
const rect = (x0: number, x1: number) => [
  [x0, 41.3],
  [x1, 41.3],
  [x1, 41.31],
  [x0, 41.31],
  [x0, 41.3],
];

describe('the boundary import command', () => {
  it('is refused while another process holds the database, then imports a new version once it is free', async () => {
    const path = join(dir, 'held.duckdb');
    await makeDb(path);
    // A re-import checks districts against the database's own.
    const setup = await openDb(path);
    await setup.run(
      `INSERT INTO districts VALUES ('1726287', '1726', 'Yakkasaroy', NULL, NULL, 14, 'osm', '{}', NULL)`,
    );
    setup.close();
    const file = join(dir, 'v1.geojson');
    // Mahalla 001 widens to 69.215: the fixture's incident at 69.211 moves from mahalla 2 to 1.
    writeGeojson(file, [
      { props: { KOD: '1726287001', NOMI: 'A', TUMAN: '1726287' }, ring: rect(69.2, 69.215) },
      { props: { KOD: '1726287002', NOMI: 'B', TUMAN: '1726287' }, ring: rect(69.215, 69.22) },
    ]);
    const flags = ['--code-field', 'KOD', '--name-field', 'NOMI', '--district-field', 'TUMAN', '--scale', 'test'];
    const held = await openDb(path);
    try {
      const before = await dump(held);
      const r = cli(file, ...flags, '--out', path);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${path} is open in a running Hamkor server: stop it first`);
      expect(await dump(held)).toBe(before);
    } finally {
      held.close();
    }

    const list = cli(file, '--list-fields');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('v1.geojson: geojson, 2 features, WGS 84 (EPSG:4326)');
    expect(list.stdout).toContain('  KOD  (2 of 2 filled)  e.g. "1726287001", "1726287002"');

    const stranger = join(dir, 'stranger.geojson');
    writeGeojson(stranger, [{ props: { KOD: '1726294001', NOMI: 'C', TUMAN: '1726294' }, ring: rect(69.2, 69.21) }]);
    const refused = cli(stranger, ...flags, '--out', path);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'stranger.geojson: feature 1, TUMAN: "1726294" is not a district SOATO code of this dataset',
    );

    const ok = cli(file, ...flags, '--out', path);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Boundary version 1 committed: 2 mahallas kept their ids, 0 added, 0 retired');
    expect(ok.stdout).toContain('Records that changed mahalla: 1 incidents, 0 applications, 0 base points');
    const db = await openDb(path, { readOnly: true });
    try {
      expect(await db.all('SELECT id, mahalla_id AS m FROM incidents ORDER BY id')).toEqual([
        { id: 1, m: 1 },
        { id: 2, m: 1 },
      ]);
      // Recorded with the other imports, by the version's own transaction (only the committed run, not the refused).
      expect(await db.all('SELECT kind, rows_read AS n, updated FROM imports')).toEqual([
        { kind: 'mahallas', n: 2, updated: 2 },
      ]);
    } finally {
      db.close();
    }
    // The user store (accounts, plans, territory versions) is not even opened by a boundary re-import.
    expect(existsSync(state)).toBe(false);
  });

  it('imports districts as a new version, keeping the shipped ones, and checks their regions', async () => {
    const path = join(dir, 'districts.duckdb');
    await makeDb(path);
    const setup = await openDb(path);
    await setup.run(`INSERT INTO regions VALUES ('1726', 'Toshkent shahri', NULL, NULL, '{}', NULL);
      INSERT INTO districts VALUES ('1726287', '1726', 'Yakkasaroy', NULL, NULL, 14, 'osm', '{"old":1}', NULL)`);
    setup.close();
    const file = join(dir, 'tumanlar.geojson');
    writeGeojson(file, [
      { props: { SOATO: '1726287', NOMI: 'Yakkasaroy', VILOYAT: '1726' }, ring: rect(69.2, 69.22) },
      { props: { SOATO: '1726294', NOMI: 'Chilonzor', VILOYAT: '1726' }, ring: rect(69.22, 69.24) },
    ]);
    const flags = ['--code-field', 'SOATO', '--name-field', 'NOMI', '--region-field', 'VILOYAT', '--out', path];
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'data/import/cli.ts', 'districts', file, ...flags], {
      encoding: 'utf8',
      env: { ...process.env, HAMKOR_STATE: state },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'Boundary version 1 committed: 1 districts updated, 1 added, 0 not in the file kept as they were',
    );
    const db = await openDb(path);
    try {
      expect(
        await db.all('SELECT soato, name_uz AS name, source, round(area_km2, 2) AS km2 FROM districts ORDER BY 1'),
      ).toEqual([
        { soato: '1726287', name: 'Yakkasaroy', source: 'import', km2: 1.86 },
        { soato: '1726294', name: 'Chilonzor', source: 'import', km2: 1.86 },
      ]);
      expect(
        await db.all(
          'SELECT version AS v, code, geometry = \'{"old":1}\' AS old FROM boundary_geometries ORDER BY 1, 2',
        ),
      ).toEqual([
        { v: 0, code: '1726287', old: true },
        { v: 1, code: '1726287', old: false },
        { v: 1, code: '1726294', old: false },
      ]);
      expect(await db.all('SELECT kind, added, updated FROM imports')).toEqual([
        { kind: 'districts', added: 1, updated: 1 },
      ]);
    } finally {
      db.close();
    }
    writeGeojson(file, [{ props: { SOATO: '1703202', NOMI: 'X', VILOYAT: '1703' }, ring: rect(69.2, 69.22) }]);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'data/import/cli.ts', 'districts', file, ...flags], {
      encoding: 'utf8',
      env: { ...process.env, HAMKOR_STATE: state },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'tumanlar.geojson: feature 1, VILOYAT: "1703" is not a region SOATO code of this dataset',
    );
  });
});
