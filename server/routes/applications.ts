// Applications flow routes: the breakdown for a district or mahalla, and per-mahalla counts for the map.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { FlowMahallasQuery, FlowQuery } from '../contract/coverage.ts';
import { getApplicationsByMahalla, getApplicationsFlow } from '../services/applications-flow.ts';
import { validate } from './validate.ts';

export const applicationsRoutes = (db: Db) =>
  new Hono()
    .get('/applications/flow', validate('query', FlowQuery), async (c) => c.json(await getApplicationsFlow(db, c.req.valid('query')), 200))
    .get('/applications/flow/mahallas', validate('query', FlowMahallasQuery), async (c) => c.json(await getApplicationsByMahalla(db, c.req.valid('query')), 200));
