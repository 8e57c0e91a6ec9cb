// The user store on its own DuckDB file: the tables of data/state-schema.sql, reads on a connection pool, and writes
// one at a time, each one transaction (so a check and the change it guards never interleave with another request's,
// and DuckDB never sees two writers conflict). Audit rows are group-committed: rows that arrive together share one
// transaction, and each append resolves only once its row is stored.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../db/database.ts';
import { serialQueue } from '../serial.ts';
import type { AuditEntry, StoreReads, StoreWrites, UserStore } from '../types.ts';
import { accountOps } from './accounts.ts';
import { auditOps } from './audit.ts';
import { planOps } from './plans.ts';
import { playlistOps } from './playlists.ts';
import { kioskOps, sessionOps } from './sessions.ts';
import { legacyOps } from './legacy.ts';
import { territoryOps } from './territories.ts';
import type { Q } from './sql.ts';

const SCHEMA = readFileSync(fileURLToPath(new URL('../../../data/state-schema.sql', import.meta.url)), 'utf8');

function metaOps(q: Q): StoreWrites['meta'] {
  return {
    get: async (key) =>
      (await q.all<{ value: string }>('SELECT value FROM store_meta WHERE key = $key', { key }))[0]?.value ?? null,
    set: async (key, value) => {
      await q.run(
        'INSERT INTO store_meta VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        { key, value },
      );
    },
  };
}

function ops(q: Q, territoriesTouched?: () => void): StoreWrites {
  return {
    meta: metaOps(q),
    legacy: legacyOps(q),
    accounts: accountOps(q),
    sessions: sessionOps(q),
    kiosk: kioskOps(q),
    audit: auditOps(q),
    plans: planOps(q),
    playlists: playlistOps(q),
    territories: territoryOps(q, territoriesTouched),
  };
}

/**
 * Opens (or creates) the user store at `path` (`:memory:` for tests) and brings its tables up to date.
 * @example const store = await openStore('data/hamkor-state.duckdb'); await store.write((w) => w.playlists.create(p, actor));
 */
export async function openStore(path: string): Promise<UserStore> {
  const db = await openDb(path);
  await db.run(SCHEMA);
  const reads: StoreReads = ops(db);
  const queue = serialQueue();
  // Counts committed writes that changed territory versions: bumped only after COMMIT, so a cache keyed on it never
  // holds what a transaction saw before it landed.
  let territoryStamp = 0;
  const write = <T>(work: (w: StoreWrites) => Promise<T>): Promise<T> =>
    queue(async () => {
      let touched = false;
      const out = await db.transaction((tx) => work(ops(tx, () => (touched = true))));
      if (touched) territoryStamp++;
      return out;
    });

  let pending: Array<{ row: AuditEntry; done: () => void; fail: (e: unknown) => void }> = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    write((w) => w.audit.append(batch.map((b) => b.row))).then(
      () => batch.forEach((b) => b.done()),
      (err: unknown) => batch.forEach((b) => b.fail(err)),
    );
  };
  return {
    ...reads,
    audit: {
      query: (f) => reads.audit.query(f),
      append: (row) =>
        new Promise<void>((done, fail) => {
          if (pending.length === 0) setImmediate(flush);
          pending.push({ row, done, fail });
        }),
    },
    territories: { ...reads.territories, stamp: () => territoryStamp },
    write,
    close: () => db.close(),
    path,
  };
}
