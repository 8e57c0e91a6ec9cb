// The Hono application: one chained app, one .route() per domain; `AppType` is the contract the web client infers.
// Every request is checked (Host, Origin, body size) and answered with the security headers; every API route but
// health and sign-in needs a session, and each declares the capability it needs (server/auth/middleware.ts).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { QueryAborted, querySignal, type Db } from './db/database.ts';
import { AUTH_DEFAULTS, createAuth, type AuthConfig } from './auth/auth.ts';
import { authenticate, overTls, signedIn, type AppEnv } from './auth/middleware.ts';
import { auditWrites } from './http/audit.ts';
import { bodyCap, deadline, heavyGate } from './http/limits.ts';
import { checkHostAndOrigin, securityHeaders } from './http/security.ts';
import { servedOnce } from './http/served-once.ts';
import { firstRequests } from './http/first-requests.ts';
import { onTheWire } from './http/wire.ts';
import type { UserStore } from './store/types.ts';
import { adminRoutes } from './routes/admin.ts';
import { applicationsRoutes } from './routes/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { cooperationRoutes } from './routes/cooperation.ts';
import { coverageRoutes } from './routes/coverage.ts';
import type { HttpConfig, RouteDeps } from './routes/deps.ts';
import { hotspotRoutes } from './routes/hotspots.ts';
import { exceptUploads, importRoutes } from './routes/imports.ts';
import { tileRoutes } from './routes/tiles.ts';
import type { ImportConfig } from './services/imports/service.ts';
import { mahallaRoutes } from './routes/mahallas.ts';
import { planRoutes } from './routes/plans.ts';
import { playlistRoutes } from './routes/playlists.ts';
import { systemRoutes } from './routes/system.ts';
import { territoryRoutes } from './routes/territories.ts';
import { plannerRoutes } from './routes/planner.ts';
import { searchRoutes } from './routes/search.ts';
import { SelectionRefused } from './selection/select.ts';
import { staticSite } from './static.ts';
import { issue, type ApiIssue } from './contract/issues.ts';

export interface AppDeps {
  db: Db;
  store: UserStore;
  /** Built front end to serve (dist/); omitted in API tests. */
  staticDir?: string;
  http?: Partial<HttpConfig>;
  auth?: Partial<AuthConfig>;
  /** the clock of sessions and lockouts (tests move it) */
  now?: () => number;
  /** upload limit and folder of the import page (server/services/imports/service.ts IMPORT_DEFAULTS) */
  imports?: Partial<ImportConfig>;
}

/** Defaults, one comment per field. */
export const HTTP_DEFAULTS: HttpConfig = {
  // Local names only: a server reached by another name needs HAMKOR_HOSTS (DNS rebinding otherwise).
  hosts: ['localhost', '127.0.0.1', '[::1]'],
  trustProxy: false,
  // Plans and playlists are a few kB; 1 MiB leaves room and refuses a 100 MB body at once.
  bodyLimit: 1024 * 1024,
  // The slowest national analysis takes a few seconds; a minute means something is wrong.
  timeoutMs: 60_000,
  // Two cores: more heavy queries at once only slow each other and the light requests down.
  heavyPermits: 2,
};

/** The routes whose work is heavy analytics (DuckDB scans, statistics): at most `heavyPermits` run at once. */
const HEAVY = [
  '/metrics',
  '/hotspots',
  '/hotspots/scan',
  '/hexagons',
  '/hexagons/columns',
  '/timeline',
  '/emerging',
  '/records',
  '/records.csv',
  '/records/points',
  '/mahallas/:id',
  '/coverage',
  '/inspectors/:id',
  '/applications/*',
  // Before '/cooperation/*', so its quick permit is the one taken (a request passes the gate once).
  '/cooperation/summary',
  '/cooperation/*',
  '/plans',
  '/plans/*',
  '/territories/*',
];

/**
 * Heavy routes that answer in a few milliseconds nationally (≈ 3–15 ms: the card from its copy of the records, the time
 * line from the day sums, the plan list from kept counts, the joint-action summary): they wait for a permit like the
 * others, but go ahead of slow ones (server/http/limits.ts heavyGate).
 */
const QUICK = new Set(['/mahallas/:id', '/timeline', '/plans', '/cooperation/summary']);

const error = (error: string, i: ApiIssue) => ({ error, issues: [i] });

export function createApp(deps: AppDeps) {
  const http: HttpConfig = { ...HTTP_DEFAULTS, ...deps.http };
  const auth = createAuth(deps.db, deps.store, { ...AUTH_DEFAULTS, ...deps.auth }, deps.now);
  const r: RouteDeps = { db: deps.db, store: deps.store, auth, http };
  const gate = heavyGate(http.heavyPermits);
  const heavy = new Hono<AppEnv>();
  for (const path of HEAVY) heavy.use(path, gate(QUICK.has(path)));
  const api = new Hono<AppEnv>()
    .use('*', exceptUploads(bodyCap(http.bodyLimit)))
    .use('*', async (_c, next) => {
      await auth.ready;
      await next();
    })
    .use('*', authenticate(auth))
    .use('*', auditWrites(deps.store, http.trustProxy))
    // Answers that change only with the data: serialised and compressed once (server/http/served-once.ts).
    .use('/meta', servedOnce(deps.db))
    .use('/boundaries', servedOnce(deps.db, { sameForEveryScope: true }))
    .use('/tiles/mahalla-index', servedOnce(deps.db, { sameForEveryScope: true }))
    .use('/base-points', servedOnce(deps.db))
    // Public: sign-in (its other routes check the session themselves) and health. Everything after needs a session.
    .route('/', authRoutes(r))
    .route('/', systemRoutes(r))
    .use('*', signedIn)
    .route('/', heavy)
    .route('/', adminRoutes(r))
    .route('/', mahallaRoutes(r))
    .route('/', hotspotRoutes(r))
    .route('/', playlistRoutes(r))
    .route('/', cooperationRoutes(r))
    .route('/', planRoutes(r))
    .route('/', coverageRoutes(r))
    .route('/', applicationsRoutes(r))
    .route('/', territoryRoutes(r))
    .route('/', plannerRoutes(r))
    .route('/', searchRoutes(r))
    .route('/', importRoutes(r, deps.imports))
    .route('/', tileRoutes(r));
  const app = new Hono<AppEnv>()
    .use('*', checkHostAndOrigin(http))
    .use(
      '*',
      securityHeaders((c) => overTls(c, http.trustProxy)),
    )
    .use('/api/*', deadline(http.timeoutMs))
    // Compression and ETag/304 of every API answer (server/http/wire.ts).
    .use('/api/*', onTheWire())
    .route('/api', api)
    .notFound((c) =>
      c.json(error('not_found', issue('path', 'no_route', `no route ${c.req.method} ${c.req.path}`)), 404),
    )
    .onError((err, c) => {
      if (err instanceof SelectionRefused)
        return c.json(
          err.status === 403
            ? error('forbidden', issue(err.field, 'outside_area', err.reason))
            : error('not_found', issue(err.field, 'not_found', err.reason, { what: 'mahalla' })),
          err.status,
        );
      // A body that is not JSON at all makes Hono's validator throw a 400: answer it like any bad input.
      if (err instanceof HTTPException && err.status === 400)
        return c.json(error('invalid_request', issue('body', 'not_json', 'must be a JSON object')), 400);
      const signal = querySignal.getStore();
      if (err instanceof QueryAborted || signal?.aborted) {
        return c.json(
          error(
            'unavailable',
            issue(
              'request',
              'unavailable',
              `${String(signal?.reason ?? 'stopped')}: narrow the period or the area, or try again`,
            ),
          ),
          503,
        );
      }
      console.error(err);
      return c.json(error('internal', issue('server', 'internal', 'unexpected error; see the server log')), 500);
    });
  if (deps.staticDir) staticSite(app, deps.staticDir, firstRequests(auth));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
