// Limits that keep the server answering under load: a deadline per request (its queries are interrupted when it
// passes or when the client goes away), a cap on heavy analytics requests running at once (so health checks and light
// requests never wait behind them), and a body-size limit.
import { setMaxListeners } from 'node:events';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { querySignal } from '../db/database.ts';
import { issue } from '../contract/issues.ts';

/**
 * Runs the rest of the request inside an abort signal that fires after `ms` or when the client disconnects; every
 * DuckDB query of the request is interrupted then (server/db/database.ts `querySignal`).
 */
export const deadline = (ms: number) =>
  createMiddleware(async (c, next) => {
    const ctrl = new AbortController();
    // Each running query listens to the signal and stops listening when it ends: a request that fans out over every
    // district (≈ 200 queries at once nationally) is not a leak, so no limit and no MaxListenersExceededWarning.
    setMaxListeners(0, ctrl.signal);
    const gone = (): void => ctrl.abort('the client went away');
    c.req.raw.signal.addEventListener('abort', gone, { once: true });
    const timer = setTimeout(() => ctrl.abort(`took longer than ${Math.round(ms / 1000)} s`), ms);
    try {
      await querySignal.run(ctrl.signal, next);
    } finally {
      clearTimeout(timer);
      c.req.raw.signal.removeEventListener('abort', gone);
    }
  });

/** How long a waiting heavy request may be overtaken by quick ones before it goes first regardless, ms. */
export const OVERTAKE_MS = 500;

/**
 * At most `permits` heavy requests at once; the others wait (and leave the queue if their request is aborted). A
 * waiting request marked quick (`gate(true)`: answers read from memory in a few milliseconds, as the mahalla card) goes
 * ahead of waiting slow ones, unless the oldest of those has waited OVERTAKE_MS already, which then goes first: under
 * a burst (50 clients opening their pages at once), a card no longer waits for the national figures and coverage
 * queued before it, and no slow request waits forever. Light requests never pass through here.
 * @example const gate = heavyGate(2); app.use('/metrics', gate(false)).use('/mahallas/:id', gate(true));
 */
export function heavyGate(permits: number, now: () => number = () => performance.now()) {
  let running = 0;
  const waiting: Array<{ go: () => void; quick: boolean; since: number }> = [];
  // A request matched by two of the gate's paths (`/plans` and `/plans/*`) passes once: taking a second permit while
  // holding the first would deadlock two such requests against each other.
  const inside = new WeakSet<Request>();
  const next = (): number => {
    const oldest = waiting[0];
    if (!oldest || oldest.quick || now() - oldest.since >= OVERTAKE_MS) return 0;
    const k = waiting.findIndex((w) => w.quick);
    return k < 0 ? 0 : k;
  };
  const release = (): void => {
    running--;
    if (waiting.length > 0) waiting.splice(next(), 1)[0]?.go();
  };
  return (quick: boolean) =>
    createMiddleware(async (c, next) => {
      if (inside.has(c.req.raw)) return next();
      inside.add(c.req.raw);
      if (running >= permits) {
        const signal = querySignal.getStore();
        await new Promise<void>((resolve, reject) => {
          const me = {
            go: (): void => {
              signal?.removeEventListener('abort', leave);
              resolve();
            },
            quick,
            since: now(),
          };
          const leave = (): void => {
            const k = waiting.indexOf(me);
            if (k >= 0) waiting.splice(k, 1);
            reject(new Error(String(signal?.reason ?? 'aborted')));
          };
          waiting.push(me);
          signal?.addEventListener('abort', leave, { once: true });
        });
      }
      running++;
      try {
        await next();
      } finally {
        release();
      }
    });
}

/** 413 with the field and reason for a body over `maxBytes`. */
export const bodyCap = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        {
          error: 'too_large' as const,
          issues: [
            issue('body', 'too_large', `must be at most ${Math.round(maxBytes / 1024)} KiB`, {
              max: Math.round(maxBytes / 1024),
            }),
          ],
        },
        413,
      ),
  });
