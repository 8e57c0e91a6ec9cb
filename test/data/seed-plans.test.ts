// The demo content a new user store gets beside synthetic data: an ended plan and a running one that between them show
// every fulfilment state, the default playlist, one account per role; and none of it twice on a later start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../data/build-db.ts';
import { DEMO_ACCOUNTS } from '../../data/demo-accounts.ts';
import { ROLES } from '../../server/contract/access.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { openDb, type Db } from '../../server/db/database.ts';
import { detail, summarise } from '../../server/services/plans/progress.ts';
import { assignmentOn } from '../../server/services/territories/in-force.ts';
import { openStore } from '../../server/store/duck/open.ts';
import { prepareStore } from '../../server/store/prepare.ts';
import type { UserStore } from '../../server/store/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'hamkor-plans-'));
let db: Db;
let store: UserStore;
const hash = (pw: string) => hashPassword(pw, 10);

beforeAll(async () => {
  await buildDatabase({ scale: 'test', out: join(dir, 'p.duckdb') });
  db = await openDb(join(dir, 'p.duckdb'), { readOnly: true });
  store = await openStore(':memory:');
  await prepareStore(db, store, hash);
});

afterAll(() => {
  store?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo plans', () => {
  it('holds last quarter (ended) and this quarter (running at the data end, 2026-11-01)', async () => {
    const plans = await summarise(db, await store.plans.list(), true);
    expect(plans.map((p) => [p.from, p.to, p.schedule.ended])).toEqual([
      ['2026-10-01', '2026-12-31', false],
      ['2026-07-01', '2026-09-30', true],
    ]);
    expect(plans.every((p) => p.asOf === '2026-11-01' && p.items > 0)).toBe(true);
  });

  it('shows done and overdue items in the ended plan, done, on-track and behind ones in the running plan', async () => {
    const [running, ended] = await store.plans.list();
    const states = async (p: typeof running): Promise<string[]> =>
      p
        ? [
            ...new Set((await detail(db, p, true, await assignmentOn(db, store, p.to))).items.map((i) => i.state)),
          ].sort()
        : [];
    expect(await states(ended)).toEqual(['done', 'overdue']);
    expect(await states(running)).toEqual(['behind', 'done', 'on_track']);
  });
});

describe('the rest of the demo content', () => {
  it('has the default playlist and one account per role, each able to sign in with its listed password', async () => {
    expect((await store.playlists.list()).map((p) => p.name)).toEqual(['Morning briefing']);
    const accounts = await store.accounts.list();
    expect(accounts.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    const { verifyPassword } = await import('../../server/auth/passwords.ts');
    for (const demo of DEMO_ACCOUNTS) {
      const secret = await store.accounts.byUsername(demo.username);
      expect(secret && (await verifyPassword(demo.password, secret.passwordHash))).toBe(true);
    }
  });

  it('is not added again on the next start, even after the plans were deleted', async () => {
    const [first] = await store.plans.list();
    if (first) await store.write((w) => w.plans.remove(first.id, null, null, { accountId: null, username: 't' }));
    const again = await prepareStore(db, store, hash);
    expect(again.demoAccounts).toEqual([]);
    expect(await store.plans.list()).toHaveLength(1);
    expect(await store.playlists.list()).toHaveLength(1);
  });
});
