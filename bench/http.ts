// Latency of API endpoints over real HTTP against a running server: sequential requests, percentiles in ms.
import { addDays, lastDays } from '../server/shared/period.ts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface Latency {
  p50: number;
  p95: number;
  n: number;
  bytes: number;
}

const percentile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Requests each URL from `urls(i)` for i = 0..n-1 after `warmup` untimed requests (steady state: JIT warmed, caches filled). */
export async function measure(origin: string, urls: (i: number) => string, n = 60, warmup = 20): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await (await fetch(origin + urls(i))).arrayBuffer();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(origin + urls(i));
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
 * Serves `dbFile` from its own process (bench/serve-child.ts) while `work` runs against its origin: as in production,
 * and because a client in the server's event loop would slow it down. The server opens the file read-write.
 * @example await withServer('/tmp/copy.duckdb', 18_090, (origin) => measure(origin, () => '/api/meta'))
 */
export async function withServer<T>(dbFile: string, port: number, work: (origin: string) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-child.ts', dbFile, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
