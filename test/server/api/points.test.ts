// GET /api/records/points: packed Float32 [lon, lat] pairs (8 bytes a point) with the count in x-point-count.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

type LonLat = readonly [number, number];

// March 2024 incidents of the fixture, [lon, lat] as inserted.
const MARCH_MAHALLA_1_2: LonLat[] = [
  [69.201234, 41.201234],
  [69.212345, 41.212345],
  [69.223456, 41.223456], // #1–#3, mahalla 1
  [69.251111, 41.201111],
  [69.262222, 41.212222], // #4, #5, mahalla 2
];
const MARCH_MAHALLA_3_4: LonLat[] = [
  [69.301111, 41.251111],
  [69.312222, 41.262222],
  [69.323333, 41.273333],
  [69.334444, 41.284444],
  [69.345555, 41.295555], // #6–#10
  [69.387654, 41.287654], // #11, mahalla 4
];

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();

async function points(query: InferRequestType<typeof f.api.records.points.$get>['query']) {
  const res = await f.api.records.points.$get({ query });
  expect(res.status).toBe(200);
  return { res, bytes: await res.arrayBuffer() };
}

/** Decoded pairs, sorted by lon then lat (the server promises no order). */
function decode(bytes: ArrayBuffer): LonLat[] {
  const f = new Float32Array(bytes);
  const out: LonLat[] = [];
  for (let i = 0; i + 1 < f.length; i += 2) out.push([f[i] ?? NaN, f[i + 1] ?? NaN]);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Largest coordinate difference between two equally long sorted lists (Infinity when lengths differ). */
function maxError(actual: LonLat[], expected: LonLat[]): number {
  if (actual.length !== expected.length) return Infinity;
  const sorted = [...expected].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return Math.max(
    0,
    ...actual.map((p, i) =>
      Math.max(Math.abs(p[0] - (sorted[i]?.[0] ?? NaN)), Math.abs(p[1] - (sorted[i]?.[1] ?? NaN))),
    ),
  );
}

describe('GET /api/records/points', () => {
  it('sends binary with the number of points in x-point-count', async () => {
    const { res } = await points(MARCH);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-point-count')).toBe('11');
  });

  it('sends 8 bytes per point', async () => {
    const { res, bytes } = await points(MARCH);
    expect(bytes.byteLength).toBe(8 * Number(res.headers.get('x-point-count')));
  });

  it('sends the inserted coordinates, lon before lat, within 1e-5 degrees', async () => {
    const { bytes } = await points(MARCH);
    expect(maxError(decode(bytes), [...MARCH_MAHALLA_1_2, ...MARCH_MAHALLA_3_4])).toBeLessThan(1e-5);
  });

  it('keeps only the incidents of the asked district', async () => {
    const { bytes } = await points({ ...MARCH, district: '1726273' });
    expect(maxError(decode(bytes), MARCH_MAHALLA_3_4)).toBeLessThan(1e-5);
  });

  it('keeps only the asked categories', async () => {
    // fraud in March: #3 (mahalla 1) and #10 (mahalla 3)
    const { bytes } = await points({ ...MARCH, categories: 'fraud' });
    expect(
      maxError(decode(bytes), [
        [69.223456, 41.223456],
        [69.345555, 41.295555],
      ]),
    ).toBeLessThan(1e-5);
  });

  it('keeps only the asked statuses', async () => {
    // unsolved in March: #3 and #8
    const { bytes } = await points({ ...MARCH, statuses: 'unsolved' });
    expect(
      maxError(decode(bytes), [
        [69.223456, 41.223456],
        [69.323333, 41.273333],
      ]),
    ).toBeLessThan(1e-5);
  });

  it('includes the last second of the last day and not the first second after it', async () => {
    // 2024-03-31: #3 at 23:59:59; #19 at 2024-04-01 00:00:00 stays out.
    const { bytes } = await points({ from: '2024-03-31', to: '2024-03-31' });
    expect(maxError(decode(bytes), [[69.223456, 41.223456]])).toBeLessThan(1e-5);
  });

  it('sends an empty body and a count of 0 for a period without incidents', async () => {
    const { res, bytes } = await points({ from: '2023-03-01', to: '2023-03-31' });
    expect(res.headers.get('x-point-count')).toBe('0');
    expect(bytes.byteLength).toBe(0);
  });
});
