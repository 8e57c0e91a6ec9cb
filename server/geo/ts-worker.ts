// Starts a worker thread on one of our TypeScript modules, under `npx tsx` and vitest alike.
import { Worker } from 'node:worker_threads';

/*
 * Node 20 does not carry module hooks into worker threads: neither inheriting tsx's execArgv nor
 * `execArgv: ['--import', 'tsx']` lets a worker load a .ts file (ERR_UNKNOWN_FILE_EXTENSION). So the worker starts
 * from a tiny eval'd script that loads the module through tsx's API, which works alike under `npx tsx` and vitest.
 */
/**
 * A worker running `entry` (a .ts module URL) with `workerData`; callers fall back to their own thread if it fails.
 * @example const w = spawnTsWorker(new URL('./h3-worker.ts', import.meta.url));
 */
export function spawnTsWorker(entry: URL, workerData?: unknown): Worker {
  const tsxApi = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}
