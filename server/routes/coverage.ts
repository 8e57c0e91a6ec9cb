// Inspector coverage routes: workload of every territory, dissolved territory outlines, one inspector's card.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { memoAsync } from '../db/per-db.ts';
import { CoverageQuery, InspectorParam, InspectorQuery, OutlinesQuery } from '../contract/coverage.ts';
import { getCoverage, getOutlines } from '../services/coverage.ts';
import { getInspectorCard } from '../services/inspector-card.ts';
import { validate } from './validate.ts';

export const coverageRoutes = (db: Db) => {
  // Outlines never change while a server runs: one GeoJSON per district key.
  const outlines = memoAsync((district: string) => getOutlines(db, district || undefined), new Map());
  return new Hono()
    .get('/coverage', validate('query', CoverageQuery), async (c) => c.json(await getCoverage(db, c.req.valid('query')), 200))
    .get('/coverage/outlines', validate('query', OutlinesQuery), async (c) => c.json(await outlines(c.req.valid('query').district ?? ''), 200))
    .get('/inspectors/:id', validate('param', InspectorParam), validate('query', InspectorQuery), async (c) => {
      const card = await getInspectorCard(db, c.req.valid('param').id, c.req.valid('query'));
      if (!card) return c.json({ error: 'not_found' as const, issues: [{ field: 'id', reason: 'no inspector has this id' }] }, 404);
      return c.json(card, 200);
    });
};
