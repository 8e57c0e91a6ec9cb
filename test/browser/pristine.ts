// What every browser-test world starts from, built once per vitest run (global-setup.ts) or on demand: a database and
// its user store as built (never opened by a server: each world serves copies), and the web app.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildDatabase } from '../../data/build-db.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { openDb } from '../../server/db/database.ts';
import { openStore } from '../../server/store/duck/open.ts';
import { prepareStore } from '../../server/store/prepare.ts';

/** Passwords are hashed cheaply here (scrypt N = 2^10): a sign-in per test costs milliseconds. */
export const AUTH = { passwordCost: 10 } as const;

/** The scales a world's server may serve: `test` (two Tashkent districts) and `regions` (districts of 3 regions). */
export type WorldScale = 'test' | 'regions';

/** A database and its user store as built, never opened by the server (copied for each start). */
export interface Pristine {
  db: string;
  state: string;
}

/** What the global setup builds for the whole run: the test-scale pristine pair and the web app. */
export interface BrowserBuild {
  pristine: Pristine;
  dist: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserBuild: BrowserBuild;
  }
}

/** Builds a database of `scale` and its user store (demo accounts) in `dir` as `<name>.duckdb`, `<name>-state…`. */
export async function buildPristine(scale: WorldScale, dir: string, name: string): Promise<Pristine> {
  const pristine = { db: join(dir, `${name}.duckdb`), state: join(dir, `${name}-state.duckdb`) };
  await buildDatabase({ scale, out: pristine.db });
  const [db, store] = [await openDb(pristine.db, { readOnly: true }), await openStore(pristine.state)];
  await prepareStore(db, store, (pw) => hashPassword(pw, AUTH.passwordCost));
  store.close();
  db.close();
  return pristine;
}

/** Builds the web app from the working tree into `dist` (a few seconds of vite build). */
export async function buildWebApp(dist: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}
