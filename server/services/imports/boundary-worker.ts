// The worker thread of a boundary import (boundary-thread.ts): checks the file given as workerData and posts each step,
// then the result or why it failed.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareBoundary, type PrepareInput } from './boundaries.ts';
import type { WorkerMessage } from './boundary-thread.ts';
import { UploadRefused } from './uploads.ts';

const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
try {
  post({
    done: await prepareBoundary(workerData as PrepareInput, (percent, features) => post({ step: [percent, features] })),
  });
} catch (err) {
  if (err instanceof UploadRefused) post({ refused: { field: err.field, reason: err.reason, issue: err.issue } });
  else post({ failed: (err as Error).message });
}
