// Owns the browser-test world: a test-scale database, a fresh web build, the real server and Debian's Chromium.
import { mkdirSync, rmSync } from 'node:fs';
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

let built: Promise<{ db: string; dist: string }> | undefined;

/** Builds once per process: the test-scale database (seeded) and the web app into a temp folder. */
function buildOnce(): Promise<{ db: string; dist: string }> {
  built ??= (async () => {
    // Fresh every run (≈ 0.5 s + a few seconds of vite build), so a test never sees an older generator or front end.
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const db = join(WORK, 'test.duckdb');
    const dist = join(WORK, 'dist');
    await buildDatabase({ scale: 'test', out: db });
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit' });
    return { db, dist };
  })();
  return built;
}

export interface World {
  origin: string;
  browser: Browser;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the real server on a free port and launches Chromium. */
export async function startWorld(): Promise<World> {
  const { db, dist } = await buildOnce();
  const port = await freePort();
  const env = { PORT: port, HOST: '127.0.0.1', HAMKOR_DB: db, HAMKOR_DIST: dist };
  let server: Awaited<ReturnType<typeof startServer>> | null = await startServer(env);
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    // Stops only the server (the database and build stay), so a test can watch the app lose and regain it.
    async stopServer() {
      await server?.close();
      server = null;
    },
    async startServer() {
      server ??= await startServer(env);
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
