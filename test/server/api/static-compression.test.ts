// Hashed assets of the built front end go out compressed (brotli or gzip, as accepted) and cached for a year; a file
// under a kilobyte, fonts and a client that accepts no encoding get the file as it is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const dist = mkdtempSync(join(tmpdir(), 'hamkor-dist-'));
const SCRIPT = `export const names = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `mahalla ${i}`))};\n`;
let w: SignedIn;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hamkor</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'tiny-1234.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'font-1234.woff2'), Buffer.alloc(4096, 7));
  w = await givenRoles({ staticDir: dist });
});
afterAll(() => {
  w.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, encoding?: string) =>
  w.app.request(path, { headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('hashed assets', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('are sent %s-compressed, the same bytes once decoded, twice alike', async (enc, decode) => {
    for (let k = 0; k < 2; k++) {
      const res = await get('/assets/app-1234.js', `${enc}, deflate`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(enc);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(decode(Buffer.from(await res.arrayBuffer())).toString()).toBe(SCRIPT);
    }
  });

  it('are sent as they are under a kilobyte, for fonts, and to a client that accepts no encoding', async () => {
    for (const [path, enc] of [
      ['/assets/tiny-1234.js', 'br'],
      ['/assets/font-1234.woff2', 'br'],
      ['/assets/app-1234.js', undefined],
    ] as const) {
      const res = await get(path, enc);
      expect(res.headers.get('content-encoding'), path).toBeNull();
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });
});
