// Benchmark rows for GET /api/hotspots/scan (Kulldorff's Poisson scan, 999 draws on the statistics worker) over HTTP:
// the first request (circles built, worker started) and steady state over 90-day windows, city and country.
import type { BenchRow } from './spatial-join.ts';
import { benchFetch, measure, window90, type Latency } from './http.ts';

interface ScanBody {
  params?: { windows: { maxShare: number; circles: number }; inference: { draws: number } };
  clusters?: Array<{ p: number }>;
}

/**
 * @example rows.push(...(await benchScan(origin, 'city', fmt)));
 */
export async function benchScan(origin: string, label: string, fmt: (l: Latency) => string): Promise<BenchRow[]> {
  const url = (i: number): string => `/api/hotspots/scan?${window90(i)}`;
  const t0 = performance.now();
  const first = await benchFetch(origin + url(0));
  const body = (await first.json()) as ScanBody;
  const firstMs = performance.now() - t0;
  const w = body.params?.windows;
  const what = w
    ? `${body.params?.inference.draws} draws, circles up to ${w.maxShare * 100} % of residents (${w.circles} circles), ` +
      `${body.clusters?.filter((c) => c.p < 0.05).length ?? 0} clusters at p < 0.05`
    : `answered ${first.status}`;
  const national = label === 'national';
  return [
    { name: `scan statistic, ${label}, first request (${what})`, value: `${firstMs.toFixed(0)} ms`, target: '—' },
    {
      name: `scan statistic, ${label}, 999 draws, over HTTP, 90 days`,
      value: fmt(await measure(origin, url, national ? 3 : 10, 1)),
      target: national ? '—' : '< 2 s',
    },
  ];
}
