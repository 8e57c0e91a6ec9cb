// H3 cells of bulk points on a second thread: at ≈ 1.4 µs a point in h3-js, the 14 M points of the national build
// would add ≈ 20 s to its main thread; a worker computes them while the main thread generates and appends the rest.
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { h3Halves, type H3Halves } from './h3-bits.ts';
import type { H3Request } from './h3-worker.ts';
import { spawnTsWorker } from './ts-worker.ts';

/** Pending requests, answered in the order sent (one worker handles them one after another). */
interface Waiter {
  resolve: (cells: H3Halves) => void;
  reject: (err: unknown) => void;
}

export class H3Pool {
  private readonly waiting: Waiter[] = [];

  private constructor(
    private readonly worker: Worker | null,
    /** Why no worker started (cells are then computed on the calling thread), or null. */
    readonly fallbackReason: string | null = null,
  ) {
    worker?.on('message', (cells: H3Halves) => this.waiting.shift()?.resolve(cells));
    worker?.on('error', (err) => {
      for (const w of this.waiting.splice(0)) w.reject(err);
    });
  }

  /**
   * Starts the worker (≈ 0.2 s); without one, the same answers come from the calling thread.
   * @example
   * const pool = await H3Pool.open();
   * const { hi, lo } = await pool.cells(chunk.lon, chunk.lat);
   * await pool.close();
   */
  static async open(): Promise<H3Pool> {
    let worker: Worker | undefined;
    try {
      worker = spawnTsWorker(new URL('./h3-worker.ts', import.meta.url));
      const [message] = (await once(worker, 'message')) as [unknown];
      if (message !== 'ready') throw new Error(`h3 worker sent ${String(message)} before ready`);
      return new H3Pool(worker);
    } catch (err) {
      await worker?.terminate();
      return new H3Pool(null, String(err));
    }
  }

  /** The resolution-9 cells of the points (server/geo/h3-bits.ts h3Halves); the inputs are copied, not moved. */
  cells(lons: Float64Array, lats: Float64Array): Promise<H3Halves> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(h3Halves(lons, lats));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      worker.postMessage({ lons, lats } satisfies H3Request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
