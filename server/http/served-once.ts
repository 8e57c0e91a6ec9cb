// Answers that change only when the data does (/api/meta, /api/boundaries): serialised, hashed and compressed once per
// data generation, scope and request, then served as bytes. Nationally the boundaries are ≈ 4.6 MB of JSON: turning
// the cached object into text on every request cost more than the rest of the request.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../auth/middleware.ts';
import type { Db } from '../db/database.ts';
import { dataEpoch } from '../db/per-db.ts';
import { cacheControlOf, compressedOnce, etagOf, KEPT, matches, negotiate, normalisedUrl, WIRE } from './encoding.ts';
import { notModified, replaceBody, scopeKey } from './wire.ts';

/** An answer kept as it was made; its compressed bodies are encoding.ts's (one copy each, shared by content). */
interface Kept {
  type: string;
  raw: Uint8Array<ArrayBuffer>;
  /** the body's ETag, before the asker's scope is mixed in */
  tag: string;
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
      hit = { type: c.res.headers.get('content-type') ?? '', raw, tag: etagOf([], raw) };
      // Scopes × routes of one data generation; answers the same for every scope (boundaries) are kept once per
      // capability set, not per scope. Oldest out first.
      if (kept.size >= KEPT.maxEntries) kept.delete(kept.keys().next().value ?? '');
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
    const body = enc ? await compressedOnce(hit.raw, hit.tag, enc) : hit.raw;
    replaceBody(c, body, 200, (h) => {
      h.set('content-type', type);
      h.set('etag', etag);
      h.set('cache-control', cache);
      h.set('vary', 'Accept-Encoding');
      if (enc) h.set('content-encoding', enc);
    });
  });
}
