// Answers kept per database (server/db/kept.ts): one load per key and data generation, shared by asks made at once,
// the least recently used forgotten beyond the limit, each database its own.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { keptPerDb } from '../../../server/db/kept.ts';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';

/** A stand-in database (kept.ts only keys on its identity) and a counting loader. */
function world() {
  const loads: string[] = [];
  const kept = keptPerDb(
    (x: { n: number }) => String(x.n),
    async (_db, x) => {
      loads.push(String(x.n));
      await new Promise((r) => setTimeout(r, 5));
      return { square: x.n * x.n };
    },
    2,
  );
  return { loads, kept, db: {} as Db };
}

describe('keptPerDb', () => {
  it('loads a key once, for asks made at once and after, until the data changes', async () => {
    const { loads, kept, db } = world();
    const [a, b] = await Promise.all([kept(db, { n: 3 }), kept(db, { n: 3 })]);
    expect(a).toEqual({ square: 9 });
    expect(b).toBe(a);
    expect(await kept(db, { n: 3 })).toBe(a);
    expect(loads).toEqual(['3']);
    bumpDataEpoch(db);
    expect(await kept(db, { n: 3 })).not.toBe(a);
    expect(loads).toEqual(['3', '3']);
  });

  it('forgets the least recently used key beyond its limit, and keeps each database apart', async () => {
    const { loads, kept, db } = world();
    await kept(db, { n: 1 });
    await kept(db, { n: 2 });
    await kept(db, { n: 1 }); // 1 used again: 2 is now the oldest
    await kept(db, { n: 3 });
    await kept(db, { n: 1 });
    expect(loads).toEqual(['1', '2', '3']);
    await kept(db, { n: 2 });
    expect(loads).toEqual(['1', '2', '3', '2']);
    await kept({} as Db, { n: 1 });
    expect(loads).toEqual(['1', '2', '3', '2', '1']);
  });

  it('forgets a failed load, so the next ask tries again', async () => {
    let fail = true;
    const kept = keptPerDb(
      (n: number) => String(n),
      (_db, n) => (fail ? Promise.reject(new Error('database closing')) : Promise.resolve(n)),
      2,
    );
    const db = {} as Db;
    await expect(kept(db, 1)).rejects.toThrow('database closing');
    fail = false;
    expect(await kept(db, 1)).toBe(1);
  });
});
