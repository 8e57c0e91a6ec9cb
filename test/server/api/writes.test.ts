// Writes that never lose or destroy anything: concurrent changes of one plan or playlist give one success and 409s
// naming who saved first (never a 500); a plan with recorded fulfilment is changed or deleted only when confirmed,
// and archived exactly once; the last playlist survives any number of simultaneous deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
// Inspector 1 held a joint raid with the patrol service on 2024-03-12 (test/fixtures/api/fixture-db.ts): a plan asking
// for raids with the patrol in March has recorded fulfilment.
const FULFILLED = {
  name: 'March raids',
  district: '1726287',
  from: '2024-03-01',
  to: '2024-03-31',
  items: [{ inspector: 1, service: 'patrol', type: 'joint_raid', required: 2 }],
};
const EMPTY = {
  ...FULFILLED,
  name: 'April talks',
  from: '2024-04-01',
  to: '2024-04-30',
  items: [{ inspector: 1, service: 'juvenile', type: 'preventive_talk', required: 1 }],
};
const PLAYLIST = { name: 'Wall', district: null, period: '7d', slides: [{ kind: 'title', dwellS: 10 }] };

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

const create = async (url: string, body: unknown): Promise<{ id: number; version: number }> =>
  (await w.as('admin', url, json(body))).json() as Promise<{ id: number; version: number }>;

describe('two people saving one object', () => {
  it('gives the first save 200 and the second 409 naming who saved and when, and keeps the first', async () => {
    const p = await create('/api/plans', EMPTY);
    const [a, b] = await Promise.all([
      w.as('district_head', `/api/plans/${p.id}`, json({ ...EMPTY, name: 'Head’s version', version: 1 }, 'PUT')),
      w.as('planner', `/api/plans/${p.id}`, json({ ...EMPTY, name: 'Planner’s version', version: 1 }, 'PUT')),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const { issues, current } = (await loser.json()) as {
      issues: Array<{ field: string; reason: string; code: string; params: Record<string, unknown> }>;
      current: { version: number; updatedBy: string };
    };
    expect(issues[0]?.field).toBe('version');
    expect(issues[0]?.reason).toMatch(/changed by (district-head|planner) at \d{4}-\d\d-\d\dT/);
    expect(issues[0]?.code).toBe('stale_version');
    expect(issues[0]?.params).toMatchObject({ by: current.updatedBy, version: 2 });
    expect(Date.parse(String(issues[0]?.params.at))).not.toBeNaN();
    expect(current.version).toBe(2);
    const kept = (await (await w.as('admin', `/api/plans/${p.id}`)).json()) as { name: string; updatedBy: string };
    expect(kept.name).toBe(a.status === 200 ? 'Head’s version' : 'Planner’s version');
  });

  it('never answers 500 to ten simultaneous saves: one 200, nine 409', async () => {
    const pl = await create('/api/playlists', PLAYLIST);
    const res = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        w.as('admin', `/api/playlists/${pl.id}`, json({ ...PLAYLIST, name: `v${k}`, version: 1 }, 'PUT')),
      ),
    );
    const statuses = res.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(409)]);
  });

  it('refuses a save without the version read, naming the field', async () => {
    const p = await create('/api/plans', EMPTY);
    const res = await w.as('admin', `/api/plans/${p.id}`, json(EMPTY, 'PUT'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('version');
  });
});

describe('a plan with recorded fulfilment', () => {
  it('is not replaced without confirmation; confirmed, its old state is archived and it keeps its id', async () => {
    const p = await create('/api/plans', FULFILLED);
    const refused = await w.as(
      'admin',
      `/api/plans/${p.id}`,
      json({ ...FULFILLED, name: 'Renamed', version: 1 }, 'PUT'),
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toBe('confirmation_required');
    const ok = await w.as(
      'admin',
      `/api/plans/${p.id}?confirm=true`,
      json({ ...FULFILLED, name: 'Renamed', version: 1 }, 'PUT'),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()) as { id: number; name: string; archived: boolean }).toMatchObject({
      id: p.id,
      name: 'Renamed',
      archived: true,
    });
    const archive = (await (await w.as('admin', '/api/plans/archive')).json()) as Array<{
      planId: number;
      name: string;
    }>;
    expect(archive.filter((a) => a.planId === p.id).map((a) => a.name)).toEqual(['March raids']);
  });

  it('is archived exactly once when two confirmed deletes arrive together', async () => {
    const p = await create('/api/plans', FULFILLED);
    const res = await Promise.all(
      [1, 2].map(() => w.as('admin', `/api/plans/${p.id}?confirm=true`, { method: 'DELETE' })),
    );
    expect(res.map((r) => r.status).sort()).toEqual([200, 404]);
    const archive = (await (await w.as('admin', '/api/plans/archive')).json()) as Array<{ planId: number }>;
    expect(archive.filter((a) => a.planId === p.id)).toHaveLength(1);
  });
});

describe('playlists', () => {
  it('keep at least one whatever simultaneous deletes arrive', async () => {
    const ids = [(await create('/api/playlists', PLAYLIST)).id, (await create('/api/playlists', PLAYLIST)).id];
    const all = (await (await w.as('admin', '/api/playlists')).json()) as { playlists: Array<{ id: number }> };
    const res = await Promise.all(
      [...all.playlists.map((p) => p.id), ...ids].map((id) =>
        w.as('admin', `/api/playlists/${id}`, { method: 'DELETE' }),
      ),
    );
    expect(res.every((r) => r.status < 500)).toBe(true);
    const left = (await (await w.as('admin', '/api/playlists')).json()) as { playlists: unknown[] };
    expect(left.playlists).toHaveLength(1);
  });
});
