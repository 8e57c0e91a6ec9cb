// Worker-thread body of the parallel join: wraps the shared grid once, then runs each phase a job asks for, claiming
// chunks from an atomic counter so fast and slow threads share the work.
import { parentPort, workerData } from 'node:worker_threads';
import { PolygonIndex, scatterByKey, type PolygonIndexData } from './polygon-index.ts';

/**
 * One batch, every array backed by a SharedArrayBuffer. Phases: 'keys' (block of each point + per-chunk counts),
 * 'scatter' (group points by block, after the main thread turned counts into offsets), 'locate' (the lookups).
 */
export interface JoinJob {
  lons: Float64Array;
  lats: Float64Array;
  out: Int32Array;
  keys: Uint32Array;
  xs: Float64Array;
  ys: Float64Array;
  idx: Uint32Array;
  /** chunks × blockCount: counts after 'keys', next free slots during 'scatter'. */
  hist: Uint32Array;
  /** Next unclaimed chunk of each phase: [keys, scatter, locate]. */
  next: Int32Array;
  /** Points per chunk in 'keys' and 'scatter' (the same chunks in both), and per chunk in 'locate'. */
  chunk: number;
  locateChunk: number;
}
export type JoinPhase = 'keys' | 'scatter' | 'locate';
export interface JoinRequest {
  phase: JoinPhase;
  job: JoinJob;
}

/** Messages a join worker sends back. */
export type JoinWorkerMessage = 'ready' | 'done';

/** Runs one phase of a job on this thread until no chunk is left. */
export function runPhase(index: PolygonIndex, { phase, job }: JoinRequest): void {
  const n = job.lons.length;
  const slot = phase === 'keys' ? 0 : phase === 'scatter' ? 1 : 2;
  const size = phase === 'locate' ? job.locateChunk : job.chunk;
  const blocks = index.blockCount;
  for (let c = Atomics.add(job.next, slot, 1); c * size < n; c = Atomics.add(job.next, slot, 1)) {
    const start = c * size, end = Math.min(n, start + size);
    const hist = job.hist.subarray(c * blocks, (c + 1) * blocks);
    if (phase === 'keys') index.blockKeys(job.lons, job.lats, job.keys, hist, start, end);
    else if (phase === 'scatter') scatterByKey(job.lons, job.lats, job.keys, hist, job.xs, job.ys, job.idx, start, end);
    else index.locateSorted(job.xs, job.ys, job.idx, job.out, start, end);
  }
}

const port = parentPort;
if (port) {
  const index = new PolygonIndex(workerData as PolygonIndexData);
  port.on('message', (request: JoinRequest) => {
    runPhase(index, request);
    port.postMessage('done' satisfies JoinWorkerMessage);
  });
  port.postMessage('ready' satisfies JoinWorkerMessage);
}
