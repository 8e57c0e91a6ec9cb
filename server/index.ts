// Opens the database and serves createApp({ db }) on the configured port; nothing else.
import { serve } from '@hono/node-server';
import { openDb } from './db/database.ts';
import { upgradeSchema } from './db/schema-upgrade.ts';
import { createApp } from './app.ts';
import { readEnv } from './env.ts';

export async function startServer(env = readEnv()): Promise<{ close(): Promise<void>; port: number }> {
  // Read-write: wall-screen playlists (issue 5) and cooperation plans (issue 4) are stored here. One process holds the file.
  const db = await openDb(env.HAMKOR_DB);
  await upgradeSchema(db);
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
        // Browsers keep connections open (a wall screen polls forever): without this, close() would wait for them.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
