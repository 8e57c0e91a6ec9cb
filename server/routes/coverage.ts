// Inspector coverage routes: workload of every territory, dissolved territory outlines, one inspector's card.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { CoverageQuery, InspectorParam, InspectorQuery, OutlinesQuery, normsOf } from '../contract/coverage.ts';
import { getCoverage, getOutlines } from '../services/coverage/coverage.ts';
import { getInspectorCard } from '../services/coverage/inspector-card.ts';
import { areaOf, selection } from './selection.ts';
import { validate } from './validate.ts';

export const coverageRoutes = (db: Db) =>
  new Hono()
    .get('/coverage', validate('query', CoverageQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await getCoverage(db, await selection(c, db, q), normsOf(q)), 200);
    })
    .get('/coverage/outlines', validate('query', OutlinesQuery), async (c) => {
      const { districts } = await areaOf(c, db, c.req.valid('query').district);
      return c.json(await getOutlines(db, districts), 200);
    })
    .get('/inspectors/:id', validate('param', InspectorParam), validate('query', InspectorQuery), async (c) => {
      const q = c.req.valid('query');
      const card = await getInspectorCard(db, c.req.valid('param').id, q, normsOf(q));
      if (!card) return c.json({ error: 'not_found' as const, issues: [{ field: 'id', reason: 'no inspector has this id' }] }, 404);
      return c.json(card, 200);
    });
