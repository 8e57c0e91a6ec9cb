// Opens the analytics database and the user store, prepares the store, serves createApp(…) on the configured address.
import { serve } from '@hono/node-server';
import { openDb } from './db/database.ts';
import { hashPassword } from './auth/passwords.ts';
import type { AuthConfig } from './auth/auth.ts';
import { createApp, HTTP_DEFAULTS } from './app.ts';
import { readEnv, type ServerEnv } from './env.ts';
import { openStore } from './store/duck/open.ts';
import { prepareStore, type Prepared } from './store/prepare.ts';
import { writeServerFile } from './services/imports/server-file.ts';
import { keepWarm } from './services/warm.ts';
import { startStatWorkers } from './stats/pool.ts';

export interface Server {
  close(): Promise<void>;
  port: number;
  prepared: Prepared;
  /** settles when the background warm-up (HAMKOR_WARM) under way is done; at once without it */
  warmed: Promise<void>;
}

/** Starts Hamkor; `env` fields not given take their defaults (server/env.ts). */
export async function startServer(
  given: Partial<ServerEnv> = readEnv(),
  opts: { auth?: Partial<AuthConfig> } = {},
): Promise<Server> {
  const env = { ...readEnv({}), ...given };
  // Files this process creates (databases, their WAL) are the service user's alone.
  process.umask(0o077);
  // Read-write: the importer goes through this process or refuses to run beside it (one process holds the file).
  const db = await openDb(env.HAMKOR_DB);
  const store = await openStore(env.HAMKOR_STATE);
  const cost = opts.auth?.passwordCost;
  const prepared = await prepareStore(db, store, (pw) => hashPassword(pw, cost));
  const hosts = [
    ...HTTP_DEFAULTS.hosts,
    ...env.HAMKOR_HOSTS,
    ...(env.HOST !== '0.0.0.0' && env.HOST !== '::' ? [env.HOST] : []),
  ];
  const app = createApp({
    db,
    store,
    staticDir: env.HAMKOR_DIST,
    ...(opts.auth ? { auth: opts.auth } : {}),
    http: {
      hosts,
      trustProxy: env.HAMKOR_TRUST_PROXY,
      timeoutMs: env.HAMKOR_TIMEOUT_S * 1000,
      heavyPermits: env.HAMKOR_HEAVY,
    },
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  // Beside the database: where `npm run import` finds this server, to import through it (DuckDB has one writer).
  const local = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  const url = `http://${local.includes(':') ? `[${local}]` : local}:${env.PORT}`;
  // Only once listening, in the background: startup and health checks never wait for it (issue 15).
  const warmth = env.HAMKOR_WARM ? keepWarm(db) : null;
  // The statistics workers hold no data, so they start whatever HAMKOR_WARM says: the first heavy ask need not wait.
  void startStatWorkers();
  const dropServerFile =
    env.HAMKOR_DB === ':memory:' ? () => undefined : writeServerFile(env.HAMKOR_DB, { url, pid: process.pid });
  return {
    port: env.PORT,
    prepared,
    warmed: warmth?.settled() ?? Promise.resolve(),
    close: () =>
      new Promise<void>((resolve) => {
        dropServerFile();
        const warmed = warmth?.stop() ?? Promise.resolve();
        server.close(() => {
          // The database closes after the load under way (DuckDB must not close beneath a running query).
          void warmed.then(() => {
            db.close();
            store.close();
            resolve();
          });
        });
        // Browsers keep connections open (a wall screen polls forever): without this, close() would wait for them.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
