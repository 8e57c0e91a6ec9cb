// Owns the browser-test world: the run's test-scale database and web build (global-setup.ts), restored before each
// test, a several-region database on demand, the real server and Debian's Chromium.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import { AUTH, buildPristine, type Pristine, type WorldScale } from './pristine.ts';
import { REMEMBERED_KEY, type Locale } from '../../web/i18n/locales.ts';
import { demoPassword } from '../../data/demo-accounts.ts';
import { startServer } from '../../server/index.ts';

/** This process's working copies (and its several-region database); the run's shared build lives elsewhere. */
const WORK = join(tmpdir(), `hamkor-browser-tests-${process.pid}`);
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

let regions: Promise<Pristine> | undefined;
/** The several-region database, built the first time a test asks for it (≈ 10 s). */
const regionsOnce = (): Promise<Pristine> => (regions ??= buildPristine('regions', WORK, 'regions'));

let copies = 0;

/**
 * A working copy of the pristine database under a name never used before in this process (8 MB, a few ms). A new
 * name, not the old file overwritten: DuckDB caches open databases by path, and a connection still held by a request
 * that was in flight when the server stopped would keep the old one alive under that path.
 */
function workingCopy(pristine: string): string {
  const db = join(WORK, `test-${++copies}.duckdb`);
  copyFileSync(pristine, db);
  if (existsSync(`${pristine}.wal`)) copyFileSync(`${pristine}.wal`, `${db}.wal`);
  return db;
}

export interface World {
  origin: string;
  browser: Browser;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /**
   * Puts the database back as it was built (playlists, plans, archive, sequences alike) and restarts the server on the
   * same origin: 0.15–0.45 s here, and the next page loads no slower (the server's caches refill within it). Specs
   * call it before each test, so no test sees what another one saved and order never matters. Pages still open lose
   * their connections: open pages inside a test, after it.
   * `scale` 'regions' serves the several-region database instead (built on first use), until the next restore.
   * @example beforeEach(() => world.restoreDatabase());
   */
  restoreDatabase(scale?: WorldScale): Promise<void>;
  /**
   * A page in a new browser context signed in as one of the demo accounts (`admin` may do everything; the others are
   * listed in data/demo-accounts.ts), or signed in as nobody. It opens in English (the language remembered in the
   * browser, as if chosen before), unless `lang` names another of the app's languages; a `?lang=` link still wins.
   */
  newPage(viewport: { width: number; height: number }, user?: string | null, lang?: Locale): Promise<Page>;
  /** A request to the server from the test itself, signed in as the demo administrator. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the real server on a free port, over a fresh copy of the pristine database, and launches Chromium. */
export async function startWorld(): Promise<World> {
  const {
    pristine: { db: pristine, state: pristineState },
    dist,
  } = inject('browserBuild');
  mkdirSync(WORK, { recursive: true });
  const port = await freePort();
  const env = {
    PORT: port,
    HOST: '127.0.0.1',
    HAMKOR_DB: workingCopy(pristine),
    HAMKOR_STATE: workingCopy(pristineState),
    HAMKOR_DIST: dist,
  };
  let server: Awaited<ReturnType<typeof startServer>> | null = await startServer(env, { auth: AUTH });
  const browser = await launchChromium();
  const stop = async (): Promise<void> => {
    await server?.close();
    server = null;
  };
  const start = async (): Promise<void> => {
    server ??= await startServer(env, { auth: AUTH });
  };
  const origin = `http://127.0.0.1:${port}`;
  // The test's own session: a restored database has no sessions, so it signs in again when refused.
  let cookie = '';
  const signIn = async (): Promise<void> => {
    const res = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: demoPassword('admin') }),
    });
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const request = (path: string, init: RequestInit): Promise<Response> =>
    fetch(`${origin}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), cookie },
    });
  return {
    origin,
    browser,
    // Stops only the server (the database and build stay), so a test can watch the app lose and regain it.
    stopServer: stop,
    startServer: start,
    async restoreDatabase(scale = 'test') {
      const from = scale === 'test' ? { db: pristine, state: pristineState } : await regionsOnce();
      // The server opens its file once, at start (DuckDB holds it while open): switch files only while it is stopped.
      await stop();
      const used = [env.HAMKOR_DB, env.HAMKOR_STATE];
      env.HAMKOR_DB = workingCopy(from.db);
      env.HAMKOR_STATE = workingCopy(from.state);
      for (const f of used) for (const g of [f, `${f}.wal`]) rmSync(g, { force: true });
      await start();
    },
    async fetch(path, init = {}) {
      if (!cookie) await signIn();
      const res = await request(path, init);
      if (res.status !== 401) return res;
      await signIn();
      return request(path, init);
    },
    async newPage(viewport, user = 'admin', lang = 'en') {
      const context = await browser.newContext({ viewport });
      // Before every document of the context, as a choice made before: one made on the page (the switch) is kept.
      await context.addInitScript(
        ({ key, value }) => window.localStorage.getItem(key) ?? window.localStorage.setItem(key, value),
        {
          key: REMEMBERED_KEY,
          value: lang,
        },
      );
      if (user !== null) {
        // The context's request shares its cookie jar: the session cookie it receives is the page's.
        const res = await context.request.post(`${origin}/api/auth/login`, {
          data: { username: user, password: demoPassword(user) },
        });
        if (!res.ok()) throw new Error(`sign-in of ${user} answered ${res.status()}: ${await res.text()}`);
      }
      const page = await context.newPage();
      // Closing the page closes its context with it (a context per page: no session leaks into the next test).
      // When the browser itself is shutting down, its contexts are already going: nothing is left to close then.
      page.once('close', () => {
        context.close().catch((err: unknown) => {
          if (browser.isConnected()) throw err;
        });
      });
      return page;
    },
    async close() {
      await browser.close();
      await server?.close();
      server = null;
      // The next world in this process starts afresh; nothing of this one is left behind in /tmp.
      regions = undefined;
      rmSync(WORK, { recursive: true, force: true });
    },
  };
}
