// Applications flow routes: the breakdown for an area or a mahalla, and per-mahalla counts for the map.
import { Hono } from 'hono';
import { FlowMahallasQuery, FlowQuery } from '../contract/applications.ts';
import { can, type AppEnv } from '../auth/middleware.ts';
import { getApplicationsByMahalla, getApplicationsFlow } from '../services/applications/flow.ts';
import type { RouteDeps } from './deps.ts';
import { selection } from './selection.ts';
import { validate } from './validate.ts';

export const applicationsRoutes = ({ db }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/applications/flow', can('read', 'wall'), validate('query', FlowQuery), async (c) =>
      c.json(await getApplicationsFlow(db, await selection(c, db, c.req.valid('query'))), 200),
    )
    .get('/applications/flow/mahallas', can('read'), validate('query', FlowMahallasQuery), async (c) =>
      c.json(await getApplicationsByMahalla(db, await selection(c, db, c.req.valid('query'))), 200),
    );
