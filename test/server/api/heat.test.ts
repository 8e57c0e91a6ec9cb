// GET /api/records/heat: the heat map's records per H3 cell, packed (centre lon/lat, weight), equal to binning the
// records' own points; a resolution outside 3–8 is a 400 naming `res`.
import { describe, expect, it } from 'vitest';
import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import { expectRejected, sharedFixture } from '../../fixtures/api/fixture-app.ts';
import { unpack } from '../../../server/shared/packed.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';
const f = sharedFixture();

async function heat(query: string) {
  const res = await f.app.request(`/api/records/heat?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.hamkor.columns');
  return unpack<{ res: number; records: number; withoutPoint: number }>(await res.arrayBuffer());
}

describe('GET /api/records/heat', () => {
  for (const res of [3, 5, 8]) {
    it(`counts March's incidents in the resolution-${res} cells their stored cells lie in, at the cells' centres`, async () => {
      const pts = await f.db.all<{ lon: number; lat: number }>(
        `SELECT lon, lat FROM incidents WHERE ts >= '2024-03-01' AND ts < '2024-04-01' AND h3 IS NOT NULL`,
      );
      const expected = new Map<string, number>();
      for (const p of pts) {
        const cell = cellToParent(latLngToCell(p.lat, p.lon, 9), res);
        expected.set(cell, (expected.get(cell) ?? 0) + 1);
      }
      const { meta, columns } = await heat(`${MARCH}&res=${res}`);
      expect(meta).toEqual({ res, records: 11, withoutPoint: 0 }); // 11 incidents in March (fixture-db.ts)
      const got = new Map<string, number>();
      columns.weight!.forEach((n, i) => {
        const cell = latLngToCell(columns.lat![i]!, columns.lon![i]!, res);
        got.set(cell, n);
        const [lat, lon] = cellToLatLng(cell);
        expect(columns.lon![i]).toBeCloseTo(lon, 4);
        expect(columns.lat![i]).toBeCloseTo(lat, 4);
      });
      expect(got).toEqual(expected);
    });
  }

  it('follows the filters: one category, one district', async () => {
    const all = await heat(`${MARCH}&res=7&district=1726273`);
    const none = await heat(`${MARCH}&res=7&categories=missing_person`);
    expect(all.meta.records).toBe(6); // mahallas 3 and 4: 5 + 1
    expect(none.meta.records).toBe(0);
    expect(none.columns.weight).toHaveLength(0);
  });

  it('refuses a resolution outside 3–8 and a missing one', async () => {
    await expectRejected(`/api/records/heat?${MARCH}&res=9`, 'res');
    await expectRejected(`/api/records/heat?${MARCH}&res=2`, 'res');
    await expectRejected(`/api/records/heat?${MARCH}`, 'res');
  });
});
