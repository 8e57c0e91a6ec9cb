// Health and metadata: is the service up, and what does its database hold.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { getMeta, type Meta } from '../services/meta.ts';

export const systemRoutes = (db: Db) => {
  let meta: Promise<Meta> | undefined;
  const started = Date.now();
  return new Hono()
    .get('/health', async (c) => {
      const [row] = await db.all<{ ok: number }>('SELECT 1::INTEGER AS ok');
      return c.json({ status: row?.ok === 1 ? ('ok' as const) : ('degraded' as const), uptimeS: Math.round((Date.now() - started) / 1000) }, 200);
    })
    .get('/meta', async (c) => {
      meta ??= getMeta(db);
      return c.json(await meta, 200);
    });
};
