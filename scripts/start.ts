// `npm start`: builds the web app and the demo database when they are missing or out of date, then serves Hamkor.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildDatabase } from '../data/build-db.ts';
import { SCHEMA_VERSION } from '../data/schema-version.ts';
import { upgradeSchema } from '../data/import/schema-upgrade.ts';
import { openDb } from '../server/db/database.ts';
import { readEnv } from '../server/env.ts';
import { startServer } from '../server/index.ts';
import { carryOver } from '../server/store/carry-over.ts';

/** Newest modification time of any file under `dir` (ms). */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

/** The database's schema version and whether its mahallas are generated; null when it has no meta table. */
async function describe(path: string): Promise<{ version: number; synthetic: boolean } | null> {
  const db = await openDb(path, { readOnly: true });
  try {
    const rows = await db.all<{ key: string; value: string }>(
      "SELECT key, value FROM meta WHERE key IN ('schema_version', 'mahalla_source')",
    );
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    return { version: Number(meta.get('schema_version') ?? 1), synthetic: meta.get('mahalla_source') === 'synthetic' };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const env = readEnv();
const index = `${env.HAMKOR_DIST}/index.html`;
// After a pull, web/ is newer than the last build: rebuild rather than serve yesterday's screens, into the folder that
// is served (HAMKOR_DIST), not vite's default dist/ beside it.
if (!existsSync(index) || (existsSync('web') && newest('web') > statSync(index).mtimeMs)) {
  const outDir = resolve(env.HAMKOR_DIST);
  // The build empties its folder first: never a folder that holds something other than an earlier build.
  if (!existsSync(index) && existsSync(outDir) && readdirSync(outDir).length > 0) {
    console.error(`HAMKOR_DIST=${env.HAMKOR_DIST} is not empty and holds no web build: point it at a build's folder.`);
    process.exit(1);
  }
  console.log('Building the web app…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    stdio: 'inherit',
  });
}
let found = existsSync(env.HAMKOR_DB) ? await describe(env.HAMKOR_DB) : null;
if (found && found.version >= 4 && found.version < SCHEMA_VERSION && !found.synthetic) {
  // Imported data: upgrade in place (constraints, the apostrophes of names), never rebuild it.
  const db = await openDb(env.HAMKOR_DB);
  await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql))).finally(() => db.close());
  found = { ...found, version: SCHEMA_VERSION };
}
if (found && found.version < SCHEMA_VERSION && !found.synthetic) {
  // Real mahallas were imported into it: never replace those silently.
  console.error(
    `${env.HAMKOR_DB} was built with schema ${found.version}; this version needs ${SCHEMA_VERSION}. ` +
      'Rebuild it from your mahalla file: npm run data:build -- --mahallas <file> --out ' +
      env.HAMKOR_DB,
  );
  process.exit(1);
}
if (!found || found.version < SCHEMA_VERSION) {
  // An older demo database may still hold plans and playlists that people typed: carry them into the user store
  // before the rebuild replaces it.
  if (found) await carryOver(env.HAMKOR_DB, env.HAMKOR_STATE);
  console.log(
    `Building the demo database ${env.HAMKOR_DB} (Tashkent city${found ? ', replacing one with an older schema' : ''})…`,
  );
  await buildDatabase({ scale: 'city', out: env.HAMKOR_DB, log: (l) => console.log(l) });
}
const server = await startServer(env);
const { migrated, demoAccounts, noAccounts } = server.prepared;
if (migrated.plans + migrated.playlists > 0)
  console.log(`Moved ${migrated.plans} plans and ${migrated.playlists} playlists into ${env.HAMKOR_STATE}.`);
if (demoAccounts.length > 0) {
  console.log('Demo accounts (one per role; user / password):');
  for (const a of demoAccounts) console.log(`  ${a.role.padEnd(14)} ${a.username} / ${a.password}`);
}
if (noAccounts)
  console.log('No account exists yet: create an administrator with  npm run admin -- create-user <name> --role admin');
console.log(
  `Hamkor is running at http://localhost:${server.port}${env.HOST === '127.0.0.1' ? ' (this machine only; set HOST to serve others)' : ''}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
