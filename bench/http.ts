// Latency of API endpoints over real HTTP against a running server: sequential requests, percentiles in ms.
import { addDays, lastDays } from '../server/shared/period.ts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Latency {
  p50: number;
  p95: number;
  n: number;
  bytes: number;
}

const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** The session of the benchmark's requests (the demo administrator of the server withServer started). */
let session = '';

/** `fetch` with the benchmark's session. */
export const benchFetch = (url: string, init: RequestInit = {}): Promise<Response> =>
  fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie: session } });

/** Signs in as a demo account of the server at `origin` (bench databases are synthetic: they have them); its cookie. */
export async function signIn(origin: string, username = 'admin', password = 'hamkor-admin'): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Requests each URL from `urls(i)` for i = 0..n-1 after `warmup` untimed requests (steady state: JIT warmed, caches filled). */
export async function measure(origin: string, urls: (i: number) => string, n = 60, warmup = 20): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await (await benchFetch(origin + urls(i))).arrayBuffer();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await benchFetch(origin + urls(i));
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${res.status} for ${urls(i)}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), n, bytes };
}

/** A 90-day window ending `shift` weeks before the end of the demo data (2026-10-31), so requests differ. */
export function window90(shift: number): string {
  const p = lastDays(addDays('2026-10-31', -(shift % 40) * 7), 90);
  return `from=${p.from}&to=${p.to}`;
}

/**
 * Serves `dbFile` from its own process (bench/serve-child.ts, with a fresh user store) while `work` runs against its
 * origin, signed in as the demo administrator: as in production, and because a client in the server's event loop
 * would slow it down. `work` also gets the server's process id (to read its memory).
 * @example await withServer('/tmp/copy.duckdb', 18_090, (origin) => measure(origin, () => '/api/meta'))
 */
export async function withServer<T>(
  dbFile: string,
  port: number,
  work: (origin: string, pid: number) => Promise<T>,
  dist?: string,
): Promise<T> {
  const state = join(tmpdir(), `hamkor-bench-state-${port}.duckdb`);
  for (const f of [state, `${state}.wal`]) rmSync(f, { force: true });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/serve-child.ts', dbFile, String(port), dist ?? 'dist', state],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await once(child.stdout, 'data');
  const origin = `http://127.0.0.1:${port}`;
  try {
    session = await signIn(origin);
    return await work(origin, child.pid ?? 0);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    for (const f of [state, `${state}.wal`]) rmSync(f, { force: true });
  }
}
