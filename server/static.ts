// Serves the built front end from the same origin as the API, with a strict same-origin content policy.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

// Nothing may load from outside the app's origin (air-gapped police networks); the browser enforces it too.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Static files from `dir`, long-cached hashed assets, and index.html for any other non-API GET (client routes). */
export function staticSite(app: Hono, dir: string): void {
  const root = relative(process.cwd(), dir) || '.';
  const indexHtml = (): string => readFileSync(join(dir, 'index.html'), 'utf8');
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    if (c.req.path.startsWith('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not_found', issues: [{ field: 'path', reason: `no route GET ${c.req.path}` }] }, 404);
    return c.html(indexHtml());
  });
}
