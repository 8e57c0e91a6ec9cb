// GET /api/tiles/mahalla-index over the fixture database: every mahalla's id, name, district, centroid and box as
// packed columns equal to the database's, compressed and kept once (304 on a repeated ETag).
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { givenFixture } from '../../fixtures/api/fixture-app.ts';
import { PACKED_TYPE, unpack } from '../../../server/shared/packed.ts';
import type { MahallaIndexMeta } from '../../../server/contract/tiles.ts';

describe('mahalla index', () => {
  it('answers every mahalla as packed columns matching the database, gzipped, then 304', async () => {
    const f = await givenFixture();
    const res = await f.app.request('/api/tiles/mahalla-index', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(PACKED_TYPE);
    const raw = new Uint8Array(await res.arrayBuffer());
    const body = res.headers.get('content-encoding') === 'gzip' ? new Uint8Array(gunzipSync(raw)) : raw;
    const { meta, columns } = unpack<MahallaIndexMeta>(
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
    );
    const rows = await f.db.all<{ id: number; name: string; soato: string; lon: number; lat: number; g: string }>(
      `SELECT id, name, district_soato AS soato, centroid_lon AS lon, centroid_lat AS lat, geometry AS g
       FROM mahallas ORDER BY id`,
    );
    expect(Array.from(columns.id!)).toEqual(rows.map((r) => r.id));
    expect(meta.names).toEqual(rows.map((r) => r.name));
    rows.forEach((r, i) => {
      expect(meta.districts[columns.district![i]!]?.soato).toBe(r.soato);
      expect(columns.centroid![2 * i]).toBeCloseTo(r.lon, 4);
      expect(columns.centroid![2 * i + 1]).toBeCloseTo(r.lat, 4);
      // The box holds every vertex, and some vertex touches each side.
      const xs: number[] = [];
      const ys: number[] = [];
      const walk = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') {
          xs.push(c[0]);
          ys.push(c[1] as number);
        } else if (Array.isArray(c)) c.forEach(walk);
      };
      walk((JSON.parse(r.g) as { coordinates: unknown }).coordinates);
      const box = Array.from(columns.bbox!.subarray(4 * i, 4 * i + 4));
      expect(box[0]).toBeCloseTo(Math.min(...xs), 4);
      expect(box[1]).toBeCloseTo(Math.min(...ys), 4);
      expect(box[2]).toBeCloseTo(Math.max(...xs), 4);
      expect(box[3]).toBeCloseTo(Math.max(...ys), 4);
    });
    const again = await f.app.request('/api/tiles/mahalla-index', {
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });
});
