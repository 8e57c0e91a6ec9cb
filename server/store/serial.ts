// One writer at a time: a promise chain that runs tasks in the order they were queued, each after the last settles.

/**
 * A queue of async tasks run one after another; a failing task does not stop the ones behind it.
 * @example const q = serialQueue(); await q(async () => write());
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
