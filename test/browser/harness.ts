// Owns the browser-test world: a test-scale database (built once, restored before each test), a fresh web build, the
// real server and Debian's Chromium.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { buildDatabase } from '../../data/build-db.ts';
import { startServer } from '../../server/index.ts';

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

let built: Promise<{ pristine: string; dist: string }> | undefined;

/**
 * Builds once per process: the test-scale database (seeded) as a pristine template that the server never opens, and
 * the web app, into a temp folder.
 */
function buildOnce(): Promise<{ pristine: string; dist: string }> {
  built ??= (async () => {
    // Fresh every run (≈ 0.5 s + a few seconds of vite build), so a test never sees an older generator or front end.
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const pristine = join(WORK, 'pristine.duckdb');
    const dist = join(WORK, 'dist');
    await buildDatabase({ scale: 'test', out: pristine });
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit' });
    return { pristine, dist };
  })();
  return built;
}

let copies = 0;

/**
 * A working copy of the pristine database under a name never used before in this process (8 MB, a few ms). A new
 * name, not the old file overwritten: DuckDB caches open databases by path, and a connection still held by a request
 * that was in flight when the server stopped would keep the old one alive under that path.
 */
function workingCopy(pristine: string): string {
  const db = join(WORK, `test-${++copies}.duckdb`);
  copyFileSync(pristine, db);
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
   * @example beforeEach(() => world.restoreDatabase());
   */
  restoreDatabase(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the real server on a free port, over a fresh copy of the pristine database, and launches Chromium. */
export async function startWorld(): Promise<World> {
  const { pristine, dist } = await buildOnce();
  const port = await freePort();
  const env = { PORT: port, HOST: '127.0.0.1', HAMKOR_DB: workingCopy(pristine), HAMKOR_DIST: dist };
  let server: Awaited<ReturnType<typeof startServer>> | null = await startServer(env);
  const browser = await launchChromium();
  const stop = async (): Promise<void> => {
    await server?.close();
    server = null;
  };
  const start = async (): Promise<void> => {
    server ??= await startServer(env);
  };
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    // Stops only the server (the database and build stay), so a test can watch the app lose and regain it.
    stopServer: stop,
    startServer: start,
    async restoreDatabase() {
      // The server opens its file once, at start (DuckDB holds it while open): switch files only while it is stopped.
      await stop();
      const used = env.HAMKOR_DB;
      env.HAMKOR_DB = workingCopy(pristine);
      rmSync(used, { force: true });
      rmSync(`${used}.wal`, { force: true });
      await start();
    },
    async close() {
      await browser.close();
      await server?.close();
      server = null;
      // The next world in this process builds afresh; nothing is left behind in /tmp.
      built = undefined;
      rmSync(WORK, { recursive: true, force: true });
    },
  };
}
