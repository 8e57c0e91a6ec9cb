// `npx tsx bench/emerging.ts [db] [port]`: national emerging hot spots over 3 years (issue 15), each case on a server of
// its own: the first ask with the cache left cold (HAMKOR_WARM=0), the first ask once the background warm-up has had
// its time, and asks with other filters (never kept: the statistics computed anew, the cold number). Beside the
// latencies, the server's CPU time per ask (all its threads), which a busy host stretches far less than the wall
// clock, and the load average while the bench ran: on a shared 2-core host the wall clock alone says little.
import { cpuMs } from './cpu.ts';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { measure, withServer, type Latency } from './http.ts';
import type { BenchRow } from './spatial-join.ts';
import { INCIDENT_CATEGORIES } from '../server/contract/catalog.ts';

const YEARS = '/api/emerging?from=2023-11-01&to=2026-10-31';
const fmt = (l: Latency): string => `p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms (n = ${l.n})`;
const allBut = (i: number): string =>
  INCIDENT_CATEGORIES.filter((_, k) => k !== i % INCIDENT_CATEGORIES.length).join(',');

/** The latency of asks, and the server's CPU per ask over them. */
async function measureWithCpu(
  origin: string,
  pid: number,
  urls: (i: number) => string,
  n: number,
): Promise<{ latency: Latency; cpu: number }> {
  const before = cpuMs(pid);
  const latency = await measure(origin, urls, n, 0);
  return { latency, cpu: (cpuMs(pid) - before) / n };
}

/** The three cases; `settle` is how long the warm-up is given after start (it runs beside nothing else). */
export async function benchEmerging(db: string, port: number, settle = 15_000): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const prior = process.env.HAMKOR_WARM;
  try {
    const load0 = loadavg()[0]!;
    process.env.HAMKOR_WARM = '0';
    await withServer(db, port, async (origin, pid) => {
      // The statistics workers start with the server whatever HAMKOR_WARM says: given their ≈ 1 s here.
      await sleep(Math.min(settle, 2_000));
      const cold = await measureWithCpu(origin, pid, () => YEARS, 1);
      rows.push({
        name: 'national emerging, 3 years: first ask 2 s after start, caches cold (HAMKOR_WARM=0)',
        value: `${fmt(cold.latency)}; server CPU ${cold.cpu.toFixed(0)} ms`,
        target: '< 300 ms',
      });
      const other = await measureWithCpu(origin, pid, (i) => `${YEARS}&categories=${allBut(i)}`, 6);
      rows.push({
        name: 'national emerging, 3 years: other filters each ask (computed anew)',
        value: `${fmt(other.latency)}; server CPU ${other.cpu.toFixed(0)} ms an ask (all threads)`,
        target: '< 300 ms',
      });
    });
    process.env.HAMKOR_WARM = '1';
    await withServer(db, port, async (origin) => {
      await sleep(settle);
      rows.push({
        name: `national emerging, 3 years: first ask, ${settle / 1000} s after start (warmed in the background)`,
        value: fmt(await measure(origin, () => YEARS, 1, 0)),
        target: '< 300 ms',
      });
      rows.push({
        name: 'national emerging, 3 years: asked again (kept)',
        value: fmt(await measure(origin, () => YEARS, 5, 0)),
        target: '< 300 ms',
      });
    });
    rows.push({
      name: 'national emerging: load average (1 min) at the start and the end of these rows',
      value: `${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (${availableParallelism()} cores)`,
      target: '—',
    });
  } finally {
    if (prior === undefined) delete process.env.HAMKOR_WARM;
    else process.env.HAMKOR_WARM = prior;
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchEmerging(process.argv[2] ?? 'data/hamkor-national.duckdb', Number(process.argv[3] ?? 18_083));
  for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.target} |`);
}
