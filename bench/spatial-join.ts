// Seeded benchmark of the ingest spatial join (points → mahalla): turf baseline vs the grid index, points in input
// order vs grouped in cache-sized batches, at 1 M and 10 M points; and the H3 work that keeps the second core busy.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Flatbush from 'flatbush';
import { booleanPointInPolygon, featureCollection, feature, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { Delaunay } from 'd3-delaunay';
import { Rng } from '../data/generate/random.ts';
import { computeAdjacency } from '../server/geo/adjacency.ts';
import { flattenPolygons, type FlatPolygons } from '../server/geo/flat-polygons.ts';
import { h3Halves } from '../server/geo/h3-bits.ts';
import { JOIN_BATCH, PolygonIndex } from '../server/geo/polygon-index.ts';

export interface BenchRow {
  name: string;
  value: string;
  target: string;
}

const SEED = 20240601;
/** Points the turf baseline runs on (it allocates per point and is ~100× slower). */
const BASELINE_POINTS = 50_000;
/** Runs per join measurement: the host is shared, so each row gives the best and the median. */
const RUNS = 5;

/** Seeded points over the polygons' extent: 80 % in a random polygon's bbox (dense where polygons are small, like people), 20 % anywhere. */
export function benchPoints(flat: FlatPolygons, n: number, seed = SEED): { lons: Float64Array; lats: Float64Array } {
  const rng = new Rng(seed);
  const b = flat.bbox;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let p = 0; p < flat.count; p++) {
    minX = Math.min(minX, b[4 * p]!);
    minY = Math.min(minY, b[4 * p + 1]!);
    maxX = Math.max(maxX, b[4 * p + 2]!);
    maxY = Math.max(maxY, b[4 * p + 3]!);
  }
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = rng.int(0, flat.count - 1);
    const local = rng.next() < 0.8;
    lons[i] = local ? rng.range(b[4 * p]!, b[4 * p + 2]!) : rng.range(minX, maxX);
    lats[i] = local ? rng.range(b[4 * p + 1]!, b[4 * p + 3]!) : rng.range(minY, maxY);
  }
  return { lons, lats };
}

/** Throughput of fn over n points in points per second: the best and the median of `runs` runs. */
function rates(n: number, runs: number, fn: () => unknown): { best: number; median: number } {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { best: (n / ms[0]!) * 1000, median: (n / ms[runs >> 1]!) * 1000 };
}

const mps = (v: number): string => `${(v / 1e6).toFixed(2)} M points/s`;
const bestMedian = (r: { best: number; median: number }): string =>
  `${mps(r.best)} (median ${(r.median / 1e6).toFixed(2)})`;
const count = (n: number): string =>
  n % 2 ** 20 === 0 ? `${n / 2 ** 20} Mi` : n % 1024 === 0 ? `${n / 1024} Ki` : `${n / 1e6} M`;

/** The join over `n` seeded points, in input order and in batches of each size (Infinity: one batch of all). */
function joinRows(
  index: PolygonIndex,
  flat: FlatPolygons,
  n: number,
  batches: number[],
  expected?: Int32Array,
): BenchRow[] {
  const { lons, lats } = benchPoints(flat, n);
  const out = new Int32Array(n);
  index.locateMany(lons, lats, out); // warm-up, and the answers every variant must give
  const want = expected ?? out.slice();
  const rows: BenchRow[] = [];
  const inOrder = rates(n, RUNS, () => index.locateRange(lons, lats, out, 0, n));
  rows.push({
    name: `join ${count(n)} points, 1 core, in input order`,
    value: bestMedian(inOrder),
    target: 'for small inputs',
  });
  for (const batch of batches) {
    const r = rates(n, RUNS, () => index.locateMany(lons, lats, out, batch));
    const same = out.every((v, i) => v === want[i]);
    const how = `${batch >= n ? 'one batch of all' : `batches of ${count(batch)}`}${batch === JOIN_BATCH ? ' (JOIN_BATCH)' : ''}`;
    rows.push({
      name: `join ${count(n)} points, 1 core, ${how}`,
      value: `${bestMedian(r)}${same ? '' : ', RESULTS DIFFER'}`,
      target: batch === JOIN_BATCH ? '≥ 4 M points/s' : '—',
    });
  }
  return rows;
}

/**
 * Measures the join on the given polygons at 1 M and 10 M seeded points (≈ 1 min, ≈ 0.5 GB).
 *
 * @example
 * const rows = benchSpatialJoin(mahallaGeometries);
 * // [… { name: 'join 10 M points, 1 core, batches of 1024 Ki (JOIN_BATCH)', value: '11.77 M points/s (median 9.37)', … }, …]
 */
export function benchSpatialJoin(polys: Array<Polygon | MultiPolygon>): BenchRow[] {
  const flat = flattenPolygons(polys);
  const rows: BenchRow[] = [
    {
      name: 'polygons (vertices each)',
      value: `${flat.count} (${(flat.coords.length / 2 / flat.count).toFixed(1)})`,
      target: '~9,400 (~40)',
    },
  ];

  let t = performance.now();
  const index = new PolygonIndex(flat);
  const d = index.data;
  rows.push({
    name: 'grid index build',
    value: `${(performance.now() - t).toFixed(0)} ms (${d.nx}×${d.ny} cells)`,
    target: '< 1 s',
  });

  t = performance.now();
  const adjacency = computeAdjacency(flat);
  rows.push({
    name: 'computeAdjacency (queen)',
    value: `${(performance.now() - t).toFixed(0)} ms (${adjacency.a.length} pairs)`,
    target: 'a few seconds',
  });

  // Baseline: flatbush over polygon boxes + turf point-in-polygon on each candidate (first hit wins).
  const { lons, lats } = benchPoints(flat, BASELINE_POINTS);
  const boxes = new Flatbush(flat.count);
  for (let p = 0; p < flat.count; p++)
    boxes.add(flat.bbox[4 * p]!, flat.bbox[4 * p + 1]!, flat.bbox[4 * p + 2], flat.bbox[4 * p + 3]);
  boxes.finish();
  const turfOut = new Int32Array(BASELINE_POINTS);
  const turf = rates(BASELINE_POINTS, 1, () => {
    for (let i = 0; i < BASELINE_POINTS; i++) {
      const pt: Position = [lons[i]!, lats[i]!];
      const hits = boxes.search(pt[0]!, pt[1]!, pt[0]!, pt[1]!).sort((a, b) => a - b);
      turfOut[i] = hits.find((p) => booleanPointInPolygon(pt, polys[p]!, { ignoreBoundary: true })) ?? -1;
    }
  });
  rows.push({
    name: `flatbush + turf booleanPointInPolygon (${BASELINE_POINTS} points)`,
    value: mps(turf.best),
    target: 'baseline',
  });
  const ours = index.locateMany(lons, lats);
  const disagree = ours.reduce((k, v, i) => k + (v === turfOut[i] ? 0 : 1), 0);
  rows.push({
    name: 'disagreements with turf (boundary points only)',
    value: `${disagree} of ${BASELINE_POINTS}`,
    target: '0 (or ~0)',
  });

  // At 1 M the default batch is the whole input; at 10 M one batch of all leaves the cache, and JOIN_BATCH is the best size.
  rows.push(...joinRows(index, flat, 1_000_000, [JOIN_BATCH]));
  rows.push(...joinRows(index, flat, 10_000_000, [256 * 1024, JOIN_BATCH, 4 * JOIN_BATCH, Infinity]));

  // At ingest the second core computes each point's H3 cell (data/load.ts, server/geo/h3-pool.ts), ≈ 15× the join's work.
  const h3 = rates(BASELINE_POINTS, 3, () => h3Halves(lons, lats));
  rows.push({
    name: `h3-js cell per point (${BASELINE_POINTS} points; the H3 worker's work at ingest)`,
    value: `${(1e6 / h3.best).toFixed(2)} µs a point`,
    target: '≈ 1.4 µs',
  });
  return rows;
}

/** A wiggly shared border: k-1 points between a and b, computed from the endpoints in canonical order so both neighbours get identical vertices. */
function wiggle(a: Position, b: Position, k: number): Position[] {
  const flip = a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
  const [p, q] = flip ? [b, a] : [a, b];
  const dx = q[0]! - p[0]!,
    dy = q[1]! - p[1]!;
  const rng = new Rng(Math.floor((p[0]! * 7919 + p[1]! * 104729 + q[0]! * 1299709 + q[1]! * 15485863) * 1e6) >>> 0);
  const mid: Position[] = [];
  for (let s = 1; s < k; s++) {
    const off = (rng.next() - 0.5) * 0.15;
    mid.push([p[0]! + (dx * s) / k - dy * off, p[1]! + (dy * s) / k + dx * off]);
  }
  return flip ? mid.reverse() : mid;
}

/**
 * Stand-in for the national mahalla layer until it exists: each district cut into `perDistrict` seeded Voronoi cells
 * with wiggly borders (~40 vertices each), clipped to the district.
 */
export function subdivideDistricts(
  districts: Array<Polygon | MultiPolygon>,
  perDistrict: number,
  seed = SEED,
): Array<Polygon | MultiPolygon> {
  const rng = new Rng(seed);
  const out: Array<Polygon | MultiPolygon> = [];
  for (const district of districts) {
    const [x0, y0, x1, y1] = flattenPolygons([district]).bbox as unknown as [number, number, number, number];
    const seeds: number[] = [];
    for (let tries = 0; seeds.length < 2 * perDistrict && tries < 1000 * perDistrict; tries++) {
      const s: Position = [rng.range(x0, x1), rng.range(y0, y1)];
      if (booleanPointInPolygon(s, district)) seeds.push(s[0]!, s[1]!);
    }
    const voronoi = new Delaunay(Float64Array.from(seeds)).voronoi([x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01]);
    for (let i = 0; i < seeds.length / 2; i++) {
      const cell = voronoi.cellPolygon(i) as Position[] | null;
      if (!cell) continue;
      const ring: Position[] = cell.slice(0, -1).flatMap((a, j) => [a, ...wiggle(a, cell[j + 1]!, 9)]);
      ring.push(ring[0]!);
      const piece = intersect(
        featureCollection([feature<Polygon>({ type: 'Polygon', coordinates: [ring] }), feature(district)]),
      );
      if (piece) out.push(piece.geometry);
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = new URL('../data/geo/uz_adm2_districts_ocha2018.geojson', import.meta.url);
  const districts = (
    JSON.parse(readFileSync(file, 'utf8')) as { features: Array<{ geometry: Polygon | MultiPolygon }> }
  ).features.map((f) => f.geometry);
  const t = performance.now();
  const polys = subdivideDistricts(districts, 47);
  console.log(
    `subdivided ${districts.length} districts into ${polys.length} polygons in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );
  const rows = benchSpatialJoin(polys);
  console.log('| measure | value | target |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.target} |`);
}
