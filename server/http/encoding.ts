// The bytes of an answer as they go on the wire, without HTTP: which encoding a client accepts, compression on libuv's
// pool, weak ETags, If-None-Match matching and the normalised URL they hash; and the compressed bodies of answers that
// change only with the data, kept once by content so a warm-up (server/services/warm.ts) can compress one ahead of its
// first request. No Hono here: the middlewares (wire.ts, served-once.ts, static.ts) and the warm-up share it.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Defaults, one comment per field. */
export const WIRE = {
  // Below this, headers and a compressor's framing cost more than they save.
  minBytes: 1024,
  // Brotli 4 compresses a national JSON answer (≈ 2 MB) 10:1 in ≈ 25 ms, on libuv's pool; 5 and above take twice as
  // long for ≈ 25 % less. Answers compressed once and kept (`compressedOnce`) take KEPT.brotliQuality.
  brotliQuality: 4,
  gzipLevel: 5,
  // Packed columns and points (typed arrays: floats' low bytes are noise to a compressor) take less effort for about
  // as much: the national hexagons at resolution 7 (1.8 MB) in 26 ms to 573 KB at brotli 2 against 65 ms to 602 KB at
  // 4, in 21 ms to 560 KB at gzip 2 against 42 ms to 529 KB at 5; 2.3 MB of points in 17 ms against 40 ms at brotli
  // (1.93 MB either way); packed heat bins 89 KB against 84 KB (measured 2026-12-03 on a busy 2-core host).
  binary: { brotliQuality: 2, gzipLevel: 2 },
  // Data answers may be kept by the browser but must be revalidated (ETag) each time they are used.
  cacheControl: 'private, no-cache',
  // Exact locations and persons' records never reach the browser's disk.
  sensitive: ['/api/records', '/api/inspectors/', '/api/admin/'],
};

/** Defaults of the bodies compressed once and kept, one comment per field. */
export const KEPT = {
  // Kept once, so the better ratio is worth its ≈ twice the time of the per-request quality.
  brotliQuality: 5,
  // Bodies of one data generation (a region's districts each with their answers), with room; oldest out first.
  maxEntries: 64,
};

/** Content types worth compressing. */
export const COMPRESSIBLE = /json|csv|text\/|octet-stream|vnd\.hamkor|javascript|xml/;

/** Binary answers (packed columns, points), which compress best per millisecond at WIRE.binary's levels. */
const BINARY = /octet-stream|vnd\.hamkor/;

/** How hard to compress one answer. */
export interface Effort {
  brotliQuality: number;
  gzipLevel: number;
}

/**
 * The compression effort for an answer of content type `type` compressed per request.
 * @example effortFor('application/vnd.hamkor.columns') // WIRE.binary; effortFor('application/json') // quality 4, level 5
 */
export const effortFor = (type: string): Effort =>
  BINARY.test(type) ? WIRE.binary : { brotliQuality: WIRE.brotliQuality, gzipLevel: WIRE.gzipLevel };

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
  gzipLevel = WIRE.gzipLevel,
): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    enc === 'gzip'
      ? await gz(body, { level: gzipLevel })
      : await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
  return out;
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

/**
 * Whether an If-None-Match header names `etag` (or is `*`); weak comparison, as RFC 9110 asks for GET.
 * @example matches('W/"a", W/"b"', 'W/"b"') // true; matches('*', 'W/"b"') // true
 */
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

/**
 * Compressed bodies by encoding and content (the body's ETag `etagOf([], raw)`): the one copy of each, found by every
 * route that answers with the same bytes and by the warm-up that compressed them first. Bounded; oldest out first.
 */
const byContent = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * `raw` compressed with `enc` at KEPT.brotliQuality, once per content: `tag` is `etagOf([], raw)`.
 * @example const body = await compressedOnce(raw, etagOf([], raw), 'br');
 */
export function compressedOnce(raw: Uint8Array, tag: string, enc: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${enc}|${tag}`;
  let body = byContent.get(key);
  if (!body) {
    body = compress(raw, enc, KEPT.brotliQuality);
    if (byContent.size >= KEPT.maxEntries) byContent.delete(byContent.keys().next().value ?? '');
    byContent.set(key, body);
    body.catch(() => byContent.delete(key));
  }
  return body;
}

/**
 * Compresses a body a route will answer with, ahead of its first request (server/services/warm.ts): the national
 * boundaries took ≈ 0.45 s to compress on the first screen's ask (issue 15). Brotli only: what browsers accept.
 * @example await precompress(await mahallaIndexOf(db))
 */
export async function precompress(raw: Uint8Array): Promise<void> {
  if (raw.byteLength >= WIRE.minBytes) await compressedOnce(raw, etagOf([], raw), 'br');
}
