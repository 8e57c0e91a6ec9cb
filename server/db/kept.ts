// Answers kept per database for the few asks most recently made (the default first screen, a district's morning
// view): the same ask is answered from memory until the data changes (dataEpoch), and the warm-up
// (server/services/warm.ts) computes the first screen's asks before anyone opens it.
import type { Db } from './database.ts';
import { dataEpoch, memoAsync } from './per-db.ts';

/** A Map that forgets its least recently used entry beyond `keep` (the cache of memoAsync). */
class Recent<K, V> extends Map<K, V> {
  constructor(private readonly keep: number) {
    super();
  }
  override get(key: K): V | undefined {
    const hit = super.get(key);
    // Used again: moved to the back, last to go.
    if (hit !== undefined) this.set(key, hit);
    return hit;
  }
  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > this.keep) this.delete(this.keys().next().value as K);
    return this;
  }
}

/**
 * `load` with its answers kept per database and key (`keyOf` its argument), the `keep` most recently used, each
 * recomputed once the data has changed. Asks made at once share one load, outside any one request's abort signal.
 * @example const kept = keptPerDb((d: string | null) => d ?? '', getBasePoints, 8); await kept(db, null);
 */
export function keptPerDb<A, T>(
  keyOf: (arg: A) => string,
  load: (db: Db, arg: A) => Promise<T>,
  keep: number,
): (db: Db, arg: A) => Promise<T> {
  const perDb = new WeakMap<Db, { args: Map<string, A>; ask: (key: string) => Promise<T> }>();
  return (db, arg) => {
    let c = perDb.get(db);
    if (!c) {
      const args = new Map<string, A>();
      c = {
        args,
        ask: memoAsync(
          (key: string) => load(db, args.get(key) as A),
          new Recent(keep),
          () => dataEpoch(db),
        ),
      };
      perDb.set(db, c);
    }
    const key = keyOf(arg);
    c.args.set(key, arg);
    const { args, ask } = c;
    return ask(key).finally(() => args.delete(key));
  };
}
