// GET /api/records/heat: the heat map's records per H3 cell, packed (centre lon/lat, weight), equal to binning the
// records' own points; a box keeps only the cells centred in it; a resolution outside 3–8 or a malformed box is a 400
// naming the field.
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

  it('keeps only the cells centred in a box, and boxes that tile the world give back the whole answer', async () => {
    for (const res of [5, 8]) {
      const whole = await heat(`${MARCH}&res=${res}`);
      const cells = (h: typeof whole) =>
        [...h.columns.weight!].map((n, i) => ({ lon: h.columns.lon![i]!, lat: h.columns.lat![i]!, n }));
      const all = cells(whole);
      expect(all.length).toBeGreaterThan(1);
      // Cut through the middle of the cells, so both sides of each cut hold some.
      const lons = all.map((c) => c.lon).sort((a, b) => a - b);
      const lats = all.map((c) => c.lat).sort((a, b) => a - b);
      const midLon = ((lons[0]! + lons.at(-1)!) / 2).toFixed(4);
      const midLat = ((lats[0]! + lats.at(-1)!) / 2).toFixed(4);
      const xs = ['-180', midLon, '180'];
      const ys = ['-90', midLat, '90'];
      const union: typeof all = [];
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          const [w, e, s, n] = [Number(xs[i]), Number(xs[i + 1]), Number(ys[j]), Number(ys[j + 1])];
          const part = await heat(`${MARCH}&res=${res}&bbox=${xs[i]},${ys[j]},${xs[i + 1]},${ys[j + 1]}`);
          const got = cells(part);
          // Centres travel as float32: compared with the box at that precision.
          for (const c of got) {
            expect(c.lon).toBeGreaterThanOrEqual(Math.fround(w));
            expect(c.lon).toBeLessThanOrEqual(Math.fround(e));
            expect(c.lat).toBeGreaterThanOrEqual(Math.fround(s));
            expect(c.lat).toBeLessThanOrEqual(Math.fround(n));
          }
          expect(part.meta.records).toBe(got.reduce((t, c) => t + c.n, 0));
          union.push(...got);
        }
      const key = (c: (typeof all)[number]) => `${c.lon},${c.lat},${c.n}`;
      expect(union.map(key).sort()).toEqual(all.map(key).sort());
      // A small box around one cell's centre holds that cell alone.
      const one = all[0]!;
      const box = [one.lon - 1e-3, one.lat - 1e-3, one.lon + 1e-3, one.lat + 1e-3].map((x) => x.toFixed(5)).join(',');
      expect(cells(await heat(`${MARCH}&res=${res}&bbox=${box}`))).toEqual([one]);
    }
  });

  it('refuses a malformed box, naming bbox', async () => {
    for (const bad of [
      '69,41,70',
      '69,41,70,42,1',
      '70,41,69,42',
      '69,42,70,41',
      '69,41,181,42',
      'a,b,c,d',
      '1e2,1,2,3',
    ])
      await expectRejected(`/api/records/heat?${MARCH}&res=7&bbox=${encodeURIComponent(bad)}`, 'bbox');
  });

  it('refuses a resolution outside 3–8 and a missing one', async () => {
    await expectRejected(`/api/records/heat?${MARCH}&res=9`, 'res');
    await expectRejected(`/api/records/heat?${MARCH}&res=2`, 'res');
    await expectRejected(`/api/records/heat?${MARCH}`, 'res');
  });
});
