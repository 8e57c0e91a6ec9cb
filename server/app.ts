// The Hono application: one chained app, one .route() per domain; `AppType` is the contract the web client infers.
import { Hono } from 'hono';
import type { Db } from './db/database.ts';
import { hotspotRoutes } from './routes/hotspots.ts';
import { mahallaRoutes } from './routes/mahallas.ts';
import { systemRoutes } from './routes/system.ts';
import { playlistRoutes } from './routes/playlists.ts';
import { cooperationRoutes } from './routes/cooperation.ts';
import { planRoutes } from './routes/plans.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { applicationsRoutes } from './routes/applications.ts';
import { staticSite } from './static.ts';
import { SelectionRefused } from './selection/select.ts';

export interface AppDeps {
  db: Db;
  /** Built front end to serve (dist/); omitted in API tests. */
  staticDir?: string;
}

export function createApp(deps: AppDeps) {
  const api = new Hono()
    .route('/', systemRoutes(deps.db))
    .route('/', mahallaRoutes(deps.db))
    .route('/', hotspotRoutes(deps.db))
    .route('/', playlistRoutes(deps.db))
    .route('/', cooperationRoutes(deps.db))
    .route('/', planRoutes(deps.db))
    .route('/', coverageRoutes(deps.db))
    .route('/', applicationsRoutes(deps.db));
  const app = new Hono()
    .route('/api', api)
    .notFound((c) => c.json({ error: 'not_found', issues: [{ field: 'path', reason: `no route ${c.req.method} ${c.req.path}` }] }, 404))
    .onError((err, c) => {
      if (err instanceof SelectionRefused) {
        return c.json({ error: err.status === 403 ? 'forbidden' : 'not_found', issues: [{ field: err.field, reason: err.reason }] }, err.status);
      }
      console.error(err);
      return c.json({ error: 'internal', issues: [{ field: 'server', reason: 'unexpected error; see the server log' }] }, 500);
    });
  if (deps.staticDir) staticSite(app, deps.staticDir);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
