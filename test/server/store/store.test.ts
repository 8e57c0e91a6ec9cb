// The user store: versioned writes refuse stale versions and name who changed the object; writes queue up so that
// concurrent changes never conflict or interleave; the audit log only grows; an older store gains new tables and
// keeps its rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { openStore } from '../../../server/store/duck/open.ts';
import type { AuditEntry, UserStore } from '../../../server/store/types.ts';

const alice = { accountId: 1, username: 'alice' };
const bob = { accountId: 2, username: 'bob' };
const playlist = { name: 'Morning', district: null, period: '7d', slides: [{ kind: 'title' as const, dwellS: 10 }] };
const plan = {
  name: 'Q4',
  district: '1726262',
  from: '2026-10-01',
  to: '2026-12-31',
  items: [{ inspector: 1, service: 'patrol' as const, type: 'joint_raid' as const, required: 3 }],
};

let store: UserStore;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(() => store.close());

describe('versioned writes', () => {
  it('start at version 1, bump the version on each change and record who made it', async () => {
    const made = await store.write((w) => w.playlists.create(playlist, alice));
    expect([made.version, made.updatedBy]).toEqual([1, 'alice']);
    const out = await store.write((w) => w.playlists.replace(made.id, 1, { ...playlist, name: 'Evening' }, bob));
    expect(out.status === 'ok' && [out.value.version, out.value.updatedBy, out.value.name]).toEqual([
      2,
      'bob',
      'Evening',
    ]);
  });

  it('refuse a change based on an older version, naming who changed it since and when', async () => {
    const made = await store.write((w) => w.plans.create(plan, null, alice));
    await store.write((w) => w.plans.replace(made.id, 1, { ...plan, name: 'Q4 (bob)' }, bob));
    const late = await store.write((w) => w.plans.replace(made.id, 1, { ...plan, name: 'Q4 (alice)' }, alice));
    expect(late.status).toBe('stale');
    if (late.status === 'stale') expect([late.current.version, late.current.updatedBy]).toEqual([2, 'bob']);
    expect((await store.plans.get(made.id))?.name).toBe('Q4 (bob)');
  });

  it('let exactly one of many concurrent changes at the same version win, and never fail', async () => {
    const made = await store.write((w) => w.playlists.create(playlist, alice));
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        store.write((w) => w.playlists.replace(made.id, 1, { ...playlist, name: `try ${k}` }, alice)),
      ),
    );
    expect(tries.filter((t) => t.status === 'ok')).toHaveLength(1);
    expect(tries.filter((t) => t.status === 'stale')).toHaveLength(9);
  });

  it('roll a write back as a whole when it throws', async () => {
    await expect(
      store.write(async (w) => {
        await w.playlists.create(playlist, alice);
        throw new Error('half way');
      }),
    ).rejects.toThrow('half way');
    expect(await store.playlists.list()).toEqual([]);
  });

  it('archive a plan with its snapshot before deleting it, once', async () => {
    const made = await store.write((w) => w.plans.create(plan, null, alice));
    const [a, b] = await Promise.all([
      store.write((w) => w.plans.remove(made.id, null, '{"snapshot":1}', alice)),
      store.write((w) => w.plans.remove(made.id, null, '{"snapshot":2}', bob)),
    ]);
    expect([a.status, b.status].sort()).toEqual(['missing', 'ok']);
    expect((await store.plans.archive()).map((x) => [x.planId, x.archivedBy])).toEqual([[made.id, 'alice']]);
  });
});

describe('the audit log', () => {
  const row = (action: string): AuditEntry => ({
    at: '2026-11-30T10:00:00.000Z',
    accountId: null,
    username: 'x',
    role: 'admin',
    action,
    area: 'all',
    params: '{}',
    status: 200,
    ip: '',
  });

  it('stores every appended row, rows appended together in one batch, and filters by action prefix', async () => {
    await Promise.all(
      ['auth.login', 'plans.create', 'plans.delete', 'records.export'].map((a) => store.audit.append(row(a))),
    );
    expect((await store.audit.query({ limit: 10, offset: 0 })).total).toBe(4);
    expect(
      (await store.audit.query({ action: 'plans.', limit: 10, offset: 0 })).rows.map((r) => r.action).sort(),
    ).toEqual(['plans.create', 'plans.delete']);
  });

  it('offers no way to change or delete a row', () => {
    const writes = Object.keys((store as unknown as { audit: object }).audit);
    expect(writes.sort()).toEqual(['append', 'query']);
  });
});

describe('a store made by an older release', () => {
  it('gains the tables it lacks at open and keeps its rows', async () => {
    const path = `/tmp/hamkor-store-upgrade-${process.pid}.duckdb`;
    const old = await openDb(path);
    await old.run(
      `CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL); INSERT INTO store_meta VALUES ('kept', 'yes')`,
    );
    old.close();
    const s = await openStore(path);
    try {
      expect(await s.meta.get('kept')).toBe('yes');
      expect(await s.playlists.list()).toEqual([]);
    } finally {
      s.close();
      const { rmSync } = await import('node:fs');
      for (const f of [path, `${path}.wal`]) rmSync(f, { force: true });
    }
  });
});
