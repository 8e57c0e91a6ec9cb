// What goes on the wire for API answers: compressed (brotli or gzip, as the client accepts) when over a kilobyte, and
// with an ETag so that a client asking again for an unchanged answer gets a 304 without a body. The ETag hashes the
// principal's scope and capabilities, the normalised query and the body: one scope's ETag never matches another's.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../auth/middleware.ts';

export type Encoding = 'br' | 'gzip';

/** Defaults, one comment per field. */
export const WIRE = {
  // Below this, headers and a compressor's framing cost more than they save.
  minBytes: 1024,
  // Brotli 4 compresses a national JSON answer (≈ 2 MB) 10:1 in ≈ 25 ms, on libuv's pool; 5 and above take twice as
  // long for ≈ 25 % less. Answers compressed once and kept (server/http/served-once.ts) take 5.
  brotliQuality: 4,
  gzipLevel: 5,
  // Data answers may be kept by the browser but must be revalidated (ETag) each time they are used.
  cacheControl: 'private, no-cache',
  // Exact locations and persons' records never reach the browser's disk.
  sensitive: ['/api/records', '/api/inspectors/', '/api/admin/'],
};

const COMPRESSIBLE = /json|csv|text\/|octet-stream|vnd\.hamkor|javascript|xml/;

/**
 * The encoding to send for an Accept-Encoding header: brotli when accepted, else gzip, else none (q=0 refuses).
 * @example negotiate('gzip, deflate, br') // 'br'; negotiate('gzip;q=1, br;q=0') // 'gzip'; negotiate(undefined) // null
 */
export function negotiate(accept: string | undefined): Encoding | null {
  const ok = new Set<string>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) ok.add(name);
  }
  if (ok.has('br')) return 'br';
  if (ok.has('gzip') || ok.has('*')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** `body` compressed with `enc` on libuv's thread pool (the event loop keeps answering meanwhile). */
export async function compress(
  body: Uint8Array,
  enc: Encoding,
  brotliQuality = WIRE.brotliQuality,
): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    enc === 'gzip'
      ? await gz(body, { level: WIRE.gzipLevel })
      : await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
  return out;
}

/** Who is asking, as far as what they may see goes: kind, role, capabilities and scope ('' when nobody signed in). */
export function scopeKey(c: Context<AppEnv>): string {
  const p = c.get('principal');
  if (!p) return '';
  return `${p.kind}:${p.role}:${[...p.capabilities].sort().join(',')}:${JSON.stringify(p.scope)}`;
}

/**
 * The request's path with its query parameters sorted, so that equal requests written differently share an ETag.
 * @example normalisedUrl('http://x/api/metrics?to=2&from=1') // '/api/metrics?from=1&to=2'
 */
export function normalisedUrl(url: string): string {
  const u = new URL(url);
  const q = [...u.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return q.length === 0 ? u.pathname : `${u.pathname}?${new URLSearchParams(q).toString()}`;
}

/**
 * A weak ETag over the parts (scope, normalised URL, …) and the body: equal only for the same answer to the same
 * request of the same scope.
 * @example etagOf(['district:…', '/api/meta'], body) // 'W/"kq3…"'
 */
export function etagOf(parts: readonly string[], body: Uint8Array): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\n');
  return `W/"${h.update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names `etag` (or is `*`); weak comparison, as RFC 9110 asks for GET. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const s = t.trim();
    return s === '*' || s.replace(/^W\//, '') === bare;
  });
}

/** Cache-Control of a data answer at `path`. */
export const cacheControlOf = (path: string): string =>
  WIRE.sensitive.some((p) => path.startsWith(p)) ? 'no-store' : WIRE.cacheControl;

/** Replaces the context's response by `body` with the old one's status and headers, changed by `edit`. */
export function replaceBody(c: Context, body: BodyInit | null, status: number, edit: (h: Headers) => void): void {
  const headers = new Headers(c.res.headers);
  edit(headers);
  headers.delete('content-length');
  // Unset first: Hono's setter would copy the old headers (content-length included) over the new ones.
  c.res = undefined;
  c.res = new Response(body, { status, headers });
}

/** A 304 for `etag`: no body, the validators and caching headers only. */
export function notModified(c: Context, etag: string): void {
  replaceBody(c, null, 304, (h) => {
    h.set('etag', etag);
    h.delete('content-type');
    h.delete('content-encoding');
  });
}

/**
 * Streams (answers written as they go with Hono's streamText, which marks them chunked) are compressed as they flow;
 * server-sent events are left alone.
 */
function compressStream(c: Context, enc: Encoding): void {
  const body = c.res.body;
  if (!body) return;
  const z =
    enc === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: WIRE.brotliQuality } })
      : createGzip({ level: WIRE.gzipLevel });
  const out = Readable.fromWeb(body as WebStream<Uint8Array>).pipe(z);
  replaceBody(c, Readable.toWeb(out) as ReadableStream<Uint8Array>, c.res.status, (h) => {
    h.set('content-encoding', enc);
    h.append('vary', 'Accept-Encoding');
  });
}

/**
 * Compression and ETag/304 for every successful GET under /api: the body is read once, hashed, and compressed when
 * over WIRE.minBytes and the client accepts br or gzip. Answers already encoded (served-once.ts) pass untouched.
 */
export const onTheWire = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    // Answers served once (served-once.ts) come encoded and tagged already.
    if (c.res.headers.has('content-encoding') || c.res.headers.has('etag')) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (type.startsWith('text/event-stream')) return;
    const enc = negotiate(c.req.header('accept-encoding'));
    if (c.res.headers.get('transfer-encoding') === 'chunked') {
      if (enc && COMPRESSIBLE.test(type)) compressStream(c, enc);
      return;
    }
    const body: Uint8Array<ArrayBuffer> = new Uint8Array(await c.res.arrayBuffer());
    const etag = etagOf([scopeKey(c), normalisedUrl(c.req.url)], body);
    const cache = cacheControlOf(c.req.path);
    if (matches(c.req.header('if-none-match'), etag)) {
      notModified(c, etag);
      c.res.headers.set('cache-control', cache);
      return;
    }
    const squeeze = enc !== null && body.byteLength >= WIRE.minBytes && COMPRESSIBLE.test(type);
    const sent = squeeze ? await compress(body, enc) : body;
    replaceBody(c, sent, 200, (h) => {
      h.set('etag', etag);
      h.set('cache-control', cache);
      h.append('vary', 'Accept-Encoding');
      if (squeeze) h.set('content-encoding', enc);
    });
  });
