// Property: no request, however malformed, gets a 5xx. fast-check generates query strings and bodies for every route
// of the app (well-formed values, near misses, junk, SQL, huge numbers, other scripts), signed in as the
// administrator (who passes every role check, so validation itself is what is tested) and as no one. Seeded, so a
// failure names a request that reproduces it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

let w: SignedIn;
let routes: Array<{ method: string; path: string }>;
beforeAll(async () => {
  w = await givenRoles();
  const seen = new Set<string>();
  routes = w.app.routes
    .filter(
      (r) =>
        r.method !== 'ALL' &&
        r.path.startsWith('/api/') &&
        r.path !== '/api/auth/logout' &&
        r.path !== '/api/auth/logout-everywhere',
    )
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && Boolean(seen.add(`${r.method} ${r.path}`)));
});
afterAll(() => w.close());

const FIELDS = [
  'from',
  'to',
  'district',
  'categories',
  'statuses',
  'source',
  'registries',
  'receivers',
  'compare',
  'fdr',
  'res',
  'bin',
  'mahalla',
  'page',
  'pageSize',
  'days',
  'normResidents',
  'normIncidents',
  'normDistanceKm',
  'confirm',
  'version',
  'username',
  'action',
  'name',
  'period',
  'slides',
  'items',
  'inspector',
  'service',
  'type',
  'required',
  'password',
  'role',
  'playlist',
  'token',
  'disabled',
  'displayName',
];

/** Values that are right, nearly right, or nothing like it. */
const value = fc.oneof(
  fc.constantFrom(
    '2024-03-01',
    '2024-03-31',
    '2024-02-30',
    '1726287',
    '1726287,1726273',
    '12',
    'incidents',
    'applications',
    'year',
    'true',
    'false',
    '7',
    '9',
    '1',
    '0',
    '-1',
    '1e9',
    'NaN',
    'week',
    'month',
    'property,fraud',
    'unknown',
    "1726287' OR 1=1 --",
    '%00',
    '../../etc/passwd',
    'Чилонзор',
    'Toshkent sh.',
    'title',
    'patrol',
    'joint_raid',
    'admin',
    '9'.repeat(40),
  ),
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    value,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('v'), { maxKeys: 4 }),
  ),
})).v;

const request = fc.record({
  route: fc.nat(),
  query: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  id: fc.oneof(fc.constantFrom('1', '2', '3', '99', '0', 'x', '1.5', '-3'), fc.string({ maxLength: 6 })),
  body: fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 8 }),
    jsonValue,
    fc.string({ maxLength: 40 }),
  ),
  asText: fc.boolean(),
  signedIn: fc.boolean(),
});

describe('malformed requests', () => {
  it('never get a 5xx, on any route', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length];
        if (!route) return;
        const path = route.path.replace(/:\w+/g, encodeURIComponent(r.id));
        const qs = new URLSearchParams(r.query).toString();
        const body =
          route.method === 'GET' ? undefined : r.asText && typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        const init: RequestInit = {
          method: route.method,
          ...(body === undefined
            ? {}
            : { body, headers: { 'content-type': r.asText ? 'text/plain' : 'application/json' } }),
        };
        const res = await w.as(r.signedIn ? 'admin' : null, `${path}${qs ? `?${qs}` : ''}`, init);
        expect(res.status, `${route.method} ${path}?${qs} ${body ?? ''}`).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { seed: 20261202, numRuns: 1500 },
    );
  }, 300_000);

  it('leave the data as it was when refused', async () => {
    const count = async (): Promise<number> =>
      (await w.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0]?.n ?? -1;
    expect(await count()).toBe(21);
  });
});
