// `npm run import` while Hamkor runs: the server writes where it listens beside its database, and the command sends
// the file through the server's Import API (signed in, with progress and the report saved locally) instead of
// opening the database that the server holds; the server's users see the new records at once.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../data/build-db.ts';
import { startServer, type Server } from '../../../server/index.ts';
import { readServerFile, serverFilePath } from '../../../server/services/imports/server-file.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hamkor-import-cli-'));
const DB = join(dir, 'analytics.duckdb');
const STATE = join(dir, 'state.duckdb');
const PASSWORD = join(dir, 'password.txt');
let server: Server;
let port = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The import command as a user runs it, in its own process; resolves with its exit code and output. */
async function importCommand(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'data/import/cli.ts', ...args, '--out', DB], {
      env: { ...process.env, HAMKOR_STATE: STATE },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function signIn(): Promise<string> {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'hamkor-admin' }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: DB });
  port = await freePort();
  server = await startServer(
    { PORT: port, HOST: '127.0.0.1', HAMKOR_DB: DB, HAMKOR_STATE: STATE, HAMKOR_DIST: 'dist-absent' },
    { auth: { passwordCost: 10 } },
  );
  writeFileSync(PASSWORD, 'hamkor-admin\n');
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run import while Hamkor runs', () => {
  it('the server says where it listens beside its database', () => {
    expect(readServerFile(DB)).toEqual({ url: `http://127.0.0.1:${port}`, pid: process.pid });
  });

  it('without an account it refuses and says what to give', async () => {
    const csv = join(dir, 'none.csv');
    writeFileSync(csv, 'id,date,lon,lat,category,status\n');
    const r = await importCommand(['incidents', csv]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `Hamkor is running at http://127.0.0.1:${port}: the import goes through it. Give --user NAME`,
    );
  }, 60_000);

  it('sends the file through the server: committed there, seen by its users, the report saved here', async () => {
    const cookie = await signIn();
    const fc = (await (
      await fetch(`http://127.0.0.1:${port}/api/mahallas`, { headers: { cookie } })
    ).json()) as FeatureCollection<Polygon | MultiPolygon>;
    const [lon, lat] = pointOnFeature(fc.features[0] as Feature<Polygon | MultiPolygon>).geometry.coordinates as [
      number,
      number,
    ];
    const csv = join(dir, 'week.csv');
    writeFileSync(
      csv,
      'id,date,lon,lat,category,status\n' +
        [1, 2, 3]
          .map((i) => `CLI-${i},2025-01-0${i} 10:00,${(lon + i * 1e-6).toFixed(7)},${lat},drugs,solved`)
          .join('\n') +
        '\nCLI-4,2025-13-01 10:00,69.24,41.31,drugs,solved\n',
    );
    const r = await importCommand(['incidents', csv, '--user', 'admin', '--password-file', PASSWORD, '--keep-good']);
    expect(r.out).toContain(`Hamkor is running at http://127.0.0.1:${port}: importing through it (signed in as admin)`);
    expect(r.out).toContain('week.csv: 4 rows read, 3 good, 1 rejected');
    expect(r.out).toContain('Committed: 3 added, 0 updated, 0 unchanged');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(`${csv}.import-report.json`, 'utf8')) as { added: number };
    expect(report.added).toBe(3);
    expect(readFileSync(`${csv}.import-report.rejects.csv`, 'utf8')).toMatch(/^row,column,value,reason,.*\n5,ts,/);
    // The server's own users see them (the CLI never opened the database: the server holds it).
    const past = (await (
      await fetch(`http://127.0.0.1:${port}/api/imports`, { headers: { cookie } })
    ).json()) as Array<{
      file: string;
      added: number;
      importedBy: string;
    }>;
    expect(past[0]).toMatchObject({ file: 'week.csv', added: 3, importedBy: 'admin' });
  }, 60_000);

  it('a boundary file goes through the server too, its field flags sent as the field choices', async () => {
    const cookie = await signIn();
    const fc = (await (
      await fetch(`http://127.0.0.1:${port}/api/mahallas`, { headers: { cookie } })
    ).json()) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; districtSoato: string }>;
    const file = join(dir, 'mfy.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: fc.features.map((f) => ({
          type: 'Feature',
          properties: { KOD: f.properties.code, NOMI: f.properties.name, TUMAN: f.properties.districtSoato },
          geometry: f.geometry,
        })),
      }),
    );
    const flags = ['--code-field', 'KOD', '--name-field', 'NOMI', '--district-field', 'TUMAN'];
    const r = await importCommand([
      'mahallas',
      file,
      ...flags,
      '--dry-run',
      '--user',
      'admin',
      '--password-file',
      PASSWORD,
    ]);
    expect(r.out).toContain(
      `Dry run, nothing written: boundary version 1: ${fc.features.length} mahallas kept, 0 added, 0 retired`,
    );
    expect(r.out).toContain('Records that changed mahalla: 0 incidents, 0 applications, 0 base points');
    expect(r.code).toBe(0);
  }, 60_000);

  it('the file is gone once the server stops', async () => {
    await server.close();
    expect(existsSync(serverFilePath(DB))).toBe(false);
    server = await startServer(
      { PORT: port, HOST: '127.0.0.1', HAMKOR_DB: DB, HAMKOR_STATE: STATE, HAMKOR_DIST: 'dist-absent' },
      { auth: { passwordCost: 10 } },
    );
    expect(existsSync(serverFilePath(DB))).toBe(true);
  });
});
