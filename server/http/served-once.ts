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
  raw: Uint8Array<ArrayBuffer>;
  /** the body's ETag, before the asker's scope is mixed in */
  tag: string;
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/** Defaults, one comment per field. */
export const SERVED_ONCE = {
  // Kept once, so the better ratio is worth its ≈ twice the time of the per-request quality.
  brotliQuality: 5,
  // Scopes × routes of one data generation (a region's districts each with their head), with room; oldest out first.
  // Answers the same for every scope (boundaries, ≈ 5 MB nationally) are kept once per capability set, not per scope.
  maxEntries: 64,
};

/**
 * Compressed bodies by encoding and content (the body's ETag), shared by every servedOnce route and the warm-up: a
 * body compressed ahead of its first request (`precompress`) is found by that request. Bounded; oldest out first.
 */
const byContent = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

function compressOnce(raw: Uint8Array, tag: string, enc: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${enc}|${tag}`;
  let body = byContent.get(key);
  if (!body) {
    body = compress(raw, enc, SERVED_ONCE.brotliQuality);
    if (byContent.size >= SERVED_ONCE.maxEntries) byContent.delete(byContent.keys().next().value ?? '');
    byContent.set(key, body);
    body.catch(() => byContent.delete(key));
  }
  return body;
}

/**
 * Compresses the body a servedOnce route will answer with, ahead of its first request (server/services/warm.ts): the
 * national mahalla index took ≈ 0.45 s to compress on the first screen's ask (issue 15). Brotli only: what browsers
 * accept.
 * @example await precompress(await mahallaIndexOf(db))
 */
export async function precompress(raw: Uint8Array): Promise<void> {
  if (raw.byteLength >= WIRE.minBytes) await compressOnce(raw, etagOf([], raw), 'br');
}

/**
 * Keeps the 200 answers of the routes it guards for the current data generation of `db`, per normalised URL and per
 * scope (or, with `sameForEveryScope`, per set of capabilities only), and serves later requests from the kept bytes
 * (304 when the ETag matches) without running the route. The ETag always mixes in the asker's scope, so one scope
 * never gets another's 304. A principal who may not see the route never reaches a kept answer: capabilities are part
 * of the key, and only 200s are kept.
 */
export function servedOnce(db: Db, opts: { sameForEveryScope?: boolean } = {}) {
  const kept = new Map<string, Kept>();
  let generation = dataEpoch(db);
  return createMiddleware<AppEnv>(async (c, next) => {
    const scope = scopeKey(c);
    const p = c.get('principal');
    if (c.req.method !== 'GET' || !p) return next();
    if (dataEpoch(db) !== generation) {
      // An import committed: every kept answer is of older data.
      kept.clear();
      generation = dataEpoch(db);
    }
    const url = normalisedUrl(c.req.url);
    const who = opts.sameForEveryScope ? [...p.capabilities].sort().join(',') : scope;
    const key = `${who}|${url}`;
    let hit = kept.get(key);
    if (!hit) {
      await next();
      if (c.res.status !== 200 || c.res.headers.has('content-encoding')) return;
      const raw = new Uint8Array(await c.res.arrayBuffer());
      hit = { type: c.res.headers.get('content-type') ?? '', raw, tag: etagOf([], raw), encoded: {} };
      if (kept.size >= SERVED_ONCE.maxEntries) kept.delete(kept.keys().next().value ?? '');
      kept.set(key, hit);
    }
    const etag = etagOf([scope, url], new TextEncoder().encode(hit.tag));
    const cache = cacheControlOf(c.req.path);
    if (matches(c.req.header('if-none-match'), etag)) {
      notModified(c, etag);
      c.res.headers.set('cache-control', cache);
      c.res.headers.set('vary', 'Accept-Encoding');
      return;
    }
    const enc = hit.raw.byteLength >= WIRE.minBytes ? negotiate(c.req.header('accept-encoding')) : null;
    const type = hit.type;
    const encoded = enc ? (hit.encoded[enc] ??= compressOnce(hit.raw, hit.tag, enc)) : null;
    const body = encoded ? await encoded : hit.raw;
    replaceBody(c, body, 200, (h) => {
      h.set('content-type', type);
      h.set('etag', etag);
      h.set('cache-control', cache);
      h.set('vary', 'Accept-Encoding');
      if (enc) h.set('content-encoding', enc);
    });
  });
}
