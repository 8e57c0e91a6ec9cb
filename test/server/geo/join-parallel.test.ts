// The worker-thread join gives exactly PolygonIndex.locateMany's answers, and really runs on workers under vitest.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { PolygonIndex } from '../../../server/geo/polygon-index.ts';
import { JoinPool, locateParallel } from '../../../server/geo/join-parallel.ts';
import { voronoiCells } from './fixtures.ts';

const BOX = [69.0, 41.0, 69.6, 41.5] as const;
const flat = flattenPolygons(voronoiCells(2000, 5, BOX));

function points(n: number, seed: number): { lons: Float64Array; lats: Float64Array } {
  const rng = new Rng(seed);
  const lons = Float64Array.from({ length: n }, () => rng.range(BOX[0] - 0.02, BOX[2] + 0.02));
  const lats = Float64Array.from({ length: n }, () => rng.range(BOX[1] - 0.02, BOX[3] + 0.02));
  return { lons, lats };
}

describe('locateParallel', () => {
  it('equals locateMany on 200,000 points with two workers', async () => {
    const { lons, lats } = points(200_000, 1);
    const expected = new PolygonIndex(flat).locateMany(lons, lats);
    expect(await locateParallel(flat, lons, lats, 2)).toEqual(expected);
  });

  it('starts real workers and can be reused for several batches', async () => {
    const index = new PolygonIndex(flat);
    const pool = await JoinPool.open(index, 2);
    try {
      expect(pool.size).toBe(2);
      for (const seed of [2, 3]) {
        const { lons, lats } = points(50_000 + seed, seed);
        expect(await pool.locate(lons, lats)).toEqual(index.locateMany(lons, lats));
      }
    } finally {
      await pool.close();
    }
  });
});
