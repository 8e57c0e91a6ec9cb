// Load: many signed-in clients at once on mixed requests (latency, errors, the server's memory before and after), and
// light requests answering while heavy national analyses run (the health check's tail latency).
import { readFileSync } from 'node:fs';
import type { BenchRow } from './spatial-join.ts';
import { signIn, window90 } from './http.ts';

const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Resident memory of a process, MB (Linux /proc). */
export function rssMb(pid: number): number {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:')) ?? '';
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

/** What a person at a desk asks for, in turn: the map, its figures and tests, a card of one of their mahallas, the coverage, the flow, plans. */
const MIX: Array<(i: number, mine: readonly number[]) => string> = [
  (i) => `/api/metrics?${window90(i)}`,
  (i) => `/api/hotspots?${window90(i)}`,
  (i) => `/api/timeline?${window90(i)}`,
  (i, mine) => `/api/mahallas/${mine[(i * 37) % mine.length] ?? 1}?${window90(i)}`,
  (i) => `/api/coverage?${window90(i)}`,
  (i) => `/api/applications/flow?${window90(i)}`,
  (i) => `/api/cooperation/summary?${window90(i)}`,
  () => '/api/meta',
  () => '/api/plans',
  () => '/api/playlists',
];

/** The demo accounts the clients sign in as, in turn (each account's scope makes its requests differ). */
const ACCOUNTS = [
  ['admin', 'hamkor-admin'],
  ['ministry', 'hamkor-ministry'],
  ['region', 'hamkor-region'],
  ['district', 'hamkor-district'],
  ['planner', 'hamkor-planner'],
  ['analyst', 'hamkor-analyst'],
] as const;

/**
 * `clients` clients, each signed in as one of the demo accounts, each going through the mix in turn for `seconds`,
 * pausing between requests for a think time drawn (seeded) from an exponential of mean `thinkMs` (0: back to back, a
 * stress test of capacity rather than a model of people at desks).
 * @example await benchConcurrency(origin, pid, 'city', 50, 20, 1000, 'p95 < 250 ms')
 */
export async function benchConcurrency(
  origin: string,
  pid: number,
  label: string,
  clients: number,
  seconds: number,
  thinkMs: number,
  target: string,
): Promise<BenchRow> {
  const cookies = await Promise.all(ACCOUNTS.map(([u, p]) => signIn(origin, u, p)));
  // Each account's own mahallas (a card of another area would be refused, as it should).
  const mine = await Promise.all(
    cookies.map(
      async (cookie) =>
        (
          (await (await fetch(`${origin}/api/metrics?${window90(0)}`, { headers: { cookie } })).json()) as {
            ids: number[];
          }
        ).ids,
    ),
  );
  const before = rssMb(pid);
  const times: number[] = [];
  const byKind = MIX.map((): number[] => []);
  let errors = 0;
  let peak = before;
  const end = Date.now() + seconds * 1000;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let seed = 0x9e3779b9 ^ (c * 7919);
      const uniform = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
      // Clients start at different points of the mix and step through all of it (a person opens page after page).
      for (let k = 0; Date.now() < end; k++) {
        const kind = (c + k) % MIX.length;
        const i = c + k * clients;
        const url = MIX[kind]?.(i, mine[c % mine.length] ?? []) ?? '/api/meta';
        const t0 = performance.now();
        const res = await fetch(origin + url, { headers: { cookie: cookies[c % cookies.length] ?? '' } });
        const body = await res.text();
        times.push(performance.now() - t0);
        if (process.env.BENCH_DEBUG) byKind[kind]?.push(performance.now() - t0);
        if (res.status >= 400) {
          errors++;
          if (process.env.BENCH_DEBUG) console.error(res.status, url, body);
        }
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, -thinkMs * Math.log(uniform())));
      }
    }),
  );
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  if (process.env.BENCH_DEBUG)
    byKind.forEach((t, k) => {
      t.sort((a, b) => a - b);
      console.error(
        `${MIX[k]?.(0, [1])}: n ${t.length} p50 ${percentile(t, 0.5).toFixed(0)} p95 ${percentile(t, 0.95).toFixed(0)}`,
      );
    });
  return {
    name: `${label}: ${clients} signed-in clients, mixed requests for ${seconds} s, ${thinkMs > 0 ? `think time ${thinkMs / 1000} s (mean)` : 'back to back (capacity)'}`,
    value: `p50 ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms, ${times.length} requests, ${errors} errors; server RSS ${before} → peak ${peak} → ${rssMb(pid)} MB`,
    target,
  };
}

/**
 * `/api/health` every 20 ms for `seconds` while `heavy.length` clients each run one heavy request after another.
 */
export async function benchHealthUnderLoad(
  origin: string,
  label: string,
  heavy: string[],
  seconds: number,
): Promise<BenchRow> {
  const cookie = await signIn(origin);
  let stop = false;
  let heavyDone = 0;
  const runners = heavy.map(async (url) => {
    while (!stop) {
      await (await fetch(origin + url, { headers: { cookie } })).arrayBuffer();
      heavyDone++;
    }
  });
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const t0 = performance.now();
    await (await fetch(`${origin}/api/health`)).arrayBuffer();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  stop = true;
  await Promise.all(runners);
  times.sort((a, b) => a - b);
  return {
    name: `${label}: GET /api/health while ${heavy.length} heavy requests run (${heavyDone} of them in ${seconds} s)`,
    value: `p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms, max ${(times.at(-1) ?? NaN).toFixed(0)} ms (n = ${times.length})`,
    target: 'p99 < 100 ms',
  };
}
