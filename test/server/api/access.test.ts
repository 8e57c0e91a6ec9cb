// Every API route against every role: who may call it (2xx), who is refused (403), and that nobody gets in without a
// session (401). The table of capabilities below is written from the issue, not read from the app, and every route
// the app has must be in it, so a new route without a guard fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_ACCESS, type Capability, type Role } from '../../../server/contract/access.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';
const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const PLAN = {
  name: 'Plan',
  district: '1726287',
  from: '2024-03-01',
  to: '2024-03-31',
  items: [{ inspector: 1, service: 'patrol', type: 'joint_patrol', required: 2 }],
};
const PLAYLIST = { name: 'Wall', district: '1726287', period: '7d', slides: [{ kind: 'title', dwellS: 10 }] };
const DRAFT = { district: '1726287', name: 'Draft', reason: 'rebalance' };
/** Each approval must take effect after the last one (plans in force follow one another): a later day each time. */
let approvals = 0;
const nextDay = (): string => new Date(Date.UTC(2024, 0, 1 + approvals++)).toISOString().slice(0, 10);

/** Objects `prepare` made: a plan, a playlist, an account, a kiosk token, a territory draft and a submitted version. */
interface Ids {
  plan: number;
  playlist: number;
  user: number;
  token: number;
  draft: number;
  submitted: number;
}
const NONE: Ids = { plan: 0, playlist: 0, user: 0, token: 0, draft: 0, submitted: 0 };

interface Case {
  /** who may: any of these capabilities; 'public' = no session needed */
  needs: Capability[] | 'public' | 'signed-in';
  /** the request, after `prepare` made what it needs (returns ids to put in the URL) */
  request: (ids: Ids) => [string, RequestInit?];
  /** makes a fresh object to change or delete (by the admin) */
  prepare?: boolean;
  /** the object is not the kiosk's own playlist, which is all a kiosk may read of playlists */
  notTheKiosks?: boolean;
}

const ROUTES: Record<string, Case> = {
  'GET /api/health': { needs: 'public', request: () => ['/api/health'] },
  'GET /api/auth/me': { needs: 'signed-in', request: () => ['/api/auth/me'] },
  'GET /api/meta': { needs: ['read', 'wall'], request: () => ['/api/meta'] },
  'GET /api/mahallas': { needs: ['read', 'wall'], request: () => ['/api/mahallas'] },
  'GET /api/mahallas/:id': { needs: ['read'], request: () => [`/api/mahallas/1?${MARCH}`] },
  'GET /api/boundaries': { needs: ['read', 'wall'], request: () => ['/api/boundaries'] },
  'GET /api/tiles/mahallas.json': { needs: ['read', 'wall'], request: () => ['/api/tiles/mahallas.json'] },
  'GET /api/tiles/mahalla-index': { needs: ['read', 'wall'], request: () => ['/api/tiles/mahalla-index'] },
  'GET /api/tiles/mahallas/:fp/:z/:x/:file': {
    needs: ['read', 'wall'],
    request: () => [`/api/tiles/mahallas/${tiles}/8/177/95.pbf`],
  },
  'GET /api/base-points': { needs: ['read'], request: () => ['/api/base-points'] },
  'GET /api/search': { needs: ['read'], request: () => ['/api/search?q=Olmazor'] },
  'GET /api/metrics': { needs: ['read', 'wall'], request: () => [`/api/metrics?${MARCH}`] },
  'GET /api/hotspots': { needs: ['read', 'wall'], request: () => [`/api/hotspots?${MARCH}`] },
  'GET /api/hotspots/scan': { needs: ['read'], request: () => [`/api/hotspots/scan?${MARCH}&draws=99`] },
  'GET /api/hexagons': { needs: ['read'], request: () => [`/api/hexagons?${MARCH}&res=7`] },
  'GET /api/hexagons/columns': { needs: ['read'], request: () => [`/api/hexagons/columns?${MARCH}&res=7`] },
  'GET /api/timeline': { needs: ['read'], request: () => [`/api/timeline?${MARCH}`] },
  'GET /api/emerging': { needs: ['read', 'wall'], request: () => ['/api/emerging?from=2024-01-01&to=2024-06-30'] },
  'GET /api/records': { needs: ['locations'], request: () => [`/api/records?${MARCH}&mahalla=1`] },
  'GET /api/records.csv': { needs: ['locations'], request: () => [`/api/records.csv?${MARCH}&mahalla=1`] },
  'GET /api/records/points': { needs: ['read'], request: () => [`/api/records/points?${MARCH}`] },
  'GET /api/records/heat': { needs: ['read'], request: () => [`/api/records/heat?${MARCH}&res=5`] },
  'GET /api/coverage': { needs: ['read', 'wall'], request: () => [`/api/coverage?${MARCH}`] },
  'GET /api/coverage/outlines': { needs: ['read'], request: () => ['/api/coverage/outlines'] },
  'GET /api/coverage/territories': { needs: ['read'], request: () => ['/api/coverage/territories'] },
  'GET /api/inspectors/:id': { needs: ['persons'], request: () => [`/api/inspectors/1?${MARCH}`] },
  'GET /api/applications/flow': { needs: ['read', 'wall'], request: () => [`/api/applications/flow?${MARCH}`] },
  'GET /api/applications/flow/mahallas': {
    needs: ['read'],
    request: () => [`/api/applications/flow/mahallas?${MARCH}`],
  },
  'GET /api/cooperation/summary': { needs: ['read', 'wall'], request: () => [`/api/cooperation/summary?${MARCH}`] },
  'GET /api/cooperation/mahallas': { needs: ['read', 'wall'], request: () => [`/api/cooperation/mahallas?${MARCH}`] },
  'GET /api/cooperation/matrix': { needs: ['read'], request: () => [`/api/cooperation/matrix?${MARCH}`] },
  'GET /api/cooperation/gaps': { needs: ['read', 'wall'], request: () => [`/api/cooperation/gaps?${MARCH}`] },
  'GET /api/cooperation/before-after': { needs: ['read'], request: () => [`/api/cooperation/before-after?${MARCH}`] },
  'GET /api/plans': { needs: ['read', 'wall'], request: () => ['/api/plans'] },
  'GET /api/plans/archive': { needs: ['read'], request: () => ['/api/plans/archive'] },
  'POST /api/plans': { needs: ['plans.write'], request: () => ['/api/plans', json(PLAN)] },
  'GET /api/plans/:id': { needs: ['read', 'wall'], prepare: true, request: (i) => [`/api/plans/${i.plan}`] },
  'PUT /api/plans/:id': {
    needs: ['plans.write'],
    prepare: true,
    request: (i) => [`/api/plans/${i.plan}`, json({ ...PLAN, name: 'Changed', version: 1 }, 'PUT')],
  },
  'POST /api/plans/:id/copy': {
    needs: ['plans.write'],
    prepare: true,
    request: (i) => [`/api/plans/${i.plan}/copy`, json({ from: '2024-04-01', to: '2024-04-30' })],
  },
  'DELETE /api/plans/:id': {
    needs: ['plans.write'],
    prepare: true,
    request: (i) => [`/api/plans/${i.plan}?confirm=true`, { method: 'DELETE' }],
  },
  'GET /api/playlists': { needs: ['read', 'wall'], request: () => ['/api/playlists'] },
  'GET /api/playlists/:id': {
    needs: ['read', 'wall'],
    prepare: true,
    notTheKiosks: true,
    request: (i) => [`/api/playlists/${i.playlist}`],
  },
  'POST /api/playlists': { needs: ['playlists.write'], request: () => ['/api/playlists', json(PLAYLIST)] },
  'PUT /api/playlists/:id': {
    needs: ['playlists.write'],
    prepare: true,
    request: (i) => [`/api/playlists/${i.playlist}`, json({ ...PLAYLIST, name: 'Changed', version: 1 }, 'PUT')],
  },
  'DELETE /api/playlists/:id': {
    needs: ['playlists.write'],
    prepare: true,
    request: (i) => [`/api/playlists/${i.playlist}`, { method: 'DELETE' }],
  },
  'GET /api/admin/users': { needs: ['accounts'], request: () => ['/api/admin/users'] },
  'POST /api/admin/users': {
    needs: ['accounts'],
    request: () => [
      '/api/admin/users',
      json({
        username: `u${Math.random().toString(36).slice(2, 10)}`,
        displayName: 'New',
        role: 'ministry',
        password: 'a-long-password',
      }),
    ],
  },
  'PUT /api/admin/users/:id': {
    needs: ['accounts'],
    prepare: true,
    request: (i) => [
      `/api/admin/users/${i.user}`,
      json({ displayName: 'Renamed', role: 'ministry', disabled: false, version: 1 }, 'PUT'),
    ],
  },
  'POST /api/admin/users/:id/password': {
    needs: ['accounts'],
    prepare: true,
    request: (i) => [`/api/admin/users/${i.user}/password`, json({ password: 'another-long-password' })],
  },
  'DELETE /api/admin/users/:id/sessions': {
    needs: ['accounts'],
    prepare: true,
    request: (i) => [`/api/admin/users/${i.user}/sessions`, { method: 'DELETE' }],
  },
  'GET /api/admin/kiosk-tokens': { needs: ['accounts'], request: () => ['/api/admin/kiosk-tokens'] },
  'POST /api/admin/kiosk-tokens': {
    needs: ['accounts'],
    prepare: true,
    request: (i) => ['/api/admin/kiosk-tokens', json({ name: 'Hall', playlist: i.playlist })],
  },
  'DELETE /api/admin/kiosk-tokens/:id': {
    needs: ['accounts'],
    prepare: true,
    request: (i) => [`/api/admin/kiosk-tokens/${i.token}`, { method: 'DELETE' }],
  },
  'GET /api/admin/audit': { needs: ['accounts'], request: () => ['/api/admin/audit'] },
  'GET /api/admin/audit.csv': { needs: ['accounts'], request: () => ['/api/admin/audit.csv'] },
  'GET /api/territories/versions': { needs: ['read'], request: () => ['/api/territories/versions'] },
  'POST /api/territories/versions': {
    needs: ['territories.write'],
    request: () => ['/api/territories/versions', json(DRAFT)],
  },
  'GET /api/territories/in-force': { needs: ['read'], request: () => ['/api/territories/in-force?day=2024-03-31'] },
  'GET /api/territories/diff': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/diff?before=${i.draft}&after=${i.submitted}`],
  },
  'GET /api/territories/versions/:id': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}`],
  },
  'PUT /api/territories/versions/:id': {
    needs: ['territories.write'],
    prepare: true,
    request: (i) => [
      `/api/territories/versions/${i.draft}`,
      json({ name: 'Changed', reason: 'r', posts: [], assignments: [], version: 1 }, 'PUT'),
    ],
  },
  'DELETE /api/territories/versions/:id': {
    needs: ['territories.write'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}?version=1`, { method: 'DELETE' }],
  },
  'POST /api/territories/versions/:id/submit': {
    needs: ['territories.write'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}/submit`, json({ version: 1 })],
  },
  'POST /api/territories/versions/:id/return': {
    needs: ['territories.write', 'territories.approve'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.submitted}/return`, json({ version: 2, reason: 'again' })],
  },
  'POST /api/territories/versions/:id/approve': {
    needs: ['territories.approve'],
    prepare: true,
    request: (i) => {
      const day = nextDay();
      return [
        `/api/territories/versions/${i.submitted}/approve`,
        json({ version: 2, effectiveFrom: day, orderNumber: '1', orderDate: day }),
      ];
    },
  },
  'GET /api/territories/versions/:id/annex': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}/annex`],
  },
  'GET /api/territories/versions/:id/annex.csv': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}/annex.csv`],
  },
  'GET /api/territories/versions/:id/annex.xlsx': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}/annex.xlsx`],
  },
  'GET /api/planner/model': { needs: ['read'], request: () => ['/api/planner/model?district=1726287'] },
  'GET /api/territories/versions/:id/territories.geojson': {
    needs: ['read'],
    prepare: true,
    request: (i) => [`/api/territories/versions/${i.draft}/territories.geojson`],
  },
  'GET /api/imports': { needs: ['imports'], request: () => ['/api/imports'] },
  'POST /api/imports/files': {
    needs: ['imports'],
    request: () => [
      '/api/imports/files?kind=incidents&name=a.csv',
      { method: 'POST', body: 'id,date,lon,lat,category,status\nA1,2024-03-01,69.21,41.21,fraud,solved\n' },
    ],
  },
};

/**
 * Routes checked elsewhere, because calling them changes the caller's own session or needs a secret; the import runs
 * need an upload first (test/server/api/imports.test.ts checks who may start, read and cancel them).
 */
const ELSEWHERE = new Set([
  'POST /api/imports/jobs',
  'GET /api/imports/jobs/:id',
  'POST /api/imports/jobs/:id/cancel',
  'GET /api/imports/jobs/:id/report',
  'GET /api/imports/jobs/:id/rejects',
  'POST /api/auth/login',
  'POST /api/auth/kiosk',
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/password',
]);

let w: SignedIn;
let kiosk = '';
/** The fixture's tile fingerprint (tile URLs carry it). */
let tiles = '';

beforeAll(async () => {
  w = await givenRoles();
  const made = (await (await w.as('admin', '/api/playlists', json(PLAYLIST))).json()) as { id: number };
  const t = (await (
    await w.as('admin', '/api/admin/kiosk-tokens', json({ name: 'Hall', playlist: made.id }))
  ).json()) as { token: string };
  const res = await w.app.request('/api/auth/kiosk', json({ token: t.token }));
  kiosk = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  tiles = ((await (await w.as('admin', '/api/tiles/mahallas.json')).json()) as { fingerprint: string }).fingerprint;
});
afterAll(() => w.close());

/** Fresh objects for a write, made by the admin. */
async function prepare() {
  const plan = (await (await w.as('admin', '/api/plans', json(PLAN))).json()) as { id: number };
  const playlist = (await (await w.as('admin', '/api/playlists', json(PLAYLIST))).json()) as { id: number };
  const user = (await (
    await w.as(
      'admin',
      '/api/admin/users',
      json({
        username: `t${Math.random().toString(36).slice(2, 10)}`,
        displayName: 'T',
        role: 'ministry',
        password: 'a-long-password',
      }),
    )
  ).json()) as { id: number };
  const token = (await (
    await w.as('admin', '/api/admin/kiosk-tokens', json({ name: 'T', playlist: playlist.id }))
  ).json()) as { id: number };
  const draft = (await (await w.as('admin', '/api/territories/versions', json(DRAFT))).json()) as { id: number };
  const submitted = (await (await w.as('admin', '/api/territories/versions', json(DRAFT))).json()) as { id: number };
  await w.as('admin', `/api/territories/versions/${submitted.id}/submit`, json({ version: 1 }));
  return {
    plan: plan.id,
    playlist: playlist.id,
    user: user.id,
    token: token.id,
    draft: draft.id,
    submitted: submitted.id,
  };
}

const allowed = (role: Role | 'kiosk', needs: Case['needs']): boolean => {
  if (needs === 'public' || needs === 'signed-in') return true;
  const caps: readonly Capability[] = role === 'kiosk' ? ['wall'] : ROLE_ACCESS[role].capabilities;
  return needs.some((n) => caps.includes(n));
};

describe('the table covers the app', () => {
  it('names every API route the app serves', () => {
    const served = new Set(
      w.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`),
    );
    expect([...served].filter((r) => !(r in ROUTES) && !ELSEWHERE.has(r)).sort()).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !served.has(r))).toEqual([]);
  });
});

describe.each(Object.entries(ROUTES))('%s', (_name, c) => {
  it.each([...ROLES, 'kiosk' as const])('as %s', async (role) => {
    const ids = c.prepare ? await prepare() : NONE;
    const [url, init = {}] = c.request(ids);
    const res = await w.app.request(url, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: role === 'kiosk' ? kiosk : w.cookie[role],
      },
    });
    const expected = allowed(role, c.needs) && !(role === 'kiosk' && c.notTheKiosks);
    if (expected) expect(res.status, await res.clone().text()).toBeLessThan(300);
    else expect(res.status).toBe(403);
  });

  it('without a session', async () => {
    const ids = c.prepare ? await prepare() : NONE;
    const [url, init] = c.request(ids);
    expect((await w.app.request(url, init)).status).toBe(c.needs === 'public' ? 200 : 401);
  });
});
