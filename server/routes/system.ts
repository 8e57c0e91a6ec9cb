// Health and metadata: is the service up, and what does its database hold (the districts listed are those the asker
// may see).
import { Hono } from 'hono';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { metaOf } from '../services/meta.ts';
import type { RouteDeps } from './deps.ts';

export const systemRoutes = ({ db }: RouteDeps) => {
  const started = Date.now();
  return new Hono<AppEnv>()
    .get('/health', async (c) => {
      const [row] = await db.all<{ ok: number }>('SELECT 1::INTEGER AS ok');
      return c.json(
        {
          status: row?.ok === 1 ? ('ok' as const) : ('degraded' as const),
          uptimeS: Math.round((Date.now() - started) / 1000),
        },
        200,
      );
    })
    .get('/meta', can('read', 'wall'), async (c) => {
      const m = await metaOf(db);
      const scope = principal(c).scope;
      if (scope.kind === 'all') return c.json(m, 200);
      const m2 = await mahallaColumns(db);
      const districts = new Set(
        scope.kind === 'districts' ? scope.districts : scope.ids.map((id) => m2.district[m2.index.get(id) ?? -1]),
      );
      const seen = m.districts.filter((d) => districts.has(d.soato));
      // A district's SOATO code starts with its region's 4 digits.
      const regions = new Set(seen.map((d) => d.soato.slice(0, 4)));
      return c.json({ ...m, districts: seen, regions: m.regions.filter((r) => regions.has(r.soato)) }, 200);
    });
};
