// Hardening of every request and response: Host and Origin checks, security headers on every kind of answer, no
// caching of API data, a body-size limit, a deadline that interrupts queries, and 404 (not the page) for a missing
// asset.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, querySignal, QueryAborted } from '../../../server/db/database.ts';
import { createApp } from '../../../server/app.ts';
import { CHEAP, givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';
import { errorBody } from '../../fixtures/api/fixture-app.ts';

const dist = mkdtempSync(join(tmpdir(), 'hamkor-dist-'));
let w: SignedIn;
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hamkor</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  w = await givenRoles({ staticDir: dist });
});
afterAll(() => {
  w.close();
  rmSync(dist, { recursive: true, force: true });
});

const SECURITY = {
  'content-security-policy': /default-src 'self'.*frame-ancestors 'none'/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^no-referrer$/,
};

describe('security headers', () => {
  it.each([
    ['API data', 'admin', '/api/metrics?from=2024-03-01&to=2024-03-31', 200],
    ['a refused request', 'admin', '/api/metrics?from=2024-03-01', 400],
    ['no session', null, '/api/metrics?from=2024-03-01&to=2024-03-31', 401],
    ['a forbidden request', 'ministry', '/api/records?from=2024-03-01&to=2024-03-31&mahalla=1', 403],
    ['an unknown API route', 'admin', '/api/nothing', 404],
    ['the page', null, '/coverage', 200],
    ['an asset', null, '/assets/app-1234.js', 200],
    ['a missing asset', null, '/assets/gone-9999.js', 404],
  ] as const)('on %s', async (_what, role, url, status) => {
    const res = await w.as(role, url);
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toMatch(value);
  });

  it('revalidate API data (ETag), cache hashed assets for a year, and revalidate the page', async () => {
    expect((await w.as('admin', '/api/meta')).headers.get('cache-control')).toBe('private, no-cache');
    expect((await w.as('admin', '/api/auth/me')).headers.get('cache-control')).toBe('private, no-cache');
    expect((await w.as(null, '/api/meta')).headers.get('cache-control')).toBe('no-store');
    expect((await w.as(null, '/assets/app-1234.js')).headers.get('cache-control')).toMatch(
      /max-age=31536000, immutable/,
    );
    expect((await w.as(null, '/')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answer a missing asset with JSON 404, never with the page cached for a year', async () => {
    const res = await w.as(null, '/assets/gone-9999.js');
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });
});

describe('Host and Origin', () => {
  it('refuse a Host the server does not answer to (DNS rebinding)', async () => {
    const res = await w.app.request('http://evil.example/api/health', { headers: { host: 'evil.example' } });
    expect(res.status).toBe(421);
    expect(((await res.json()) as { issues: Array<{ field: string }> }).issues[0]?.field).toBe('host');
  });

  it('accept the local names with any port', async () => {
    for (const host of ['localhost:8080', '127.0.0.1:3000', '[::1]:8080'])
      expect((await w.app.request('/api/health', { headers: { host } })).status).toBe(200);
  });

  it('refuse a write, and a read, sent from another site', async () => {
    const post = await w.as('admin', '/api/playlists', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(403);
    expect((await w.as('admin', '/api/meta', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await w.as('admin', '/api/meta', { headers: { origin: 'http://localhost:8080' } })).status).toBe(200);
  });
});

describe('limits', () => {
  it('refuse a body over 1 MiB with 413 naming the body', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const res = await w.as('admin', '/api/playlists', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await errorBody(res)).issues).toEqual([
      { field: 'body', reason: 'must be at most 1024 KiB', code: 'too_large', params: { max: 1024 } },
    ]);
  });

  it('answer 503 with the reason when a request outlives its deadline', async () => {
    // The same data and sessions, served with a deadline that has passed before the first query.
    const late = createApp({ db: w.db, store: w.store, auth: CHEAP, http: { timeoutMs: 0 } });
    const res = await late.request('/api/metrics?from=2024-03-01&to=2024-03-31', {
      headers: { cookie: w.cookie.admin },
    });
    expect(res.status).toBe(503);
    const body = await errorBody(res);
    expect(JSON.stringify(body)).toMatch(/longer than 0 s/);
    expect(body.issues[0]?.code).toBe('unavailable');
  });

  it('let requests through the heavy-request gate once each, however many of its paths they match', async () => {
    // /api/plans is both "/plans" and "/plans/*": holding one permit while waiting for a second deadlocked two of them.
    const gated = createApp({ db: w.db, store: w.store, auth: CHEAP, http: { heavyPermits: 2, timeoutMs: 5000 } });
    const res = await Promise.all(
      Array.from({ length: 6 }, () =>
        Promise.resolve(gated.request('/api/plans', { headers: { cookie: w.cookie.admin } })),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array<number>(6).fill(200));
  });

  it('interrupt a running query when its request is aborted', async () => {
    const db = await openDb(':memory:');
    const ctrl = new AbortController();
    const started = Date.now();
    setTimeout(() => ctrl.abort('client gone'), 100);
    await expect(
      querySignal.run(ctrl.signal, () => db.all('SELECT sum(range)::DOUBLE AS s FROM range(20000000000)')),
    ).rejects.toBeInstanceOf(QueryAborted);
    expect(Date.now() - started).toBeLessThan(5000);
    db.close();
  });
});
