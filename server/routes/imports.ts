// The import page's API (the `imports` capability: analysts and administrators): upload a file (its body streamed to
// disk, the only route with a body over the JSON limit), get its preview and Hamkor's proposed mapping, start a dry run
// or a commit, follow its progress, cancel it, download its full report and rejected rows; and the list of past imports
// (provenance).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { IdParam, JobRequest, UploadQuery } from '../contract/imports.ts';
import { listImports } from '../services/imports/history.ts';
import { createImportService, IMPORT_DEFAULTS, type ImportConfig } from '../services/imports/service.ts';
import { UploadRefused } from '../services/imports/uploads.ts';
import type { RouteDeps } from './deps.ts';
import { jsonBody, validate } from './validate.ts';
import { issue } from '../contract/issues.ts';

/** The upload route, which takes a file's bytes as its body (up to the import limit). */
export const UPLOAD_PATH = '/api/imports/files';

/** Applies `mw` (the JSON body limit) to every request but uploads, which stream and cap their own body. */
export const exceptUploads =
  (mw: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    c.req.method === 'POST' && c.req.path === UPLOAD_PATH ? next() : mw(c, next);

const refused = (c: Context<AppEnv>, e: UploadRefused) =>
  c.json({ error: 'invalid_request' as const, issues: [{ field: e.field, reason: e.reason, ...e.issue }] }, e.status);
/** 404: no such run, or (`file`) the run has no such file to download. */
const missing = (c: Context<AppEnv>, file?: { what: 'report' | 'rejects'; reason: string }) =>
  c.json(
    {
      error: 'not_found' as const,
      issues: [
        file
          ? issue('id', 'import_file_missing', file.reason, { what: file.what })
          : issue('id', 'import_run_missing', 'no such import run on this server'),
      ],
    },
    404,
  );
/** A run's file, streamed (a rejects CSV holds every refused row). */
const fileStream = (path: string): ReadableStream =>
  Readable.toWeb(createReadStream(path)) as unknown as ReadableStream;
const attachment = (name: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-store',
});

export const importRoutes = ({ db, store }: RouteDeps, config: Partial<ImportConfig> = {}) => {
  const imports = createImportService(db, store, { ...IMPORT_DEFAULTS, ...config });
  const who = (c: Context<AppEnv>) => {
    const p = principal(c);
    return { accountId: p.kind === 'account' ? p.id : null, username: p.username, role: p.role };
  };
  return new Hono<AppEnv>()
    .get('/imports', can('imports'), async (c) => c.json(await listImports(db), 200))
    .post('/imports/files', can('imports'), validate('query', UploadQuery), async (c) => {
      const q = c.req.valid('query');
      try {
        return c.json(await imports.upload(c.req.raw.body, q, principal(c).username), 201);
      } catch (e) {
        if (e instanceof UploadRefused) return refused(c, e);
        throw e;
      }
    })
    .post('/imports/jobs', can('imports'), jsonBody, validate('json', JobRequest), async (c) => {
      try {
        return c.json(await imports.start(c.req.valid('json'), who(c)), 202);
      } catch (e) {
        if (e instanceof UploadRefused) return refused(c, e);
        throw e;
      }
    })
    .get('/imports/jobs/:id', can('imports'), validate('param', IdParam), (c) => {
      const job = imports.jobs.get(c.req.valid('param').id);
      return job ? c.json(job, 200) : missing(c);
    })
    .get('/imports/jobs/:id/report', can('imports'), validate('param', IdParam), (c) => {
      const id = c.req.valid('param').id;
      const path = imports.jobs.download(id, 'report');
      if (!path)
        return missing(c, { what: 'report', reason: 'no report: no such run on this server, or it has not ended' });
      return c.body(fileStream(path), 200, attachment(`import-report-${id}.json`, 'application/json'));
    })
    .get('/imports/jobs/:id/rejects', can('imports'), validate('param', IdParam), (c) => {
      const id = c.req.valid('param').id;
      const path = imports.jobs.download(id, 'rejects');
      if (!path)
        return missing(c, {
          what: 'rejects',
          reason: 'no rejected rows: the run did not import the good rows only, or it left none out',
        });
      return c.body(fileStream(path), 200, attachment(`import-rejects-${id}.csv`, 'text/csv; charset=utf-8'));
    })
    .post('/imports/jobs/:id/cancel', can('imports'), validate('param', IdParam), (c) => {
      const job = imports.jobs.cancel(c.req.valid('param').id);
      return job ? c.json(job, 200) : missing(c);
    });
};
