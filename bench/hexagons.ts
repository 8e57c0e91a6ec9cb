// Benchmark rows for GET /api/hexagons (H3 counts + the exact k-ring hot-spot test): the city at resolution 8 and the
// country at resolution 7.
import type { BenchRow } from './spatial-join.ts';
import { benchFetch, measure, window90, type Latency } from './http.ts';

/** Which resolution each extent is measured at: the finest the country allows, and a city-wide zoom. */
const RES: Record<string, number> = { national: 7, city: 8 };

/**
 * First request (study area and k-ring weights built, then cached) and steady-state latency over 90-day windows.
 * @example rows.push(...(await benchHexagons(origin, 'city', fmt)));
 */
export async function benchHexagons(origin: string, label: string, fmt: (l: Latency) => string): Promise<BenchRow[]> {
  const res = RES[label] ?? 7;
  const url = (i: number): string => `/api/hexagons?${window90(i)}&res=${res}`;
  const t0 = performance.now();
  const first = await benchFetch(origin + url(0));
  const body = (await first.json()) as { counts?: { units: number } };
  const firstMs = performance.now() - t0;
  const name = `${label}: GET /api/hexagons (H3 res ${res}, calibrated: exact k-ring test, FDR), 90 days`;
  if (!first.ok)
    return [
      { name, value: `skipped: ${first.status} (a database built before H3 cells: delete it to rebuild)`, target: '—' },
    ];
  return [
    {
      name: `${name}, first request (study area of ${body.counts?.units ?? '?'} cells)`,
      value: `${firstMs.toFixed(0)} ms`,
      target: '—',
    },
    { name, value: fmt(await measure(origin, url, 30, 5)), target: '—' },
  ];
}
