// Statistics workers: heavy analyses run on another thread so the server keeps answering (health checks, light
// requests) while one is computed. Worker 0 runs every task, one after another; worker 1 starts only for analyses split
// in two (the emerging hot spots, stats/space-time-pool.ts: both cores while the main thread only waits). If a worker
// cannot start, its tasks run on the calling thread, as before.
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../geo/ts-worker.ts';
import { TASKS, type TaskName } from './tasks.ts';
import type { TaskRequest } from './worker.ts';

type Result<T extends TaskName> = ReturnType<(typeof TASKS)[T]>;

interface Pending {
  worker: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** How many workers an analysis may split its work over. */
export const STAT_WORKERS = 2;

const workers: Array<Promise<Worker | null> | undefined> = [];
const pending = new Map<number, Pending>();
let nextId = 1;

function start(k: number): Promise<Worker | null> {
  workers[k] ??= new Promise<Worker | null>((resolve) => {
    let w: Worker;
    try {
      w = spawnTsWorker(new URL('./worker.ts', import.meta.url));
    } catch {
      resolve(null);
      return;
    }
    // The worker keeps the process alive only while it has work: not a finished test run or CLI.
    w.unref();
    w.once('message', () => resolve(w));
    w.once('error', () => resolve(null));
    w.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      const p = m.id === undefined ? undefined : pending.get(m.id);
      if (!p || m.id === undefined) return;
      pending.delete(m.id);
      if (![...pending.values()].some((p) => p.worker === k)) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    w.on('error', (err) => {
      for (const [id, p] of pending)
        if (p.worker === k) {
          p.reject(err);
          pending.delete(id);
        }
      workers[k] = undefined;
    });
  });
  return workers[k];
}

/**
 * Starts every statistics worker now, in the background: a worker loads its modules through tsx for ≈ 0.7 s, which the
 * first national emerging ask of a fresh server used to wait for (2.7 s cold, 2.3 s with the workers started beside the
 * weekly columns' load, busy host). Resolves when they are ready (or have fallen back to the calling thread).
 * @example void startStatWorkers(); // at server start
 */
export async function startStatWorkers(): Promise<void> {
  await Promise.all(Array.from({ length: STAT_WORKERS }, (_, k) => start(k)));
}

/**
 * Runs a statistic of TASKS on the worker (its typed-array arguments are copied; the result's are moved back).
 * @example const r = await runStat('neighbourhoodExcess', counts, share, w, { fdr: true });
 */
export function runStat<T extends TaskName>(task: T, ...args: Parameters<(typeof TASKS)[T]>): Promise<Result<T>> {
  return post(task, args);
}

/**
 * As runStat, on worker k (0 … STAT_WORKERS − 1): the parts of one analysis run side by side, each on its own worker.
 * @example await Promise.all([runStatOn(0, 'testSlices', …), runStatOn(1, 'testSlices', …)]);
 */
export function runStatOn<T extends TaskName>(
  k: number,
  task: T,
  ...args: Parameters<(typeof TASKS)[T]>
): Promise<Result<T>> {
  return post(task, args, k);
}

async function post<T extends TaskName>(task: T, args: unknown[], k = 0): Promise<Result<T>> {
  const w = await start(k);
  if (!w) return (TASKS[task] as (...a: unknown[]) => Result<T>)(...args);
  const id = nextId++;
  return new Promise<Result<T>>((resolve, reject) => {
    pending.set(id, { worker: k, resolve: (v) => resolve(v as Result<T>), reject });
    w.ref();
    w.postMessage({ id, task, args } satisfies TaskRequest);
  });
}
