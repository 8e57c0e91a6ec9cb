// Worker-thread body of the statistics pool (server/stats/pool.ts): runs a named pure function of server/stats on the
// arguments sent, one task after another, and sends the result back with its typed arrays moved, not copied.
import { parentPort } from 'node:worker_threads';
import { TASKS, transferables, type TaskName } from './tasks.ts';

export interface TaskRequest {
  id: number;
  task: TaskName;
  args: unknown[];
}

const port = parentPort;
if (port) {
  port.on('message', ({ id, task, args }: TaskRequest) => {
    try {
      const result = (TASKS[task] as (...a: unknown[]) => unknown)(...args);
      port.postMessage({ id, result }, transferables(result));
    } catch (err) {
      port.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  port.postMessage('ready');
}
