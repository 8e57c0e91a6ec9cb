// Cooperation of services: joint-action summary, the per-mahalla layer, the inspector × service matrix, gaps, before/after.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { BeforeAfterQuery, GapQuery, JointActionQuery } from '../contract/cooperation.ts';
import { getInspectorServiceMatrix, getJointActionLayer, getJointActionSummary } from '../services/cooperation/actions.ts';
import { getCooperationGaps } from '../services/cooperation/gaps.ts';
import { getBeforeAfter } from '../services/cooperation/before-after.ts';
import { validate } from './validate.ts';

export const cooperationRoutes = (db: Db) =>
  new Hono()
    .get('/cooperation/summary', validate('query', JointActionQuery), async (c) => c.json(await getJointActionSummary(db, c.req.valid('query')), 200))
    .get('/cooperation/mahallas', validate('query', JointActionQuery), async (c) => c.json(await getJointActionLayer(db, c.req.valid('query')), 200))
    .get('/cooperation/matrix', validate('query', JointActionQuery), async (c) => c.json(await getInspectorServiceMatrix(db, c.req.valid('query')), 200))
    .get('/cooperation/gaps', validate('query', GapQuery), async (c) => c.json(await getCooperationGaps(db, c.req.valid('query')), 200))
    .get('/cooperation/before-after', validate('query', BeforeAfterQuery), async (c) => c.json(await getBeforeAfter(db, c.req.valid('query')), 200));
