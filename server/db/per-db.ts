// Data that never changes while a server runs (mahalla list, contiguity, boundary GeoJSON), loaded once and shared.
import type { Db } from './database.ts';

interface PromiseCache<K, T> {
  get(key: K): Promise<T> | undefined;
  set(key: K, value: Promise<T>): unknown;
  delete(key: K): unknown;
}

/**
 * Wraps an async loader so each key loads at most once; a failed load is forgotten so the next call retries.
 * @example const byDistrict = memoAsync((d: string) => getMahallas(db, d), new Map());
 */
export function memoAsync<K, T>(load: (key: K) => Promise<T>, cache: PromiseCache<K, T>): (key: K) => Promise<T> {
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = load(key);
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * Once per database (held weakly, so a closed test database is not kept alive).
 * @example const mahallaIds = perDb((db) => db.columns<{ id: number }>('SELECT id FROM mahallas ORDER BY id'));
 */
export function perDb<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  return memoAsync(load, new WeakMap<Db, Promise<T>>());
}
