// Latency of the inspector-coverage and applications-flow endpoints (issue 4, parts 2 and 3) over HTTP.
import type { BenchRow } from './spatial-join.ts';
import { benchFetch, measure, window90, type Latency } from './http.ts';

/** Targets of issue 4: median under 50 ms on the city demo, under 150 ms on the national set. */
const target = (label: string): string => (label === 'national' ? 'p50 < 150 ms' : 'p50 < 50 ms');

/** One row per endpoint against a running server; `fmt` is the table's latency format. */
export async function benchCoverage(origin: string, label: string, fmt: (l: Latency) => string): Promise<BenchRow[]> {
  const meta = (await (await benchFetch(`${origin}/api/meta`)).json()) as {
    districts: Array<{ soato: string }>;
    counts: { inspectors: number };
  };
  const districts = meta.districts.map((d) => d.soato);
  const district = (i: number): string => districts[(i * 7) % districts.length] ?? '';
  const inspector = (i: number): number => 1 + ((i * 37) % meta.counts.inspectors);
  const row = async (name: string, url: (i: number) => string, n = 40, warmup = 10): Promise<BenchRow> => ({
    name: `${label}: ${name}`,
    value: fmt(await measure(origin, url, n, warmup)),
    target: target(label),
  });
  return [
    await row('GET /api/coverage, 90 days, every inspector', (i) => `/api/coverage?${window90(i)}`),
    await row(
      'GET /api/coverage, 90 days, one district',
      (i) => `/api/coverage?${window90(i)}&district=${district(i)}`,
    ),
    await row('GET /api/coverage/outlines (dissolved, cached)', () => '/api/coverage/outlines', 20, 1),
    await row('GET /api/inspectors/:id card, 90 days', (i) => `/api/inspectors/${inspector(i)}?${window90(i)}`),
    await row('GET /api/applications/flow, 90 days, whole database', (i) => `/api/applications/flow?${window90(i)}`),
    await row(
      'GET /api/applications/flow, 90 days, one district',
      (i) => `/api/applications/flow?${window90(i)}&district=${district(i)}`,
    ),
    await row('GET /api/applications/flow/mahallas, 90 days', (i) => `/api/applications/flow/mahallas?${window90(i)}`),
  ];
}
