// The hexagon answer as packed columns (GET /api/hexagons/columns) decodes to exactly what the JSON answer says, and
// both equal the JSON answers of the code before the columns were built on the statistics worker (issue 15; the
// golden file was written by that code on the fixture database).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackHexagons } from '../../../server/shared/hexagon-columns.ts';
import { PACKED_TYPE, pack, unpack } from '../../../server/shared/packed.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const GOLDEN = JSON.parse(
  readFileSync(new URL('../../fixtures/api/issue-15-hexagons.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

describe.each(Object.entries(GOLDEN))('%s', (name, golden) => {
  const [role = '', url = ''] = name.split(' ') as ['admin' | 'district_head', string];
  const as = role as 'admin' | 'district_head';

  it('answers the same JSON as before', async () => {
    expect(await (await w.as(as, url)).json()).toEqual(golden);
  });

  it('decodes the packed columns to the same values', async () => {
    const res = await w.as(as, url.replace('/api/hexagons?', '/api/hexagons/columns?'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PACKED_TYPE);
    expect(unpackHexagons(await res.arrayBuffer())).toEqual(golden);
  });
});

describe('packed columns', () => {
  it('round-trip meta and every column type, each column aligned to 8 bytes', () => {
    const cols = {
      a: new Float64Array([1.5, -2, 1e-300]),
      b: new Float32Array([0.25]),
      c: new Uint32Array([0, 4_294_967_295]),
      d: new Int32Array([-7]),
      e: new Uint8Array([1, 2, 3]),
      f: new Int8Array([-3, 3]),
    };
    const bytes = pack({ note: 'Yakkasaroy ≈ 1 km²' }, cols);
    const out = unpack<{ note: string }>(bytes.buffer);
    expect(out.meta.note).toBe('Yakkasaroy ≈ 1 km²');
    for (const [k, v] of Object.entries(cols)) {
      expect(out.columns[k]).toEqual(v);
      expect((out.columns[k]?.byteOffset ?? 1) % 8).toBe(0);
    }
  });

  it('refuse a buffer cut short', () => {
    const bytes = pack({}, { a: new Float64Array(4) });
    expect(() => unpack(bytes.buffer.slice(0, bytes.byteLength - 8))).toThrow(/runs past the end/);
  });
});
