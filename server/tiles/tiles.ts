// The mahalla tiles the server answers with: read once per database and data generation from the database, or cut
// again (on a worker thread) and stored when the boundaries changed since they were cut.
import type { Db } from '../db/database.ts';
import { perDb } from '../db/per-db.ts';
import { spawnTsWorker } from '../geo/ts-worker.ts';
import { buildTiles, type Tile } from './build.ts';
import { boundaryFingerprint, gzTile, readTiles, storeTiles, tileInput, type TileInput } from './store.ts';

export interface TileSet {
  /** of the boundaries the tiles were cut from: part of the tile URLs, so a browser never mixes two sets */
  fingerprint: string;
  /** gzipped tiles by "z/x/y" */
  tiles: Map<string, Uint8Array>;
}

/** Every tile of `input`, gzipped, cut on a worker thread (on this one if no worker can start). */
export function cutTiles(input: TileInput): Promise<Tile[]> {
  return new Promise((resolve) => {
    const out: Tile[] = [];
    const here = (): void => resolve([...buildTiles(input.mahallas, {}, input.outlines)].map(gzTile));
    let worker: ReturnType<typeof spawnTsWorker>;
    try {
      worker = spawnTsWorker(new URL('./tile-worker.ts', import.meta.url), input);
    } catch {
      here();
      return;
    }
    worker.on('message', (t: Tile | null) => {
      if (t) out.push({ ...t, data: new Uint8Array(t.data) });
      else void worker.terminate().then(() => resolve(out));
    });
    worker.once('error', () => {
      out.length = 0;
      here();
    });
  });
}

/** The tiles of the database's current boundaries. */
export const tileSet = perDb(async (db: Db): Promise<TileSet> => {
  const fingerprint = await boundaryFingerprint(db);
  const stored = await readTiles(db);
  if (stored?.fingerprint === fingerprint) return stored;
  const cut = await cutTiles(await tileInput(db));
  // A read-only database (a test fixture, a copy being inspected) keeps the tiles in memory only.
  await storeTiles(db, cut, fingerprint).catch(() => undefined);
  return { fingerprint, tiles: new Map(cut.map((t) => [`${t.z}/${t.x}/${t.y}`, t.data])) };
});
