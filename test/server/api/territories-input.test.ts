// Territory versions refuse bad input with 400 naming the field and the reason, and refuse what lies outside the
// asker's area or role with 403; either way the store is left exactly as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { bodyOf, errorBody, okBody } from '../../fixtures/api/fixture-app.ts';
import type { Role } from '../../../server/contract/access.ts';
import { MIROBOD, VACANT_POST_DRAFT, YAKKASAROY, givenTerritories, type Roles } from './territories-given.ts';

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Everything the store holds of territories: versions, their content and history. */
async function snapshot(w: Roles): Promise<string> {
  const heads = await w.store.territories.list();
  const full = await Promise.all(
    heads.map(async (v) => [await w.store.territories.get(v.id), await w.store.territories.history(v.id)]),
  );
  return JSON.stringify(full);
}

/**
 * Yakkasaroy's v1, a draft (id d, version 1) and a submitted version (id s, version 2), as the planner made them: one
 * app for all the refusals below, since each must leave the store as it found it (and is checked for that).
 */
let shared: Promise<{ w: Roles; d: number; s: number }> | undefined;
afterAll(async () => (await shared)?.w.close());
const given = () => (shared ??= made());

async function made() {
  const w = await givenTerritories(true);
  const make = async () =>
    (
      await bodyOf(
        await w.api('planner').territories.versions.$post({ json: { district: YAKKASAROY, name: 'D', reason: 'r' } }),
        201,
      )
    ).id;
  const d = await make();
  const s = await make();
  await w.as('planner', `/api/territories/versions/${s}/submit`, json({ version: 1 }));
  return { w, d, s };
}

type Req = (ids: { d: number; s: number; v1: number; m1: number }) => [string, RequestInit?];
const put =
  (change: Record<string, unknown>): Req =>
  (i) => [`/api/territories/versions/${i.d}`, json({ ...VACANT_POST_DRAFT, version: 1, ...change }, 'PUT')];
const posts = (...p: unknown[]) => ({ posts: p, assignments: [] });
const INSPECTOR_1 = { id: 1, inspector: 1, label: null };

const BAD: Array<[string, Req, string]> = [
  [
    'a save without the version read',
    (i) => [`/api/territories/versions/${i.d}`, json({ ...VACANT_POST_DRAFT }, 'PUT')],
    'version',
  ],
  ['a save naming version 0', put({ version: 0 }), 'version'],
  ['an empty name', put({ name: '  ' }), 'name'],
  ['post number 0', put(posts({ id: 0, inspector: 1, label: null })), 'posts.0.id'],
  ['a post number twice', put(posts(INSPECTOR_1, { id: 1, inspector: null, label: null })), 'posts.1.id'],
  [
    'one inspector holding two posts',
    put(posts(INSPECTOR_1, { id: 9, inspector: 1, label: null })),
    'posts.1.inspector',
  ],
  [
    'a label of 81 characters',
    put(posts(INSPECTOR_1, { id: 9, inspector: null, label: 'x'.repeat(81) })),
    'posts.1.label',
  ],
  [
    'a mahalla assigned twice',
    put({
      assignments: [
        { mahalla: 1, post: 1 },
        { mahalla: 1, post: 9 },
      ],
    }),
    'assignments.1.mahalla',
  ],
  [
    'a mahalla given to a post not in the version',
    put({ assignments: [{ mahalla: 1, post: 5 }] }),
    'assignments.0.post',
  ],
  ['a mahalla of another district', put({ assignments: [{ mahalla: 3, post: 1 }] }), 'assignments.0.mahalla'],
  ['a mahalla nobody has', put({ assignments: [{ mahalla: 999, post: 1 }] }), 'assignments.0.mahalla'],
  ['an inspector of another district', put(posts({ id: 1, inspector: 2, label: null })), 'posts.0.inspector'],
  ['an inspector nobody is', put(posts({ id: 1, inspector: 77, label: null })), 'posts.0.inspector'],
  ['a body that is not JSON', (i) => [`/api/territories/versions/${i.d}`, json('{"name":', 'PUT')], 'body'],
  [
    'a draft of a 3-digit district',
    () => ['/api/territories/versions', json({ district: '172', name: 'n', reason: 'r' })],
    'district',
  ],
  [
    'a draft without a reason',
    () => ['/api/territories/versions', json({ district: YAKKASAROY, name: 'n' })],
    'reason',
  ],
  [
    'a draft of a district nobody has',
    () => ['/api/territories/versions', json({ district: '1726999', name: 'n', reason: 'r' })],
    'district',
  ],
  [
    'a draft copied from a version nobody has',
    () => ['/api/territories/versions', json({ district: YAKKASAROY, from: 999, name: 'n', reason: 'r' })],
    'from',
  ],
  [
    'a draft copied from another district',
    (i) => ['/api/territories/versions', json({ district: YAKKASAROY, from: i.m1, name: 'n', reason: 'r' })],
    'from',
  ],
  [
    'an approval whose order is dated after it takes effect',
    (i) => [
      `/api/territories/versions/${i.s}/approve`,
      json({ version: 2, effectiveFrom: '2024-03-15', orderNumber: '1', orderDate: '2024-03-16' }),
    ],
    'orderDate',
  ],
  [
    'an approval from February 30th',
    (i) => [
      `/api/territories/versions/${i.s}/approve`,
      json({ version: 2, effectiveFrom: '2024-02-30', orderNumber: '1', orderDate: '2024-02-01' }),
    ],
    'effectiveFrom',
  ],
  [
    'an approval without the order’s number',
    (i) => [
      `/api/territories/versions/${i.s}/approve`,
      json({ version: 2, effectiveFrom: '2024-03-15', orderDate: '2024-03-15' }),
    ],
    'orderNumber',
  ],
  ['a return without a reason', (i) => [`/api/territories/versions/${i.s}/return`, json({ version: 2 })], 'reason'],
  ['a delete without the version read', (i) => [`/api/territories/versions/${i.d}`, { method: 'DELETE' }], 'version'],
  ['an id that is not a number', () => ['/api/territories/versions/abc'], 'id'],
  ['a comparison with before=abc', (i) => [`/api/territories/diff?before=abc&after=${i.d}`], 'before'],
  [
    'a comparison from a day without to',
    (i) => [`/api/territories/diff?before=${i.v1}&after=${i.d}&from=2024-03-01`],
    'to',
  ],
  ['a comparison across districts', (i) => [`/api/territories/diff?before=${i.m1}&after=${i.d}`], 'after'],
  [
    'an annex period ending before it starts',
    (i) => [`/api/territories/versions/${i.d}/annex.csv?from=2024-03-31&to=2024-03-01`],
    'to',
  ],
  ['the plan in force on February 30th', () => ['/api/territories/in-force?day=2024-02-30'], 'day'],
];

describe('bad input', () => {
  it.each(BAD.map(([name, request, field]) => ({ name, request, field })))(
    '$name → 400 naming $field, nothing changed',
    async ({ request, field }) => {
      const { w, d, s } = await given();
      const before = await snapshot(w);
      const [url, init] = request({ d, s, v1: w.seeded.yakkasaroy, m1: w.seeded.mirobod });
      const res = await w.as('admin', url, init);
      expect(res.status).toBe(400);
      const body = await errorBody(res);
      expect(body.error).toBe('invalid_request');
      expect([...new Set(body.issues.map((i) => i.field))]).toEqual([field]);
      expect(body.issues.every((i) => /\S/.test(i.reason))).toBe(true);
      expect(await snapshot(w)).toBe(before);
    },
  );
});

const OUTSIDE: Array<[string, Role, Req, string]> = [
  [
    'a planner drafting in another district',
    'planner',
    () => ['/api/territories/versions', json({ district: MIROBOD, name: 'n', reason: 'r' })],
    'district',
  ],
  ['a planner reading another district’s version', 'planner', (i) => [`/api/territories/versions/${i.m1}`], 'id'],
  [
    'a planner saving another district’s version',
    'planner',
    (i) => [`/api/territories/versions/${i.m1}`, json({ ...VACANT_POST_DRAFT, version: 1 }, 'PUT')],
    'id',
  ],
  [
    'a district head approving in another district',
    'district_head',
    (i) => [
      `/api/territories/versions/${i.m1}/approve`,
      json({ version: 1, effectiveFrom: '2024-05-01', orderNumber: '1', orderDate: '2024-05-01' }),
    ],
    'id',
  ],
  [
    'a planner listing another district',
    'planner',
    () => [`/api/territories/versions?district=${MIROBOD}`],
    'district',
  ],
  [
    'a planner comparing with another district',
    'planner',
    (i) => [`/api/territories/diff?before=${i.m1}&after=${i.d}`],
    'before',
  ],
  ['a planner exporting another district', 'planner', (i) => [`/api/territories/versions/${i.m1}/annex.xlsx`], 'id'],
  [
    'an analyst drafting',
    'analyst',
    () => ['/api/territories/versions', json({ district: YAKKASAROY, name: 'n', reason: 'r' })],
    'role',
  ],
  [
    'a planner approving',
    'planner',
    (i) => [
      `/api/territories/versions/${i.s}/approve`,
      json({ version: 2, effectiveFrom: '2024-05-01', orderNumber: '1', orderDate: '2024-05-01' }),
    ],
    'role',
  ],
];

describe('outside the asker’s area or role', () => {
  it.each(OUTSIDE.map(([name, role, request, field]) => ({ name, role, request, field })))(
    '$name → 403 naming $field, nothing changed',
    async ({ role, request, field }) => {
      const { w, d, s } = await given();
      const before = await snapshot(w);
      const [url, init] = request({ d, s, v1: w.seeded.yakkasaroy, m1: w.seeded.mirobod });
      const res = await w.as(role, url, init);
      expect(res.status).toBe(403);
      expect((await errorBody(res)).issues.map((i) => i.field)).toEqual([field]);
      expect(await snapshot(w)).toBe(before);
    },
  );

  it('lists to a planner and to an inspector only the versions of their district', async () => {
    const { w } = await given();
    for (const role of ['planner', 'inspector'] as const) {
      const { versions } = await okBody(await w.api(role).territories.versions.$get({ query: {} }));
      expect(new Set(versions.map((v) => v.district))).toEqual(new Set([YAKKASAROY]));
    }
    const all = await okBody(await w.api('ministry').territories.versions.$get({ query: {} }));
    expect(new Set(all.versions.map((v) => v.district))).toEqual(new Set([YAKKASAROY, MIROBOD]));
  });
});
