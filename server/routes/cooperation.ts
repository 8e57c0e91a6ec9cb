// Cooperation of services: joint-action summary, the per-mahalla layer, the inspector × service matrix, gaps, before/after.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { BeforeAfterQuery, GapQuery, JointActionQuery } from '../contract/cooperation.ts';
import { getInspectorServiceMatrix, getJointActionLayer, getJointActionSummary } from '../services/cooperation/actions.ts';
import { getCooperationGaps } from '../services/cooperation/gaps.ts';
import { getBeforeAfter } from '../services/cooperation/before-after.ts';
import { selection } from './selection.ts';
import { validate } from './validate.ts';

export const cooperationRoutes = (db: Db) =>
  new Hono()
    .get('/cooperation/summary', validate('query', JointActionQuery), async (c) => c.json(await getJointActionSummary(db, await selection(c, db, c.req.valid('query'))), 200))
    .get('/cooperation/mahallas', validate('query', JointActionQuery), async (c) => c.json(await getJointActionLayer(db, await selection(c, db, c.req.valid('query'))), 200))
    .get('/cooperation/matrix', validate('query', JointActionQuery), async (c) => c.json(await getInspectorServiceMatrix(db, await selection(c, db, c.req.valid('query'))), 200))
    .get('/cooperation/gaps', validate('query', GapQuery), async (c) => {
      const q = c.req.valid('query');
      // The gap rule reads incident categories, so hot spots are always of incidents (whatever records the map shows).
      return c.json(await getCooperationGaps(db, await selection(c, db, { ...q, source: 'incidents' }), q), 200);
    })
    .get('/cooperation/before-after', validate('query', BeforeAfterQuery), async (c) => c.json(await getBeforeAfter(db, await selection(c, db, c.req.valid('query'))), 200));
