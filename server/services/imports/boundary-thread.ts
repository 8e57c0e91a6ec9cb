// Runs a boundary file's checks (boundaries.ts prepareBoundary: reading, every feature's rules, topology, snapping) on a
// worker thread, as server/tiles/tiles.ts does for tiles: nationally they are seconds of CPU that must not stall the
// server's requests. Progress comes back as messages; a refusal comes back as the same UploadRefused.
import type { Prepared, PrepareInput } from './boundaries.ts';
import { spawnTsWorker } from '../../geo/ts-worker.ts';
import type { Coded } from '../../contract/issues.ts';
import { UploadRefused } from './uploads.ts';

/** What the worker posts: a step, its result, or why it failed. */
export type WorkerMessage =
  | { step: [percent: number, features: number] }
  | { done: Prepared }
  | { refused: { field: string; reason: string; issue?: Coded | undefined } }
  | { failed: string };

/** prepareBoundary(input) on a worker thread; `step` is told each phase as on the calling thread. */
export function prepareOffThread(
  input: PrepareInput,
  step: (percent: number, features: number) => void,
): Promise<Prepared> {
  return new Promise((resolve, reject) => {
    const worker = spawnTsWorker(new URL('./boundary-worker.ts', import.meta.url), input);
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      try {
        if ('step' in m) step(...m.step);
        else if ('done' in m) finish(() => resolve(m.done));
        else if ('refused' in m)
          finish(() => reject(new UploadRefused(m.refused.field, m.refused.reason, 400, m.refused.issue)));
        else finish(() => reject(new Error(m.failed)));
      } catch (err) {
        // `step` throws to cancel the run.
        finish(() => reject(err instanceof Error ? err : new Error(String(err))));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the boundary check stopped (exit code ${code})`))));
  });
}
