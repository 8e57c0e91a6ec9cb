// `npx tsx bench/emerging.ts [db] [port]`: national emerging hot spots over 3 years (issue 15), each case on a server of
// its own: the first ask with the cache left cold (HAMKOR_WARM=0), the first ask once the background warm-up has had
// its time, and asks with other filters (never kept: the statistics computed anew, the cold number).
import { setTimeout as sleep } from 'node:timers/promises';
import { measure, withServer, type Latency } from './http.ts';
import type { BenchRow } from './spatial-join.ts';
import { INCIDENT_CATEGORIES } from '../server/contract/catalog.ts';

const YEARS = '/api/emerging?from=2023-11-01&to=2026-10-31';
const fmt = (l: Latency): string => `p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms (n = ${l.n})`;
const allBut = (i: number): string =>
  INCIDENT_CATEGORIES.filter((_, k) => k !== i % INCIDENT_CATEGORIES.length).join(',');

/** The three cases; `settle` is how long the warm-up is given after start (it runs beside nothing else). */
export async function benchEmerging(db: string, port: number, settle = 15_000): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const prior = process.env.HAMKOR_WARM;
  try {
    process.env.HAMKOR_WARM = '0';
    await withServer(db, port, async (origin) => {
      rows.push({
        name: 'national emerging, 3 years: first ask, cache cold',
        value: fmt(await measure(origin, () => YEARS, 1, 0)),
        target: '< 300 ms',
      });
      rows.push({
        name: 'national emerging, 3 years: other filters each ask (computed anew)',
        value: fmt(await measure(origin, (i) => `${YEARS}&categories=${allBut(i)}`, 6, 0)),
        target: '—',
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
