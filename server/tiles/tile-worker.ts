// Cuts the mahalla tiles on a worker thread (a national set takes seconds of CPU that must not stall requests): takes
// the tiler's input as workerData, posts back every gzipped tile (its bytes transferred, not copied), then null.
import { parentPort, workerData } from 'node:worker_threads';
import { buildTiles } from './build.ts';
import { gzTile, type TileInput } from './store.ts';

const { mahallas, outlines } = workerData as TileInput;
for (const t of buildTiles(mahallas, {}, outlines)) {
  const g = gzTile(t);
  parentPort?.postMessage(g, [g.data.buffer as ArrayBuffer]);
}
parentPort?.postMessage(null);
