// Nothing a person typed is lost: every write the server acknowledged survives `kill -9` in the middle of a burst of
// writes, and a rebuild of the analytics database refuses to run beside the server, then (with the server stopped)
// leaves every plan, playlist and audit row in the user store.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../data/build-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-durable-'));
const DB = join(dir, 'analytics.duckdb');
const STATE = join(dir, 'state.duckdb');
let port = 0;
let origin = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function serve(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/serve-child.ts', DB, STATE, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout as NodeJS.ReadableStream, 'data');
  return child;
}

/** Stops a server and waits until its process has gone (listening for the exit before signalling it). */
async function stopped(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'hamkor-admin' }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const post = (cookie: string, path: string, body: unknown) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: DB });
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 during writes', () => {
  it('loses no acknowledged write', async () => {
    const server = await serve();
    const cookie = await signIn();
    const acknowledged: number[] = [];
    let stop = false;
    const writer = async (k: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await post(cookie, '/api/playlists', {
            name: `w${k}-${i}`,
            period: '7d',
            slides: [{ kind: 'title', dwellS: 10 }],
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
        } catch {
          return; // the server is gone: what it did not answer was never acknowledged
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    const exited = once(server, 'exit');
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited;
    const again = await serve();
    try {
      const res = await fetch(`${origin}/api/playlists`, { headers: { cookie: await signIn() } });
      const kept = new Set(((await res.json()) as { playlists: Array<{ id: number }> }).playlists.map((p) => p.id));
      expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);
    } finally {
      await stopped(again);
    }
  }, 120_000);
});

describe('a rebuild beside the server', () => {
  it('refuses to run while the server holds the database, and later leaves the user store as it was', async () => {
    const server = await serve();
    const cookie = await signIn();
    await post(cookie, '/api/playlists', {
      name: 'Typed before the rebuild',
      period: '7d',
      slides: [{ kind: 'title', dwellS: 10 }],
    });
    const before: unknown = await (await fetch(`${origin}/api/playlists`, { headers: { cookie } })).json();
    const audit = (
      (await (await fetch(`${origin}/api/admin/audit`, { headers: { cookie } })).json()) as { total: number }
    ).total;
    const env = { ...process.env, HAMKOR_DB: DB, HAMKOR_STATE: STATE };
    const beside = spawnSync(process.execPath, ['--import', 'tsx', 'data/build.ts', '--scale', 'test', '--out', DB], {
      env,
      encoding: 'utf8',
    });
    expect(beside.status).not.toBe(0);
    expect(beside.stderr).toMatch(/open in a running Hamkor server/);
    await stopped(server);
    const rebuilt = spawnSync(process.execPath, ['--import', 'tsx', 'data/build.ts', '--scale', 'test', '--out', DB], {
      env,
      encoding: 'utf8',
    });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    const again = await serve();
    try {
      const c2 = await signIn();
      expect(await (await fetch(`${origin}/api/playlists`, { headers: { cookie: c2 } })).json()).toEqual(before);
      const after = (
        (await (await fetch(`${origin}/api/admin/audit`, { headers: { cookie: c2 } })).json()) as { total: number }
      ).total;
      expect(after).toBeGreaterThan(audit);
    } finally {
      await stopped(again);
    }
  }, 180_000);
});
