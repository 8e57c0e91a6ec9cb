// Benchmark rows for GET /api/hotspots/scan (Kulldorff's Poisson scan, 999 draws on the statistics worker) over HTTP:
// the first request (circles built, worker started) and steady state over 90-day windows, city and country; and the
// scan's calibration and power on the city's mahallas, in process.
import { Rng } from '../server/shared/random.ts';
import { openDb } from '../server/db/database.ts';
import { SCAN_SERVICE } from '../server/services/hotspots/scan.ts';
import { clusterMembers, spatialScan } from '../server/stats/scan.ts';
import { multinomialInto, multinomialPrep } from '../server/stats/scan-null.ts';
import { circularWindows, projectKm } from '../server/stats/scan-windows.ts';
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
    // The space-time scan walks every circle once per week back (4): the country's would take a minute.
    ...(national
      ? []
      : [
          {
            name: `emerging clusters (space-time scan, last 1–4 weeks), ${label}, 999 draws, over HTTP, 90 days`,
            value: fmt(await measure(origin, (i) => `${url(i)}&kind=emerging`, 10, 1)),
            target: '< 2 s',
          },
        ]),
  ];
}

/** Null maps and planted clusters per row: enough for ± 1.5 points at 5 %, and a bench that ends in a minute. */
const RUNS = 200;

/**
 * Calibration and power of the scan on the city's own mahallas (residents, centroids, circles of up to 10 %), in
 * process: the share of maps drawn under constant risk whose most likely cluster has p ≤ 0.05 (exactly 5 % in theory:
 * rank 1–5 of 100 exchangeable maxima), and
 * how often a planted cluster (a mahalla and its 4 nearest, at 1.5× or 2× risk) is found: the most likely cluster,
 * p < 0.05, holding at least 3 of the 5. 99 draws per map (the p-value's rank is exact at any number of draws).
 * @example rows.push(...(await benchScanCalibration('data/hamkor.duckdb')));
 */
export async function benchScanCalibration(dbFile: string): Promise<BenchRow[]> {
  const db = await openDb(dbFile, { readOnly: true });
  const c = await db.columns<{ lon: number; lat: number; pop: number }>(
    'SELECT centroid_lon AS lon, centroid_lat AS lat, population AS pop FROM mahallas ORDER BY id',
  );
  db.close();
  const { x, y } = projectKm(Float64Array.from(c.lon), Float64Array.from(c.lat));
  const pop = Float64Array.from(c.pop);
  const w = circularWindows(x, y, pop, SCAN_SERVICE.maxShare);
  if (!w) return [];
  const rows: BenchRow[] = [];
  const counts = new Int32Array(pop.length);
  const mostLikely = (seed: number) => spatialScan(counts, pop, w, { draws: 99, seed, maxClusters: 1 }).clusters[0];
  for (const records of [258, 3000, 30_000]) {
    const rng = new Rng(records);
    const prep = multinomialPrep(records, pop);
    let hits = 0;
    for (let k = 0; k < RUNS; k++) {
      multinomialInto(counts, prep, rng);
      if ((mostLikely(k + 1)?.p ?? 1) <= 0.05) hits++;
    }
    rows.push({
      name: `scan calibration, city: null maps (${records} records by residents) with a cluster at p ≤ 0.05`,
      value: `${hits} of ${RUNS} (${((100 * hits) / RUNS).toFixed(1)} %)`,
      target: '5 % (± 3)',
    });
  }
  for (const [records, risk] of [
    [30_000, 1.5],
    [30_000, 2],
    [3000, 2],
    [258, 2],
  ] as const) {
    const rng = new Rng(records * 10 + risk);
    let found = 0;
    for (let k = 0; k < RUNS; k++) {
      const centre = Math.floor(rng.next() * w.n);
      const planted = Array.from(w.members.subarray(w.offsets[centre], w.offsets[centre]! + 5));
      multinomialInto(
        counts,
        multinomialPrep(
          records,
          pop.map((p, i) => (planted.includes(i) ? p * risk : p)),
        ),
        rng,
      );
      const top = mostLikely(k + 1);
      const members = top ? Array.from(clusterMembers(w, top)) : [];
      if (top && top.p < 0.05 && planted.filter((i) => members.includes(i)).length >= 3) found++;
    }
    rows.push({
      name: `scan power, city: 5 planted mahallas at ${risk}× risk among ${records} records, found`,
      value: `${found} of ${RUNS} (${((100 * found) / RUNS).toFixed(0)} %)`,
      target: '—',
    });
  }
  return rows;
}
