// The wire middleware's pieces on their own: encoding negotiation, URL normalisation, If-None-Match matching, and a
// streamed answer that stays a stream (compressed as it flows, no ETag) while an SSE stream is left alone, and packed
// columns compressed with the binary effort.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE, streamText } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import {
  compress,
  compressedOnce,
  effortFor,
  etagOf,
  matches,
  negotiate,
  normalisedUrl,
  precompress,
  WIRE,
} from '../../../server/http/encoding.ts';
import { onTheWire } from '../../../server/http/wire.ts';
import { pack, PACKED_TYPE, unpack } from '../../../server/shared/packed.ts';

describe('negotiate', () => {
  it('prefers brotli, falls back to gzip, honours q=0 and sends nothing encoded without a header', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('gzip, deflate')).toBe('gzip');
    expect(negotiate('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiate('*')).toBe('gzip');
    expect(negotiate('identity')).toBeNull();
    expect(negotiate(undefined)).toBeNull();
  });
});

describe('normalisedUrl and matches', () => {
  it('sorts query parameters and compares ETags weakly, lists and * included', () => {
    expect(normalisedUrl('http://h/api/m?to=2&from=1&a=x%20y')).toBe('/api/m?a=x+y&from=1&to=2');
    expect(normalisedUrl('http://h/api/meta')).toBe('/api/meta');
    expect(matches('W/"a", W/"b"', 'W/"b"')).toBe(true);
    expect(matches('"b"', 'W/"b"')).toBe(true);
    expect(matches('*', 'W/"b"')).toBe(true);
    expect(matches('W/"c"', 'W/"b"')).toBe(false);
    expect(matches(undefined, 'W/"b"')).toBe(false);
  });
});

describe('effortFor', () => {
  it('gives packed columns and points the binary effort, JSON and CSV the usual one', () => {
    expect(WIRE.binary.brotliQuality).toBeLessThan(WIRE.brotliQuality);
    expect(WIRE.binary.gzipLevel).toBeLessThan(WIRE.gzipLevel);
    expect(effortFor(PACKED_TYPE)).toEqual(WIRE.binary);
    expect(effortFor('application/octet-stream')).toEqual(WIRE.binary);
    const usual = { brotliQuality: WIRE.brotliQuality, gzipLevel: WIRE.gzipLevel };
    expect(effortFor('application/json; charset=UTF-8')).toEqual(usual);
    expect(effortFor('text/csv; charset=utf-8')).toEqual(usual);
  });
});

describe('compressedOnce and precompress', () => {
  it('keep one compressed copy per content and encoding, the one compressed ahead included', async () => {
    const raw = new TextEncoder().encode(JSON.stringify({ boundaries: 'x'.repeat(5000) }));
    const tag = etagOf([], raw);
    await precompress(raw);
    const first = compressedOnce(raw, tag, 'br');
    expect(compressedOnce(new Uint8Array(raw), tag, 'br')).toBe(first);
    expect(brotliDecompressSync(await first)).toEqual(Buffer.from(raw));
    expect(compressedOnce(raw, tag, 'gzip')).not.toBe(first);
  });
});

const PACKED = pack({ n: 4096 }, { x: Float64Array.from({ length: 4096 }, (_, i) => Math.sqrt(i)) });
const LINES = Array.from({ length: 300 }, (_, i) => `${i},mahalla ${i},${i * 3}\n`);
const app = new Hono()
  .use('*', onTheWire())
  .get('/csv', (c) =>
    streamText(c, async (s) => {
      for (const line of LINES) await s.write(line);
    }),
  )
  .get('/packed', (c) => c.body(PACKED, 200, { 'content-type': PACKED_TYPE }))
  .get('/events', (c) => streamSSE(c, async (s) => s.writeSSE({ data: 'x'.repeat(2000) })));

describe('streams', () => {
  it('compress a streamed CSV as it flows, without an ETag', async () => {
    const res = await app.request('/csv', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toBeNull();
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(LINES.join(''));
  });

  it('leave server-sent events as they are', async () => {
    const res = await app.request('/events', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('x'.repeat(2000));
  });
});

describe('packed answers', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('are compressed (%s) with an ETag and unpack to what was packed', async (enc, inflate) => {
    const res = await app.request('/packed', { headers: { 'accept-encoding': enc } });
    expect(res.headers.get('content-encoding')).toBe(enc);
    expect(res.headers.get('etag')).toMatch(/^W\//);
    const sent = Buffer.from(await res.arrayBuffer());
    // Compressed with the binary effort, which makes other bytes than the usual one would.
    const { brotliQuality, gzipLevel } = WIRE.binary;
    expect(sent).toEqual(Buffer.from(await compress(PACKED, enc, brotliQuality, gzipLevel)));
    expect(sent).not.toEqual(Buffer.from(await compress(PACKED, enc)));
    const raw = inflate(sent);
    const { meta, columns } = unpack<{ n: number }>(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    expect(meta.n).toBe(4096);
    expect(columns.x?.[4095]).toBe(Math.sqrt(4095));
  });
});
