// Opens the database and serves createApp({ db }) on the configured port; nothing else.
import { serve } from '@hono/node-server';
import { openDb } from './db/database.ts';
import { createApp } from './app.ts';
import { readEnv } from './env.ts';

export async function startServer(env = readEnv()): Promise<{ close(): Promise<void>; port: number }> {
  const db = await openDb(env.HAMKOR_DB, { readOnly: true });
  const app = createApp({ db, staticDir: env.HAMKOR_DIST });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    port: env.PORT,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
