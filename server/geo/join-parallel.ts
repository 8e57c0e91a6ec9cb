// Multi-core point → polygon join: worker threads share one grid and the points via SharedArrayBuffer and pull chunks
// of work from atomic counters (group points by grid block in parallel, then look them up).
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FlatPolygons } from './flat-polygons.ts';
import { PolygonIndex, toOffsets, type PolygonIndexData } from './polygon-index.ts';
import type { JoinJob, JoinPhase, JoinRequest, JoinWorkerMessage } from './join-worker.ts';
import { spawnTsWorker } from './ts-worker.ts';

/** Points per lookup chunk a worker claims at a time: ~1 ms of work, small enough to balance, large enough to amortise the atomic. */
const LOCATE_CHUNK = 8192;
/** Chunks per worker in the grouping phases (each chunk has its own row of block counts). */
const SORT_CHUNKS_PER_WORKER = 4;

/** Copies a typed array into SharedArrayBuffer-backed memory (no-op when it already is). */
function shared<T extends Float64Array | Int32Array | Uint32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

function sharedData(d: PolygonIndexData): PolygonIndexData {
  return {
    ...d,
    cellWord: shared(d.cellWord),
    ent: shared(d.ent),
    frames: shared(d.frames),
    edges: shared(d.edges),
  };
}

/** A join worker over the shared grid; if it cannot start, the pool runs on the calling thread. */
function spawn(data: PolygonIndexData): Worker {
  return spawnTsWorker(new URL('./join-worker.ts', import.meta.url), data);
}

/** Resolves once the worker says it is ready; rejects if it fails to start. */
async function started(worker: Worker): Promise<Worker> {
  const [message] = (await once(worker, 'message')) as [JoinWorkerMessage];
  if (message !== 'ready') throw new Error(`join worker sent ${message} before ready`);
  return worker;
}

/** A set of started join workers over one grid; reuse it across calls to skip the ~0.2 s worker start-up. */
export class JoinPool {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly index: PolygonIndex,
    private readonly workers: Worker[],
    /** Why no worker started (the pool then runs on the calling thread), or null. */
    readonly fallbackReason: string | null = null,
  ) {}

  /**
   * Starts `size` workers over the polygons (or an index already built).
   *
   * @example
   * const pool = await JoinPool.open(flat, 2);
   * const mahallaOf = await pool.locate(lons, lats);
   * await pool.close();
   */
  static async open(source: FlatPolygons | PolygonIndex, size = availableParallelism()): Promise<JoinPool> {
    const index = source instanceof PolygonIndex ? source : new PolygonIndex(source);
    const data = sharedData(index.data);
    const spawned: Worker[] = [];
    try {
      for (let i = 0; i < size; i++) spawned.push(spawn(data));
      return new JoinPool(index, await Promise.all(spawned.map(started)));
    } catch (err) {
      await Promise.all(spawned.map((w) => w.terminate()));
      return new JoinPool(index, [], String(err)); // single-threaded fallback, same answers
    }
  }

  /** Workers actually running (0 after a fallback to the calling thread). */
  get size(): number {
    return this.workers.length;
  }

  /** Polygon index per point (-1 where none), identical to PolygonIndex.locateMany. Calls run one after another. */
  locate(lons: Float64Array, lats: Float64Array): Promise<Int32Array> {
    const run = this.queue.then(() => this.run(lons, lats));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(lons: Float64Array, lats: Float64Array): Promise<Int32Array> {
    if (lats.length !== lons.length) throw new RangeError('lons and lats differ in length');
    const n = lons.length;
    if (this.workers.length === 0 || n <= 2 * LOCATE_CHUNK) return this.index.locateMany(lons, lats);
    // The same three batch phases as PolygonIndex.locateMany, each spread over the workers (a parallel counting sort).
    const sab = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(Math.max(4, bytes));
    const chunks = SORT_CHUNKS_PER_WORKER * this.workers.length;
    const job: JoinJob = {
      lons: shared(lons),
      lats: shared(lats),
      out: new Int32Array(sab(4 * n)),
      keys: new Uint32Array(sab(4 * n)),
      xs: new Float64Array(sab(8 * n)),
      ys: new Float64Array(sab(8 * n)),
      idx: new Uint32Array(sab(4 * n)),
      hist: new Uint32Array(sab(4 * chunks * this.index.blockCount)),
      next: new Int32Array(sab(12)),
      chunk: Math.ceil(n / chunks),
      locateChunk: LOCATE_CHUNK,
    };
    await this.phase('keys', job);
    toOffsets(job.hist, chunks);
    await this.phase('scatter', job);
    await this.phase('locate', job);
    return job.out;
  }

  /** Runs one phase on every worker and waits for all of them (the barrier between phases). */
  private async phase(phase: JoinPhase, job: JoinJob): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const done = once(w, 'message');
        w.postMessage({ phase, job } satisfies JoinRequest);
        await done;
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * One-shot parallel join: builds the grid, starts `workers` threads, locates, stops them.
 * Start-up costs ~0.2 s; for repeated joins keep a {@link JoinPool}.
 *
 * @example
 * const mahallaOf = await locateParallel(flat, lons, lats, 2); // Int32Array, -1 where outside every polygon
 */
export async function locateParallel(
  flat: FlatPolygons | PolygonIndex,
  lons: Float64Array,
  lats: Float64Array,
  workers = availableParallelism(),
): Promise<Int32Array> {
  const pool = await JoinPool.open(flat, workers);
  try {
    return await pool.locate(lons, lats);
  } finally {
    await pool.close();
  }
}
