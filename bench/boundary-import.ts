// `npm run bench -- --only=boundaries`: a national boundary re-import (9,400 mahallas, 10 M incidents, 4 M
// applications) timed phase by phase on a copy of the national database; each scenario runs in its own process so
// its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'geojson';
import { Rng } from '../data/generate/random.ts';
import { readBoundaryFile } from '../data/import/boundaries/read.ts';
import { checkTopology } from '../data/import/boundaries/topology.ts';
import { LEVELS, validateBoundaries } from '../data/import/boundaries/validate.ts';
import { replaceMahallas } from '../data/import/boundaries/versions.ts';
import { openDb } from '../server/db/database.ts';
import { cutEdges, mapShape, type Shape } from './densify.ts';
import type { BenchRow } from './spatial-join.ts';

interface Mahalla {
  code: string;
  name: string;
  district: string;
  population: number;
  geometry: Shape;
}

const SEED = 20261202;
/** Mahallas whose shared borders the re-import moves (one shared vertex each). */
const MOVED = 300;
/** Pieces each edge is cut into for the densified variant (~8 vertices a mahalla → ~54, as cadastral layers have). */
const DENSIFY = 7;

const key = (p: Position): string => `${p[0]},${p[1]}`;
const rings = (g: Shape): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** Cuts every edge into `k` pieces (shared borders stay shared). */
const densify = (g: Shape, k: number): Shape => mapShape(g, (ring) => cutEdges(ring, k));

/**
 * Moves one vertex shared by two or more mahallas in each of `n` seeded mahallas, by up to 15 % of its shortest edge,
 * in every mahalla that has it: the border moves and stays shared (no gap, no overlap).
 */
function perturb(ms: Mahalla[], n: number, seed = SEED): Mahalla[] {
  const users = new Map<string, Set<number>>();
  const shortest = new Map<string, number>();
  ms.forEach((m, i) => {
    for (const ring of rings(m.geometry))
      for (let j = 0; j + 1 < ring.length; j++) {
        const a = ring[j]!;
        const b = ring[j + 1]!;
        const d = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
        for (const p of [a, b]) {
          const k = key(p);
          (users.get(k) ?? users.set(k, new Set()).get(k)!).add(i);
          shortest.set(k, Math.min(shortest.get(k) ?? Infinity, d));
        }
      }
  });
  const rng = new Rng(seed);
  const moved = new Map<string, Position>();
  for (let tries = 0; moved.size < n && tries < 100 * n; tries++) {
    const m = ms[rng.int(0, ms.length - 1)]!;
    const ring = rings(m.geometry)[0]!;
    const p = ring[rng.int(0, ring.length - 2)]!;
    const k = key(p);
    if ((users.get(k)?.size ?? 0) < 2 || moved.has(k)) continue;
    const r = 0.15 * (shortest.get(k) ?? 0) * rng.next();
    const t = rng.range(0, 2 * Math.PI);
    moved.set(k, [p[0]! + r * Math.cos(t), p[1]! + r * Math.sin(t)]);
  }
  return ms.map((m) => ({ ...m, geometry: mapShape(m.geometry, (ring) => ring.map((p) => moved.get(key(p)) ?? p)) }));
}

function writeCollection(path: string, ms: Mahalla[]): void {
  const features = ms.map(({ geometry, ...props }) => ({ type: 'Feature', properties: props, geometry }));
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
}

async function exportMahallas(db: string): Promise<Mahalla[]> {
  const d = await openDb(db, { readOnly: true });
  try {
    const rows = await d.all<{ code: string; name: string; district: string; population: number; g: string }>(
      'SELECT code, name, district_soato AS district, population, geometry AS g FROM mahallas ORDER BY id',
    );
    return rows.map((r) => ({ ...r, geometry: JSON.parse(r.g) as Shape }));
  } finally {
    d.close();
  }
}

/** One scenario's numbers, printed by the child process as a JSON line. */
interface Outcome {
  phases: Record<string, number>;
  features: number;
  vertices: number;
  moved: { incidents: number; applications: number; base_points: number };
  problems: number;
  issues: number;
  peakRssMb: number;
}

/** Imports `files` one after the other into `db` (the last one timed) and prints its phases. */
async function child(db: string, files: string[]): Promise<void> {
  let out: Outcome | undefined;
  for (const file of files) {
    const phases: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      phases[name] = (phases[name] ?? 0) + (now - t) / 1000;
      t = now;
    };
    const bf = await readBoundaryFile(file);
    lap('read');
    const d = await openDb(db);
    try {
      const districts = new Set((await d.all<{ s: string }>('SELECT soato AS s FROM districts')).map((r) => r.s));
      lap('read');
      const { items, problems } = validateBoundaries(bf, LEVELS.mahallas, {}, districts);
      lap('validate');
      const topo = checkTopology(items.map((m) => m.geometry));
      lap('topology');
      const r = await replaceMahallas(d, items, { file, sha256: 'bench', onPhase: lap });
      const vertices = items.reduce((a, m) => a + rings(m.geometry).reduce((b, ring) => b + ring.length - 1, 0), 0);
      out = {
        phases,
        features: items.length,
        vertices,
        moved: r.moved,
        problems: problems.length,
        issues: topo.issues.length + topo.snapped.length,
        peakRssMb: 0,
      };
    } finally {
      d.close();
    }
  }
  if (out) out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(out));
}

function runChild(db: string, files: string[]): Outcome {
  const line =
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/boundary-import.ts', db, ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop() ?? '{}';
  return JSON.parse(line) as Outcome;
}

function row(name: string, o: Outcome): BenchRow {
  const total = Object.values(o.phases).reduce((a, s) => a + s, 0);
  const phases = Object.entries(o.phases)
    .map(([k, s]) => `${k} ${s.toFixed(1)}`)
    .join(', ');
  const moved = o.moved.incidents + o.moved.applications + o.moved.base_points;
  return {
    name: `boundary re-import: ${name} (${o.features} mahallas, ${(o.vertices / o.features).toFixed(0)} vertices each)`,
    value:
      `${total.toFixed(1)} s (${phases}), ${moved.toLocaleString('en-US')} records changed mahalla, ` +
      `peak ${o.peakRssMb} MB${o.problems + o.issues > 0 ? `, ${o.problems} problems, ${o.issues} topology findings` : ''}`,
    target: '< 30 s',
  };
}

/** Writes the three boundary files of the scenarios into `dir` and returns their paths. */
export async function writeScenarioFiles(
  national: string,
  dir: string,
): Promise<{ moved: string; dense: string; both: string }> {
  const ms = await exportMahallas(national);
  const dense = ms.map((m) => ({ ...m, geometry: densify(m.geometry, DENSIFY) }));
  const files = {
    moved: join(dir, 'moved.geojson'),
    dense: join(dir, 'dense.geojson'),
    both: join(dir, 'both.geojson'),
  };
  writeCollection(files.moved, perturb(ms, MOVED));
  writeCollection(files.dense, dense);
  writeCollection(files.both, perturb(dense, MOVED));
  return files;
}

/**
 * Times three re-imports on copies of the national database: a few hundred shared borders moved; every border
 * densified to ~50 vertices a mahalla (every polygon changes, every record is placed again); and the densified layer
 * with moved borders on top of the densified one.
 * @example const rows = await benchBoundaryImport('data/hamkor-national.duckdb', log);
 */
export async function benchBoundaryImport(national: string, log: (s: string) => void): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hamkor-bench-boundaries-'));
  try {
    log('boundary import: exporting the national mahallas…');
    const files = await writeScenarioFiles(national, dir);
    const db = join(dir, 'national.duckdb');
    const rows: BenchRow[] = [];
    const scenario = (name: string, imports: string[]): void => {
      log(`boundary import: ${name}…`);
      copyFileSync(national, db);
      rows.push(row(name, runChild(db, imports)));
      rmSync(`${db}.wal`, { force: true });
    };
    scenario(`${MOVED} shared borders moved`, [files.moved]);
    scenario('every border densified (all polygons change)', [files.dense]);
    scenario(`densified, then ${MOVED} borders moved`, [files.dense, files.both]);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [db, ...files] = process.argv.slice(2);
  if (!db || files.length === 0) throw new Error('usage: bench/boundary-import.ts <db> <file.geojson>…');
  await child(db, files);
}
