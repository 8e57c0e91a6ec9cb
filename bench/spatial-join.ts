// Seeded benchmark of the ingest spatial join (points → mahalla): turf baseline vs the grid index, one core and two workers.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Flatbush from 'flatbush';
import { booleanPointInPolygon, featureCollection, feature, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { Delaunay } from 'd3-delaunay';
import { Rng } from '../data/generate/random.ts';
import { computeAdjacency } from '../server/geo/adjacency.ts';
import { flattenPolygons, type FlatPolygons } from '../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../server/geo/polygon-index.ts';
import { JoinPool } from '../server/geo/join-parallel.ts';

export interface BenchRow {
  name: string;
  value: string;
  target: string;
}

const SEED = 20240601;
/** Points the turf baseline runs on (it allocates per point and is ~100× slower). */
const BASELINE_POINTS = 50_000;

/** Seeded points over the polygons' extent: 80 % in a random polygon's bbox (dense where polygons are small, like people), 20 % anywhere. */
export function benchPoints(flat: FlatPolygons, n: number, seed = SEED): { lons: Float64Array; lats: Float64Array } {
  const rng = new Rng(seed);
  const b = flat.bbox;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let p = 0; p < flat.count; p++) {
    minX = Math.min(minX, b[4 * p]!); minY = Math.min(minY, b[4 * p + 1]!);
    maxX = Math.max(maxX, b[4 * p + 2]!); maxY = Math.max(maxY, b[4 * p + 3]!);
  }
  const lons = new Float64Array(new SharedArrayBuffer(8 * n));
  const lats = new Float64Array(new SharedArrayBuffer(8 * n));
  for (let i = 0; i < n; i++) {
    const p = rng.int(0, flat.count - 1);
    const local = rng.next() < 0.8;
    lons[i] = local ? rng.range(b[4 * p]!, b[4 * p + 2]!) : rng.range(minX, maxX);
    lats[i] = local ? rng.range(b[4 * p + 1]!, b[4 * p + 3]!) : rng.range(minY, maxY);
  }
  return { lons, lats };
}

/** Best-of-`runs` throughput of fn over n points, in points per second. */
async function rate(n: number, runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return (n / best) * 1000;
}

const mps = (v: number): string => `${(v / 1e6).toFixed(2)} M points/s`;

/**
 * Measures the join on the given polygons and `points` seeded points.
 *
 * @example
 * const rows = await benchSpatialJoin(mahallaGeometries, 1_000_000);
 * // [… { name: 'PolygonIndex.locateMany, 1 core (1000000 points)', value: '8.96 M points/s', target: '≥ 4 M points/s' }, …]
 */
export async function benchSpatialJoin(polys: Array<Polygon | MultiPolygon>, points: number): Promise<BenchRow[]> {
  const flat = flattenPolygons(polys);
  const { lons, lats } = benchPoints(flat, points);
  const rows: BenchRow[] = [
    { name: 'polygons (vertices each)', value: `${flat.count} (${(flat.coords.length / 2 / flat.count).toFixed(1)})`, target: '~9,400 (~40)' },
  ];

  let t = performance.now();
  const index = new PolygonIndex(flat);
  const d = index.data;
  rows.push({ name: 'grid index build', value: `${(performance.now() - t).toFixed(0)} ms (${d.nx}×${d.ny} cells)`, target: '< 1 s' });

  t = performance.now();
  const adjacency = computeAdjacency(flat);
  rows.push({ name: 'computeAdjacency (queen)', value: `${(performance.now() - t).toFixed(0)} ms (${adjacency.a.length} pairs)`, target: 'a few seconds' });

  // (a) Baseline: flatbush over polygon boxes + turf point-in-polygon on each candidate (first hit wins).
  const m = Math.min(points, BASELINE_POINTS);
  const boxes = new Flatbush(flat.count);
  for (let p = 0; p < flat.count; p++) boxes.add(flat.bbox[4 * p]!, flat.bbox[4 * p + 1]!, flat.bbox[4 * p + 2], flat.bbox[4 * p + 3]);
  boxes.finish();
  const turfOut = new Int32Array(m);
  const turfRate = await rate(m, 1, () => {
    for (let i = 0; i < m; i++) {
      const pt: Position = [lons[i]!, lats[i]!];
      const hits = boxes.search(pt[0]!, pt[1]!, pt[0]!, pt[1]!).sort((a, b) => a - b);
      turfOut[i] = hits.find((p) => booleanPointInPolygon(pt, polys[p]!, { ignoreBoundary: true })) ?? -1;
    }
  });
  rows.push({ name: `flatbush + turf booleanPointInPolygon (${m} points)`, value: mps(turfRate), target: 'baseline' });

  // (b) The grid index on one core.
  const out = new Int32Array(points);
  const single = await rate(points, 3, () => index.locateMany(lons, lats, out));
  let disagree = 0;
  for (let i = 0; i < m; i++) if (out[i] !== turfOut[i]) disagree++;
  rows.push({ name: `PolygonIndex.locateMany, 1 core (${points} points)`, value: mps(single), target: '≥ 4 M points/s' });
  rows.push({ name: 'disagreements with turf (boundary points only)', value: `${disagree} of ${m}`, target: '0 (or ~0)' });
  const oneByOne = await rate(points, 3, () => index.locateRange(lons, lats, out, 0, points));
  rows.push({ name: 'PolygonIndex.locateRange, 1 core, input order (no batching)', value: mps(oneByOne), target: 'for small batches' });

  // (c) Two workers over the shared grid; start-up reported apart from steady-state throughput.
  t = performance.now();
  const pool = await JoinPool.open(index, 2);
  const startMs = performance.now() - t;
  try {
    let parallelOut: Int32Array = new Int32Array(0);
    const parallel = await rate(points, 3, async () => (parallelOut = await pool.locate(lons, lats)));
    const same = parallelOut.every((v, i) => v === out[i]);
    rows.push({
      name: `JoinPool.locate, ${pool.size} workers (${points} points)`,
      value: `${mps(parallel)} (×${(parallel / single).toFixed(2)}${same ? '' : ', RESULTS DIFFER'})`,
      target: '≈ ×1.9 of 1 core',
    });
    rows.push({ name: 'worker pool start-up', value: `${startMs.toFixed(0)} ms`, target: 'once per ingest' });
  } finally {
    await pool.close();
  }
  return rows;
}

/** A wiggly shared border: k-1 points between a and b, computed from the endpoints in canonical order so both neighbours get identical vertices. */
function wiggle(a: Position, b: Position, k: number): Position[] {
  const flip = a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
  const [p, q] = flip ? [b, a] : [a, b];
  const dx = q[0]! - p[0]!, dy = q[1]! - p[1]!;
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
export function subdivideDistricts(districts: Array<Polygon | MultiPolygon>, perDistrict: number, seed = SEED): Array<Polygon | MultiPolygon> {
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
      const piece = intersect(featureCollection([feature<Polygon>({ type: 'Polygon', coordinates: [ring] }), feature(district)]));
      if (piece) out.push(piece.geometry);
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = new URL('../data/geo/uz_adm2_districts_ocha2018.geojson', import.meta.url);
  const districts = (JSON.parse(readFileSync(file, 'utf8')) as { features: Array<{ geometry: Polygon | MultiPolygon }> }).features.map((f) => f.geometry);
  const t = performance.now();
  const polys = subdivideDistricts(districts, 47);
  console.log(`subdivided ${districts.length} districts into ${polys.length} polygons in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  const rows = await benchSpatialJoin(polys, 1_000_000);
  console.log('| measure | value | target |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.value} | ${r.target} |`);
}
