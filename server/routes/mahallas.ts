// Mahallas: their polygons (GeoJSON), one mahalla's card, and the static layers drawn with them (region and district
// outlines, base points).
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { memoAsync } from '../db/per-db.ts';
import { RangeQuery } from '../contract/common.ts';
import { MahallaParam, MahallasQuery } from '../contract/mahallas.ts';
import { getMahallas } from '../services/mahallas/mahallas.ts';
import { getBasePoints, getBoundaries } from '../services/mahallas/boundaries.ts';
import { getMahallaCard } from '../services/mahallas/card.ts';
import type { Area } from '../selection/area.ts';
import { areaOf, selection } from './selection.ts';
import { validate } from './validate.ts';

export const mahallaRoutes = (db: Db) => {
  // Boundaries never change while a server runs: their GeoJSON is built once per area.
  const mahallas = memoAsync((area: string) => getMahallas(db, JSON.parse(area) as Area), new Map());
  const boundaries = memoAsync(() => getBoundaries(db), new Map<string, ReturnType<typeof getBoundaries>>());
  return new Hono()
    .get('/mahallas', validate('query', MahallasQuery), async (c) => {
      const { area } = await areaOf(c, db, c.req.valid('query').district);
      return c.json(await mahallas(JSON.stringify(area)), 200);
    })
    .get('/mahallas/:id', validate('param', MahallaParam), validate('query', RangeQuery), async (c) => {
      const q = c.req.valid('query');
      const id = c.req.valid('param').id;
      const card = await getMahallaCard(db, { ...(await selection(c, db, { ...q, mahalla: id }, { mahallaField: 'id' })), mahalla: id }, q.compare);
      if (!card) return c.json({ error: 'not_found' as const, issues: [{ field: 'id', reason: 'no mahalla has this id' }] }, 404);
      return c.json(card, 200);
    })
    .get('/boundaries', async (c) => c.json(await boundaries(''), 200))
    .get('/base-points', validate('query', MahallasQuery), async (c) => {
      const { districts } = await areaOf(c, db, c.req.valid('query').district);
      return c.json(await getBasePoints(db, districts), 200);
    });
};
