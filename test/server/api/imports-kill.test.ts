// An import through the running server's API, and the server killed (-9) while it commits a large file: after a
// restart the data is the previous data (or, if the kill came after COMMIT, the whole import, never a part), and the
// next import succeeds.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../data/build-db.ts';
import { openDb } from '../../../server/db/database.ts';
import type { Job } from '../../../server/services/imports/jobs.ts';
import type { Preview } from '../../../server/services/imports/preview.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-import-kill-'));
const DB = join(dir, 'analytics.duckdb');
const STATE = join(dir, 'state.duckdb');
const ROWS = 300_000;
let origin = '';
let port = 0;
let points: Array<{ lon: number; lat: number }> = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function serve(): Promise<{ child: ChildProcess; cookie: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/serve-child.ts', DB, STATE, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout as NodeJS.ReadableStream, 'data');
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'hamkor-admin' }),
  });
  return { child, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/** The incidents as the database holds them: count and a checksum of ids, times and places. */
async function state(): Promise<{ n: number; sum: string }> {
  const db = await openDb(DB, { readOnly: true });
  try {
    const [r] = await db.all<{ n: number; sum: string }>(
      `SELECT count(*)::INTEGER AS n, md5(string_agg(id || ts::VARCHAR || coalesce(lon, 0)::VARCHAR, ',' ORDER BY id)) AS sum
       FROM incidents`,
    );
    return r ?? { n: -1, sum: '' };
  } finally {
    db.close();
  }
}

/** Uploads `rows` incidents (ids with `prefix`) on the demo's own points and starts their commit. */
async function startImport(cookie: string, rows: number, prefix: string): Promise<Job> {
  const lines = ['id,date,lon,lat,category,status'];
  for (let i = 0; i < rows; i++) {
    const p = points[i % points.length]!;
    lines.push(`${prefix}${i},2025-0${1 + (i % 9)}-1${i % 10} 10:00,${p.lon},${p.lat},drugs,solved`);
  }
  const up = await fetch(`${origin}/api/imports/files?kind=incidents&name=big.csv`, {
    method: 'POST',
    headers: { cookie },
    body: lines.join('\n') + '\n',
  });
  expect(up.status).toBe(201);
  const file = ((await up.json()) as Preview).file.id;
  const res = await fetch(`${origin}/api/imports/jobs`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ file, dryRun: false }),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as Job;
}

const jobOf = async (cookie: string, id: string): Promise<Job> =>
  (await (await fetch(`${origin}/api/imports/jobs/${id}`, { headers: { cookie } })).json()) as Job;

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: DB });
  const db = await openDb(DB, { readOnly: true });
  points = await db.all<{ lon: number; lat: number }>('SELECT lon, lat FROM incidents ORDER BY id LIMIT 500');
  db.close();
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 of the server while it imports', () => {
  it('leaves the previous data (or the whole import), and the next import succeeds', async () => {
    const before = await state();
    const { child, cookie } = await serve();
    const exited = once(child, 'exit');
    const job = await startImport(cookie, ROWS, 'K');
    // Kill once the rows are read and the writing has begun (or at the latest moment the poll sees).
    let seen: Job = job;
    while (seen.state === 'queued' || seen.state === 'reading') seen = await jobOf(cookie, job.id);
    child.kill('SIGKILL');
    await exited;
    expect(seen.state).toBe('writing');

    const after = await state();
    if (after.sum !== before.sum) expect(after.n).toBe(ROWS);
    else expect(after).toEqual(before);

    const again = await serve();
    try {
      const small = await startImport(again.cookie, 3, 'S');
      let done = small;
      while (done.state !== 'done' && done.state !== 'failed') done = await jobOf(again.cookie, small.id);
      expect(done.error).toBeNull();
      expect(done.result?.committed).toBe(true);
      expect(done.result?.added).toBe(3);
    } finally {
      const gone = once(again.child, 'exit');
      again.child.kill('SIGTERM');
      await gone;
    }
  }, 180_000);
});
