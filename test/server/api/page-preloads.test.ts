// The page preloads the API answers its first screen asks for, for a signed-in session only, and each of them is a
// route that answers that session (a preload of a wrong path would cost a request and save none).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';
import { withPreloads } from '../../../server/static.ts';

const dist = mkdtempSync(join(tmpdir(), 'hamkor-dist-'));
let w: SignedIn;

beforeAll(async () => {
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><title>Hamkor</title></head><body></body></html>',
  );
  w = await givenRoles({ staticDir: dist });
});
afterAll(() => {
  w.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The preloaded URLs of a page, in order. */
const preloads = (html: string): string[] =>
  [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous">/g)].map((m) => m[1]!);

describe('the page', () => {
  it('preloads nothing for a visitor who is not signed in (the sign-in form asks for none of it)', async () => {
    for (const path of ['/', '/coverage']) {
      const res = await w.as(null, path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain('<title>Hamkor</title>');
      expect(preloads(html)).toEqual([]);
    }
  });

  it('preloads the hot-spot map’s first answers on "/", each a route answering that session', async () => {
    for (const role of ['admin', 'inspector'] as const) {
      const res = await w.as(role, '/');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const urls = preloads(await res.text());
      expect(urls).toEqual([
        '/api/auth/me',
        '/api/meta',
        '/api/boundaries',
        '/api/tiles/mahallas.json',
        '/api/tiles/mahalla-index',
      ]);
      for (const url of urls) expect((await w.as(role, url)).status, `${role} ${url}`).toBe(200);
    }
  });

  it('preloads who is signed in and /api/meta on every other page', async () => {
    for (const path of ['/coverage', '/planner', '/briefing/wall']) {
      expect(preloads(await (await w.as('district_head', path)).text()), path).toEqual(['/api/auth/me', '/api/meta']);
    }
  });

  it('is sent as it is when there is nothing to preload or no head to put it in', () => {
    expect(withPreloads('<head></head>', [])).toBe('<head></head>');
    expect(withPreloads('<p>no head</p>', ['/api/meta'])).toBe('<p>no head</p>');
    expect(withPreloads('<head></head>', ['/api/x y'])).toBe(
      '<head><link rel="preload" href="/api/x%20y" as="fetch" crossorigin="anonymous"></head>',
    );
  });
});
