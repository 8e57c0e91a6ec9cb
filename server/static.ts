// Serves the built front end from the same origin as the API: hashed assets cached for a year, index.html for the
// app's own page paths (client routes), and a 404 for any other missing file (a missing asset must not come back as
// HTML cached for a year). Security headers come from server/http/security.ts.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** A path that names a file (has an extension) or lies under /assets/: never answered with the page. */
const isFilePath = (path: string): boolean => path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);

/** Static files from `dir`, and index.html for any other non-API GET that is a page path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- accepts the app whatever its Env (a seam to Hono's generics)
export function staticSite(app: Hono<any>, dir: string): void {
  const root = relative(process.cwd(), dir) || '.';
  const indexHtml = (): string => readFileSync(join(dir, 'index.html'), 'utf8');
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/assets/') && c.res.status === 200)
      c.header('cache-control', 'public, max-age=31536000, immutable');
    // The page names the current hashed assets: it must be fetched anew after an upgrade.
    else if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('cache-control', 'no-cache');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || isFilePath(c.req.path)) {
      return c.json(
        { error: 'not_found', issues: [{ field: 'path', reason: `no file or route GET ${c.req.path}` }] },
        404,
      );
    }
    return c.html(indexHtml());
  });
}
