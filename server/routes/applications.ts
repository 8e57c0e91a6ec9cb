// Applications flow routes: the breakdown for an area or a mahalla, and per-mahalla counts for the map.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { FlowMahallasQuery, FlowQuery } from '../contract/applications.ts';
import { getApplicationsByMahalla, getApplicationsFlow } from '../services/applications/flow.ts';
import { selection } from './selection.ts';
import { validate } from './validate.ts';

export const applicationsRoutes = (db: Db) =>
  new Hono()
    .get('/applications/flow', validate('query', FlowQuery), async (c) => c.json(await getApplicationsFlow(db, await selection(c, db, c.req.valid('query'))), 200))
    .get('/applications/flow/mahallas', validate('query', FlowMahallasQuery), async (c) =>
      c.json(await getApplicationsByMahalla(db, await selection(c, db, c.req.valid('query'))), 200),
    );
