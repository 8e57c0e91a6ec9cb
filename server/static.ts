// Serves the built front end from the same origin as the API: hashed assets cached for a year, index.html for the
// app's own page paths (client routes), and a 404 for any other missing file (a missing asset must not come back as
// HTML cached for a year). Hashed assets are compressed once per file and encoding (the scripts are ≈ 3 MB, ≈ 1 MB
// gzipped). Security headers come from server/http/security.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { serveStatic } from '@hono/node-server/serve-static';
import { issue } from './contract/issues.ts';
import { compress, KEPT, negotiate, WIRE, type Encoding } from './http/encoding.ts';
import { replaceBody } from './http/wire.ts';

/** Types of assets worth compressing (fonts and images are compressed already). */
const TEXTUAL = /javascript|css|json|svg|html|wasm/;

/**
 * Compressed hashed assets, per folder, path and encoding, for the life of the process: their names change with their
 * content, so the bytes never go stale, and a server restarted on the same folder (the browser tests restore the
 * database before each test) does not compress the same 3 MB again.
 */
const kept = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
/** Folders whose assets are being or have been compressed ahead of their first request. */
const primed = new Set<string>();

/**
 * Compresses `dir`'s textual assets with brotli (what browsers accept) in the background, one at a time, once per
 * process: the first page load after a start would otherwise wait for the ≈ 3 MB of scripts to be compressed
 * (≈ 1.1 s on the national first screen, issue 15). A file that fails here is compressed on its request instead.
 */
function primeAssets(dir: string): void {
  if (primed.has(dir)) return;
  primed.add(dir);
  let names: string[];
  try {
    names = readdirSync(join(dir, 'assets'));
  } catch {
    return;
  }
  void names
    .filter((n) => /\.(m?js|css|json|svg|html|wasm)$/.test(n))
    .reduce<Promise<unknown>>(async (before, name) => {
      await before.catch(() => undefined);
      const key = `br ${dir} /assets/${name}`;
      if (kept.has(key)) return;
      const raw = readFileSync(join(dir, 'assets', name));
      if (raw.byteLength < WIRE.minBytes) return;
      const body = compress(raw, 'br', KEPT.brotliQuality);
      kept.set(key, body);
      await body.catch(() => kept.delete(key));
    }, Promise.resolve())
    .catch(() => undefined);
}

/** Hashed assets of `dir` compressed once per path and encoding (see `kept`). */
function compressedAssets(dir: string) {
  return createMiddleware(async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    const enc: Encoding | null = negotiate(c.req.header('accept-encoding'));
    if (c.res.status !== 200 || !enc || !TEXTUAL.test(type) || c.res.headers.has('content-encoding')) return;
    const key = `${enc} ${dir} ${c.req.path}`;
    let body = kept.get(key);
    if (!body) {
      const raw = new Uint8Array(await c.res.arrayBuffer());
      if (raw.byteLength < WIRE.minBytes) {
        replaceBody(c, raw, 200, () => undefined);
        return;
      }
      body = compress(raw, enc, KEPT.brotliQuality);
      kept.set(key, body);
      body.catch(() => kept.delete(key));
    } else await c.res.body?.cancel();
    const bytes = await body;
    replaceBody(c, bytes, 200, (h) => {
      h.set('content-encoding', enc);
      h.append('vary', 'Accept-Encoding');
    });
  });
}

/** A path that names a file (has an extension) or lies under /assets/: never answered with the page. */
const isFilePath = (path: string): boolean => path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);

/**
 * `html` with a preload link for each of `urls` before its `</head>`: the browser asks for them while it compiles the
 * scripts, and the app's own fetch of each takes the answer already there. `crossorigin="anonymous"` matches fetch()'s
 * defaults (CORS mode, cookies for our own origin); without it Chromium would ask a second time.
 * @example withPreloads('<head></head>', ['/api/meta']) // '<head><link rel="preload" href="/api/meta" as="fetch" crossorigin="anonymous"></head>'
 */
export function withPreloads(html: string, urls: readonly string[]): string {
  if (urls.length === 0) return html;
  const links = urls.map((u) => `<link rel="preload" href="${encodeURI(u)}" as="fetch" crossorigin="anonymous">`);
  return html.replace('</head>', `${links.join('')}</head>`);
}

/** The API answers a page at `path` asks for first, for the request `c` (none: nothing to preload). */
export type FirstRequests = (path: string, c: Context) => Promise<readonly string[]>;

/**
 * Static files from `dir`, and index.html for any other non-API GET that is a page path, with preload links for the
 * answers `first` names for it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- accepts the app whatever its Env (a seam to Hono's generics)
export function staticSite(app: Hono<any>, dir: string, first: FirstRequests = () => Promise.resolve([])): void {
  const root = relative(process.cwd(), dir) || '.';
  const abs = resolve(dir);
  primeAssets(abs);
  const indexHtml = (): string => readFileSync(join(dir, 'index.html'), 'utf8');
  // The page is answered here, not by serveStatic (which would send index.html for "/" as it is): its preloads
  // depend on who asks, and its cache-control (below) has the browser ask again every time.
  const page = async (c: Context): Promise<Response> => c.html(withPreloads(indexHtml(), await first(c.req.path, c)));
  app.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/assets/') && c.res.status === 200)
      c.header('cache-control', 'public, max-age=31536000, immutable');
    // The page names the current hashed assets: it must be fetched anew after an upgrade.
    else if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('cache-control', 'no-cache');
  });
  app.use('/assets/*', compressedAssets(abs));
  app.get('/', page);
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || isFilePath(c.req.path)) {
      return c.json(
        { error: 'not_found', issues: [issue('path', 'no_route', `no file or route GET ${c.req.path}`)] },
        404,
      );
    }
    return page(c);
  });
}
