// What goes on the wire for API answers: compressed (brotli or gzip, as the client accepts) when over a kilobyte, and
// with an ETag so that a client asking again for an unchanged answer gets a 304 without a body. The ETag hashes the
// principal's scope and capabilities, the normalised query and the body: one scope's ETag never matches another's.
// The bytes themselves (encodings, compression, ETags) are encoding.ts's, which needs no Hono.
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../auth/middleware.ts';
import {
  cacheControlOf,
  COMPRESSIBLE,
  compress,
  effortFor,
  etagOf,
  matches,
  negotiate,
  normalisedUrl,
  WIRE,
  type Encoding,
} from './encoding.ts';

/** Who is asking, as far as what they may see goes: kind, role, capabilities and scope ('' when nobody signed in). */
export function scopeKey(c: Context<AppEnv>): string {
  const p = c.get('principal');
  if (!p) return '';
  return `${p.kind}:${p.role}:${[...p.capabilities].sort().join(',')}:${JSON.stringify(p.scope)}`;
}

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
    const effort = effortFor(type);
    const sent = squeeze ? await compress(body, enc, effort.brotliQuality, effort.gzipLevel) : body;
    replaceBody(c, sent, 200, (h) => {
      h.set('etag', etag);
      h.set('cache-control', cache);
      h.append('vary', 'Accept-Encoding');
      if (squeeze) h.set('content-encoding', enc);
    });
  });
