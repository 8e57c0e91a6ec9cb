// Every GET data route on the wire: compressed (br, gzip) when over a kilobyte, tagged with an ETag that a repeated
// request turns into a 304 without a body, and whose ETag differs for another scope or another query. The table must
// name every GET route the app serves, so a new route is checked too.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE } from '../../../server/http/encoding.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';
const APRIL = 'from=2024-04-01&to=2024-04-30';
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const DRAFT = { district: '1726287', name: 'Draft', reason: 'rebalance' };
const PLAN = {
  name: 'Plan',
  district: '1726287',
  from: '2024-03-01',
  to: '2024-03-31',
  items: [{ inspector: 1, service: 'patrol', type: 'joint_patrol', required: 2 }],
};
const PLAYLIST = { name: 'Wall', district: '1726287', period: '7d', slides: [{ kind: 'title', dwellS: 10 }] };

interface Ids {
  plan: number;
  playlist: number;
  draft: number;
  submitted: number;
}

/** Each GET route: a request, and (for routes with a query) another request of the same route with another query. */
const ROUTES: Record<string, (i: Ids) => [string, string?]> = {
  'GET /api/health': () => ['/api/health'],
  'GET /api/auth/me': () => ['/api/auth/me'],
  'GET /api/meta': () => ['/api/meta'],
  'GET /api/mahallas': () => ['/api/mahallas', '/api/mahallas?district=1726287'],
  'GET /api/mahallas/:id': () => [`/api/mahallas/1?${MARCH}`, `/api/mahallas/1?${APRIL}`],
  'GET /api/boundaries': () => ['/api/boundaries'],
  'GET /api/search': () => ['/api/search?q=Olmazor', '/api/search?q=Chinor'],
  'GET /api/base-points': () => ['/api/base-points', '/api/base-points?district=1726287'],
  'GET /api/metrics': () => [`/api/metrics?${MARCH}`, `/api/metrics?${APRIL}`],
  'GET /api/hotspots': () => [`/api/hotspots?${MARCH}`, `/api/hotspots?${APRIL}`],
  'GET /api/hotspots/scan': () => [`/api/hotspots/scan?${MARCH}&draws=99`, `/api/hotspots/scan?${APRIL}&draws=99`],
  'GET /api/hexagons': () => [`/api/hexagons?${MARCH}&res=7`, `/api/hexagons?${MARCH}&res=8`],
  'GET /api/hexagons/columns': () => [`/api/hexagons/columns?${MARCH}&res=7`, `/api/hexagons/columns?${MARCH}&res=8`],
  'GET /api/timeline': () => [`/api/timeline?${MARCH}`, `/api/timeline?${APRIL}`],
  'GET /api/emerging': () => [
    '/api/emerging?from=2024-01-01&to=2024-06-30',
    '/api/emerging?from=2024-01-01&to=2024-05-31',
  ],
  'GET /api/records': () => [`/api/records?${MARCH}&mahalla=1`, `/api/records?${APRIL}&mahalla=1`],
  'GET /api/records.csv': () => [`/api/records.csv?${MARCH}&mahalla=1`, `/api/records.csv?${APRIL}&mahalla=1`],
  'GET /api/records/points': () => [`/api/records/points?${MARCH}`, `/api/records/points?${APRIL}`],
  'GET /api/records/heat': () => [
    `/api/records/heat?${MARCH}&res=7`,
    `/api/records/heat?${APRIL}&res=7&bbox=55,37,74,46`,
  ],
  'GET /api/coverage': () => [`/api/coverage?${MARCH}`, `/api/coverage?${APRIL}`],
  'GET /api/coverage/outlines': () => ['/api/coverage/outlines'],
  'GET /api/coverage/territories': () => ['/api/coverage/territories'],
  'GET /api/inspectors/:id': () => [`/api/inspectors/1?${MARCH}`, `/api/inspectors/1?${APRIL}`],
  'GET /api/applications/flow': () => [`/api/applications/flow?${MARCH}`, `/api/applications/flow?${APRIL}`],
  'GET /api/applications/flow/mahallas': () => [
    `/api/applications/flow/mahallas?${MARCH}`,
    `/api/applications/flow/mahallas?${APRIL}`,
  ],
  'GET /api/cooperation/summary': () => [`/api/cooperation/summary?${MARCH}`, `/api/cooperation/summary?${APRIL}`],
  'GET /api/cooperation/mahallas': () => [`/api/cooperation/mahallas?${MARCH}`, `/api/cooperation/mahallas?${APRIL}`],
  'GET /api/cooperation/matrix': () => [`/api/cooperation/matrix?${MARCH}`, `/api/cooperation/matrix?${APRIL}`],
  'GET /api/cooperation/gaps': () => [`/api/cooperation/gaps?${MARCH}`, `/api/cooperation/gaps?${APRIL}`],
  'GET /api/cooperation/before-after': () => [
    `/api/cooperation/before-after?${MARCH}`,
    `/api/cooperation/before-after?${APRIL}`,
  ],
  'GET /api/plans': () => ['/api/plans'],
  'GET /api/plans/archive': () => ['/api/plans/archive'],
  'GET /api/plans/:id': (i) => [`/api/plans/${i.plan}`],
  'GET /api/playlists': () => ['/api/playlists'],
  'GET /api/playlists/:id': (i) => [`/api/playlists/${i.playlist}`],
  'GET /api/admin/users': () => ['/api/admin/users'],
  'GET /api/admin/kiosk-tokens': () => ['/api/admin/kiosk-tokens'],
  'GET /api/admin/audit': () => ['/api/admin/audit', '/api/admin/audit?action=plans.create'],
  'GET /api/admin/audit.csv': () => ['/api/admin/audit.csv', '/api/admin/audit.csv?action=plans.create'],
  'GET /api/territories/versions': () => ['/api/territories/versions', '/api/territories/versions?district=1726287'],
  'GET /api/territories/in-force': () => [
    '/api/territories/in-force?day=2024-03-31',
    '/api/territories/in-force?day=2024-04-30',
  ],
  'GET /api/territories/diff': (i) => [`/api/territories/diff?before=${i.draft}&after=${i.submitted}`],
  'GET /api/territories/versions/:id': (i) => [`/api/territories/versions/${i.draft}`],
  'GET /api/territories/versions/:id/annex': (i) => [
    `/api/territories/versions/${i.draft}/annex?${MARCH}`,
    `/api/territories/versions/${i.draft}/annex?${APRIL}`,
  ],
  'GET /api/territories/versions/:id/annex.csv': (i) => [`/api/territories/versions/${i.draft}/annex.csv`],
  'GET /api/territories/versions/:id/annex.xlsx': (i) => [`/api/territories/versions/${i.draft}/annex.xlsx`],
  'GET /api/territories/versions/:id/territories.geojson': (i) => [
    `/api/territories/versions/${i.draft}/territories.geojson`,
  ],
  'GET /api/planner/model': () => ['/api/planner/model?district=1726287', '/api/planner/model?district=1726273'],
  'GET /api/imports': () => ['/api/imports'],
  'GET /api/tiles/mahallas.json': () => ['/api/tiles/mahallas.json'],
  'GET /api/tiles/mahalla-index': () => ['/api/tiles/mahalla-index'],
};

/**
 * Vector tiles are gzipped once when cut and named by the boundaries' fingerprint: their ETag is the same for every
 * asker on purpose (geography, not records: server/routes/tiles.ts), so only compression and the 304 are checked.
 */
const TILES = 'GET /api/tiles/mahallas/:fp/:z/:x/:file';

/** GET routes that need an import job made first (test/server/api/imports.test.ts); they pass the same middleware. */
const ELSEWHERE = new Set([
  'GET /api/imports/jobs/:id',
  'GET /api/imports/jobs/:id/report',
  'GET /api/imports/jobs/:id/rejects',
]);

let w: SignedIn;
let ids: Ids;

beforeAll(async () => {
  w = await givenRoles();
  const id = async (url: string, body: unknown) =>
    ((await (await w.as('admin', url, post(body))).json()) as { id: number }).id;
  ids = {
    plan: await id('/api/plans', PLAN),
    playlist: await id('/api/playlists', PLAYLIST),
    draft: await id('/api/territories/versions', DRAFT),
    submitted: await id('/api/territories/versions', DRAFT),
  };
  await w.as('admin', `/api/territories/versions/${ids.submitted}/submit`, post({ version: 1 }));
});
afterAll(() => w.close());

const get = (url: string, headers: Record<string, string> = {}, role: 'admin' | 'district_head' = 'admin') =>
  w.as(role, url, { headers });

/** The body as the client reads it, undoing the answer's Content-Encoding. */
async function decoded(res: Response): Promise<Buffer> {
  const raw = Buffer.from(await res.arrayBuffer());
  const enc = res.headers.get('content-encoding');
  return enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw;
}

describe('the table covers the app', () => {
  it('names every GET route under /api', () => {
    const served = new Set(
      w.app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/')).map((r) => `GET ${r.path}`),
    );
    expect([...served].filter((r) => !(r in ROUTES) && !ELSEWHERE.has(r) && r !== TILES).sort()).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !served.has(r))).toEqual([]);
  });
});

describe(TILES, () => {
  it('is sent gzipped, and a repeated request naming its ETag gets a 304 without a body', async () => {
    const { fingerprint } = (await (await get('/api/tiles/mahallas.json')).json()) as { fingerprint: string };
    const url = `/api/tiles/mahallas/${fingerprint}/8/177/95.pbf`;
    const first = await get(url, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await first.arrayBuffer())).byteLength).toBeGreaterThan(0);
    const again = await get(url, { 'if-none-match': first.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });
});

describe.each(Object.entries(ROUTES))('%s', (_name, request) => {
  it.each(['br', 'gzip'] as const)('is %s-compressed over a kilobyte, and the same bytes as unencoded', async (enc) => {
    const [url] = request(ids);
    const plain = await get(url);
    expect(plain.status, await plain.clone().text()).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = Buffer.from(await plain.arrayBuffer());
    const squeezed = await get(url, { 'accept-encoding': `${enc}, identity` });
    expect(squeezed.headers.get('content-encoding')).toBe(body.byteLength >= WIRE.minBytes ? enc : null);
    expect(squeezed.headers.get('vary')).toMatch(/accept-encoding/i);
    // /api/health tells its uptime in whole seconds, which may tick between the two requests.
    const timeless = (b: Buffer): string => b.toString('latin1').replace(/"uptimeS":\d+/, '"uptimeS":0');
    expect(timeless(await decoded(squeezed))).toBe(timeless(body));
  });

  it('answers a repeated request naming its ETag with a 304 and no body', async () => {
    const [url] = request(ids);
    const first = await get(url, { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    // Another ETag (an older answer) gets the whole answer.
    expect((await get(url, { 'if-none-match': 'W/"older"' })).status).toBe(200);
  });

  it("gives another scope's request, and another query, another ETag", async () => {
    const [url, other] = request(ids);
    const admin = (await get(url)).headers.get('etag');
    const district = await get(url, {}, 'district_head');
    // A district head never gets the administrator's 304, even where both answers are the same.
    if (district.status === 200) expect(district.headers.get('etag')).not.toBe(admin);
    const asAdmin = await get(url, { 'if-none-match': admin ?? '' }, 'district_head');
    expect(asAdmin.status).not.toBe(304);
    if (other) expect((await get(other)).headers.get('etag')).not.toBe(admin);
  });
});

describe('caching headers', () => {
  it('let the browser keep data but revalidate it, and never keep exact locations or persons', async () => {
    expect((await get('/api/meta')).headers.get('cache-control')).toBe('private, no-cache');
    expect((await get(`/api/metrics?${MARCH}`)).headers.get('cache-control')).toBe('private, no-cache');
    expect((await get(`/api/records?${MARCH}&mahalla=1`)).headers.get('cache-control')).toBe('no-store');
    expect((await get('/api/admin/users')).headers.get('cache-control')).toBe('no-store');
  });

  it('keep the security headers on compressed answers and 304s', async () => {
    const big = await get('/api/boundaries', { 'accept-encoding': 'br' });
    expect(big.headers.get('content-encoding')).toBe('br');
    const again = await get('/api/boundaries', { 'if-none-match': big.headers.get('etag') ?? '' });
    for (const res of [big, again]) {
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('order query parameters before tagging: the same request written otherwise shares the ETag', async () => {
    const a = await get('/api/metrics?from=2024-03-01&to=2024-03-31');
    const b = await get('/api/metrics?to=2024-03-31&from=2024-03-01');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });
});
