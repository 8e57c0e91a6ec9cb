// The H3 cell stored per point at ingest: computed on the worker for each chunk, joined from two halves in SQL.
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { openDb } from '../../server/db/database.ts';
import { createSchema, loadIncidents } from '../../data/load.ts';
import type { IncidentChunk } from '../../data/generate/incidents.ts';
import { H3Pool } from '../../server/geo/h3-pool.ts';
import { h3Halves } from '../../server/geo/h3-bits.ts';
import { Rng } from '../../data/generate/random.ts';
import { flattenPolygons } from '../../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../../server/geo/polygon-index.ts';

/** One mahalla around all the test points (the loader joins every point to a mahalla). */
const AROUND = new PolygonIndex(
  flattenPolygons([
    {
      type: 'Polygon',
      coordinates: [
        [
          [69, 41],
          [70, 41],
          [70, 42],
          [69, 42],
          [69, 41],
        ],
      ],
    },
  ]),
);

/** `n` seeded incidents over Tashkent, one second apart from `sec0` (so the loader's time order is the input order). */
function chunk(n: number, sec0: number, rng: Rng): IncidentChunk {
  return {
    length: n,
    sec: Int32Array.from({ length: n }, (_, i) => sec0 + i),
    lon: Float64Array.from({ length: n }, () => 69.1 + rng.next() * 0.4),
    lat: Float64Array.from({ length: n }, () => 41.2 + rng.next() * 0.2),
    category: new Uint8Array(n),
    status: new Uint8Array(n),
  };
}

describe('H3 cells at ingest', () => {
  it('stores latLngToCell(lat, lon, 9) of every point, across several chunks', async () => {
    const rng = new Rng(11);
    const chunks = [chunk(3000, 0, rng), chunk(1, 3000, rng), chunk(2500, 3001, rng)];
    const db = await openDb(':memory:');
    try {
      await createSchema(db);
      expect(await loadIncidents(db, chunks, AROUND)).toBe(5501);
      const rows = await db.columns<{ lon: number; lat: number; cell: string }>(
        'SELECT lon, lat, lower(hex(h3)) AS cell FROM incidents ORDER BY id',
      );
      const expected = chunks.flatMap((c) => Array.from(c.lon, (lon, i) => latLngToCell(c.lat[i]!, lon, 9)));
      expect(rows.cell).toEqual(expected);
    } finally {
      db.close();
    }
  });

  it('computes on a real worker thread, with the same answers as the calling thread', async () => {
    const pool = await H3Pool.open();
    try {
      expect(pool.fallbackReason).toBeNull();
      const c = chunk(2000, 0, new Rng(5));
      const [a, b] = await Promise.all([
        pool.cells(c.lon, c.lat),
        pool.cells(c.lon.subarray(0, 10), c.lat.subarray(0, 10)),
      ]);
      expect(a).toEqual(h3Halves(c.lon, c.lat));
      expect(b.hi).toEqual(a.hi.subarray(0, 10)); // answers come back in the order asked
    } finally {
      await pool.close();
    }
  });
});
