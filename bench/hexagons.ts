// Benchmark rows for GET /api/hexagons (H3 counts + the exact k-ring hot-spot test): the city at resolution 8 and the
// country at resolution 7, as JSON; and /api/hexagons/columns (what the web asks for) at each resolution a map of the
// extent draws, the first ask of each included (on a warmed server the study areas are kept before it).
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
    ...(await benchHexagonColumns(origin, label, fmt)),
  ];
}

/** The resolutions the web's hexagon view asks for at the extent's zooms (web/map/hex-resolution.ts). */
const COLUMN_RES: Record<string, number[]> = { national: [5, 6, 7], city: [7, 8, 9] };

/** First ask and steady latency of the packed answer at each resolution the view draws, 90-day windows. */
async function benchHexagonColumns(origin: string, label: string, fmt: (l: Latency) => string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const res of COLUMN_RES[label] ?? [7]) {
    const url = (i: number): string => `/api/hexagons/columns?${window90(i + 1)}&res=${res}`;
    const t0 = performance.now();
    await (await benchFetch(origin + url(0))).arrayBuffer();
    const name = `${label}: GET /api/hexagons/columns (packed, H3 res ${res}), 90 days`;
    rows.push({ name: `${name}, first request`, value: `${(performance.now() - t0).toFixed(0)} ms`, target: '—' });
    rows.push({ name, value: fmt(await measure(origin, url, 30, 5)), target: 'p50 < 300 ms, p95 < 600 ms' });
  }
  return rows;
}
