// Answers that change only when the data does (/api/meta, /api/boundaries): serialised, hashed and compressed once per
// data generation, scope and request, then served as bytes. Nationally the boundaries are ≈ 4.6 MB of JSON: turning
// the cached object into text on every request cost more than the rest of the request.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../auth/middleware.ts';
import type { Db } from '../db/database.ts';
import { dataEpoch } from '../db/per-db.ts';
import {
  cacheControlOf,
  compress,
  etagOf,
  matches,
  negotiate,
  normalisedUrl,
  notModified,
  replaceBody,
  scopeKey,
  WIRE,
  type Encoding,
} from './wire.ts';

interface Kept {
  type: string;
  etag: string;
  raw: Uint8Array<ArrayBuffer>;
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/** Defaults, one comment per field. */
export const SERVED_ONCE = {
  // Kept once, so the better ratio is worth its ≈ twice the time of the per-request quality.
  brotliQuality: 5,
  // Scopes × routes: a region's dozens of districts each with their head, with room; the oldest goes first.
  maxEntries: 256,
};

/**
 * Keeps the 200 answers of the routes it guards, per data generation of `db`, scope and normalised URL, and serves
 * later requests from the kept bytes (304 when the ETag matches) without running the route. A principal who may not
 * see the route never reaches a kept answer: scope and capabilities are part of the key, and only 200s are kept.
 */
export function servedOnce(db: Db) {
  const kept = new Map<string, Kept>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const scope = scopeKey(c);
    if (c.req.method !== 'GET' || scope === '') return next();
    const url = normalisedUrl(c.req.url);
    const key = `${dataEpoch(db)}|${scope}|${url}`;
    let hit = kept.get(key);
    if (!hit) {
      await next();
      if (c.res.status !== 200 || c.res.headers.has('content-encoding')) return;
      const raw = new Uint8Array(await c.res.arrayBuffer());
      hit = { type: c.res.headers.get('content-type') ?? '', etag: etagOf([scope, url], raw), raw, encoded: {} };
      if (kept.size >= SERVED_ONCE.maxEntries) kept.delete(kept.keys().next().value ?? '');
      kept.set(key, hit);
    }
    const cache = cacheControlOf(c.req.path);
    if (matches(c.req.header('if-none-match'), hit.etag)) {
      notModified(c, hit.etag);
      c.res.headers.set('cache-control', cache);
      c.res.headers.set('vary', 'Accept-Encoding');
      return;
    }
    const enc = hit.raw.byteLength >= WIRE.minBytes ? negotiate(c.req.header('accept-encoding')) : null;
    if (enc) hit.encoded[enc] ??= compress(hit.raw, enc, SERVED_ONCE.brotliQuality);
    const body = enc ? await hit.encoded[enc]! : hit.raw;
    replaceBody(c, body, 200, (h) => {
      h.set('content-type', hit.type);
      h.set('etag', hit.etag);
      h.set('cache-control', cache);
      h.set('vary', 'Accept-Encoding');
      if (enc) h.set('content-encoding', enc);
    });
  });
}
