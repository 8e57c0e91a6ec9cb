// Data loaded once and shared (mahalla list, contiguity, boundary GeoJSON) until the database's data generation changes:
// an import bumps it when it commits (server/services/imports/), so every cache here reloads on its next use.
import { QueryAborted, querySignal, type Db } from './database.ts';

interface PromiseCache<K, T> {
  get(key: K): Promise<T> | undefined;
  set(key: K, value: Promise<T>): unknown;
  delete(key: K): unknown;
}

/** The data generation of each open database: 0 until its first committed import. */
const generations = new WeakMap<Db, number>();

/**
 * The database's data generation: caches of its data are good while it stays the same.
 * @example const before = dataEpoch(db); await commitImport(db); dataEpoch(db) === before + 1
 */
export const dataEpoch = (db: Db): number => generations.get(db) ?? 0;

/** What to run once a database's data has changed (caches kept warm ahead of the first ask). */
const listeners = new WeakMap<Db, Array<() => void>>();

/**
 * Runs `listener` after each bumpDataEpoch of the database. It must return at once (start its work, not await it).
 * @example onDataChange(db, () => void warmEmerging(db));
 */
export function onDataChange(db: Db, listener: () => void): void {
  listeners.set(db, [...(listeners.get(db) ?? []), listener]);
}

/** Marks the database's data as changed (after a commit): every perDb/memoAsync cache of it reloads on next use. */
export function bumpDataEpoch(db: Db): number {
  const next = dataEpoch(db) + 1;
  generations.set(db, next);
  for (const listener of listeners.get(db) ?? []) {
    try {
      listener();
    } catch {
      // A cache that failed to warm loads on its first ask instead; the commit has happened either way.
    }
  }
  return next;
}

/**
 * Starts a load that several requests will share, outside the abort signal of the request that happens to ask first:
 * that client leaving (a page navigated away) must not fail the others waiting on the same promise with a 503.
 * @example const rows = shared(() => db.all('SELECT …')); // not interrupted when this request is aborted
 */
export const shared = <T>(load: () => Promise<T>): Promise<T> => querySignal.exit(load);

/**
 * Waits for a shared promise on behalf of the current request: resolves as it does, but rejects at once with
 * QueryAborted when this request's own signal aborts (deadline or client gone), leaving the load running for others.
 * @example const rows = await within(shared(() => load()));
 */
export function within<T>(p: Promise<T>): Promise<T> {
  const signal = querySignal.getStore();
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new QueryAborted(signal.reason));
  let leave = (): void => undefined;
  const left = new Promise<never>((_, reject) => {
    leave = () => reject(new QueryAborted(signal.reason));
  });
  signal.addEventListener('abort', leave, { once: true });
  return Promise.race([p, left]).finally(() => signal.removeEventListener('abort', leave));
}

/** The generation each cached promise was loaded under (a promise is stamped once, when its load starts). */
const stamps = new WeakMap<Promise<unknown>, number>();

/**
 * Wraps an async loader so each key loads at most once per generation (`epoch`, none: forever); a failed load is
 * forgotten so the next call retries.
 * @example const byDistrict = memoAsync((d: string) => getMahallas(db, d), new Map(), () => dataEpoch(db));
 */
export function memoAsync<K, T>(
  load: (key: K) => Promise<T>,
  cache: PromiseCache<K, T>,
  epoch: (key: K) => number = () => 0,
): (key: K) => Promise<T> {
  return (key) => {
    const now = epoch(key);
    let hit = cache.get(key);
    if (!hit || stamps.get(hit) !== now) {
      const loading = shared(() => load(key));
      stamps.set(loading, now);
      loading.catch(() => {
        if (cache.get(key) === loading) cache.delete(key);
      });
      cache.set(key, loading);
      hit = loading;
    }
    return within(hit);
  };
}

/**
 * Once per database and data generation (held weakly, so a closed test database is not kept alive).
 * @example const mahallaIds = perDb((db) => db.columns<{ id: number }>('SELECT id FROM mahallas ORDER BY id'));
 */
export function perDb<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  return memoAsync(load, new WeakMap<Db, Promise<T>>(), dataEpoch);
}
