// `npm run bench -- --only=tiles`: the mahalla vector tiles at national scale with detailed borders. Every border of
// a copy of the national database is cut into ≈ 50 vertices a mahalla with a deterministic wiggle (a straight densified
// edge would simplify back to its ends), shared points alike on both sides; the tiles are cut and stored as the server
// does, then requested over HTTP in a mix of national, regional and city zooms.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { openDb } from '../server/db/database.ts';
import { buildTiles } from '../server/tiles/build.ts';
import { boundaryFingerprint, gzTile, storeTiles, tileInput, type TileInput } from '../server/tiles/store.ts';
import { Rng } from '../data/generate/random.ts';
import { benchFetch, measure, withServer } from './http.ts';
import { cutEdges, mapShape, type Shape } from './densify.ts';
import type { BenchRow } from './spatial-join.ts';

/** Pieces each edge is cut into: the national demo's ≈ 7 vertices a mahalla become ≈ 50. */
const PIECES = 7;

/** A number in [-1, 1) from a point's coordinates: both neighbours of a shared edge wiggle it alike. */
function wiggle(x: number, y: number): number {
  let h = Math.imul(Math.round(x * 1e7) | 0, 0x9e3779b1) ^ Math.imul(Math.round(y * 1e7) | 0, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return ((h ^ (h >>> 13)) >>> 0) / 2 ** 31 - 1;
}

/** Cuts each edge into PIECES, moving inner points across the edge by up to 8 % of it (shared stays shared). */
const detail = (ring: Position[]): Position[] =>
  cutEdges(ring, PIECES, (x, y, dx, dy) => {
    const w = 0.08 * wiggle(x, y);
    return [x - dy * w, y + dx * w];
  });

const detailed = (g: Shape): Shape => mapShape(g, detail);

const vertices = (fc: TileInput['mahallas']): number =>
  fc.features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);

/** Zoom shares of the request mix: a national user looks at the country, then regions, then districts and streets. */
const MIX: Array<[zoom: number, share: number]> = [
  [5, 0.08],
  [6, 0.12],
  [7, 0.1],
  [8, 0.15],
  [9, 0.15],
  [10, 0.15],
  [11, 0.13],
  [12, 0.12],
];

/**
 * Tile build time (and size) for the detailed national boundaries, and tile request latency over HTTP.
 * @example rows.push(...(await benchTiles('data/hamkor-national.duckdb', 18_095, log)));
 */
export async function benchTiles(national: string, port: number, log: (s: string) => void): Promise<BenchRow[]> {
  const copy = join(tmpdir(), `hamkor-bench-tiles-${process.pid}.duckdb`);
  copyFileSync(national, copy);
  if (existsSync(`${national}.wal`)) copyFileSync(`${national}.wal`, `${copy}.wal`);
  try {
    const db = await openDb(copy);
    const input = await tileInput(db);
    const fine: TileInput['mahallas'] = {
      ...input.mahallas,
      features: input.mahallas.features.map((f) => ({ ...f, geometry: detailed(f.geometry) })),
    };
    const perMahalla = vertices(fine) / fine.features.length;
    log(`tiles: ${fine.features.length} mahallas, ${perMahalla.toFixed(0)} vertices each; writing them…`);
    // The detailed borders become the copy's boundaries, so the server's fingerprint matches the tiles stored below.
    const con = await db.connect();
    await con.run('CREATE TABLE fine (id INTEGER, g VARCHAR)');
    const ap = await con.createAppender('fine');
    for (const f of fine.features) {
      ap.appendInteger(f.properties.id);
      ap.appendVarchar(JSON.stringify(f.geometry));
      ap.endRow();
    }
    ap.closeSync();
    await con.run('UPDATE mahallas SET geometry = fine.g FROM fine WHERE fine.id = mahallas.id');
    await con.run('DROP TABLE fine');
    con.closeSync();
    log('tiles: cutting…');
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const tiles = [...buildTiles(fine, {}, input.outlines)].map(gzTile);
    const seconds = (performance.now() - t0) / 1000;
    const peak = Math.round((process.memoryUsage().rss - rss0) / 2 ** 20);
    const bytes = tiles.reduce((n, t) => n + t.data.byteLength, 0);
    await storeTiles(db, tiles, await boundaryFingerprint(db));
    db.close();

    // A fixed, seeded request mix over tiles that exist (empty ones answer 204 from a map lookup: not the hard case).
    const rng = new Rng(20261202);
    const byZoom = new Map<number, string[]>();
    for (const t of tiles) (byZoom.get(t.z) ?? byZoom.set(t.z, []).get(t.z)!).push(`${t.z}/${t.x}/${t.y}`);
    const keys: string[] = [];
    for (const [z, share] of MIX) {
      const at = byZoom.get(z) ?? [];
      for (let i = 0; i < Math.round(share * 1000) && at.length > 0; i++) keys.push(at[rng.int(0, at.length - 1)]!);
    }
    for (let i = keys.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    }
    log('tiles: requests…');
    const lat = await withServer(copy, port, async (origin) => {
      const res = await benchFetch(`${origin}/api/tiles/mahallas.json`);
      const { fingerprint: fp } = (await res.json()) as { fingerprint: string };
      return measure(origin, (i) => `/api/tiles/mahallas/${fp}/${keys[i % keys.length]}.pbf`, keys.length, 100);
    });
    const sizes = tiles.map((t) => t.data.byteLength).sort((a, b) => a - b);
    return [
      {
        name: `tile build, national detailed boundaries (${fine.features.length.toLocaleString('en-US')} mahallas, ${perMahalla.toFixed(0)} vertices each, zooms 4–12)`,
        value: `${seconds.toFixed(1)} s, ${tiles.length.toLocaleString('en-US')} tiles, ${(bytes / 2 ** 20).toFixed(1)} MB gzipped (largest ${(sizes.at(-1)! / 1024).toFixed(0)} KB), +${peak} MB RSS`,
        target: '< 60 s',
      },
      {
        name: `tile request over HTTP (mix of zooms 5–12, ${lat.n} requests)`,
        value: `p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms`,
        target: 'p95 < 20 ms',
      },
    ];
  } finally {
    for (const f of [copy, `${copy}.wal`]) rmSync(f, { force: true });
  }
}
