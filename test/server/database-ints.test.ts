// Db.ints: INTEGER columns straight into Int32Arrays, across DuckDB's 2,048-row chunks, with parameters.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/database.ts';

describe('Db.ints', () => {
  it('reads every row of every chunk, in order, with NULL as 0', async () => {
    const db = await openDb(':memory:');
    try {
      const r = await db.ints<'x' | 'y'>(
        'SELECT range::INTEGER AS x, CASE WHEN range % 1000 = 7 THEN NULL ELSE (range * $k)::INTEGER END AS y FROM range(5000)',
        { k: -3 },
      );
      expect(Object.keys(r)).toEqual(['x', 'y']);
      expect(r.x).toBeInstanceOf(Int32Array);
      expect(r.x.length).toBe(5000);
      expect([r.x[0], r.x[2047], r.x[2048], r.x[4999]]).toEqual([0, 2047, 2048, 4999]);
      expect([r.y[6], r.y[7], r.y[2049], r.y[4999]]).toEqual([-18, 0, -6147, -14997]);
    } finally {
      db.close();
    }
  });

  it('refuses a column that is not INTEGER, naming it', async () => {
    const db = await openDb(':memory:');
    try {
      await expect(db.ints('SELECT 1::INTEGER AS a, 2::BIGINT AS b')).rejects.toThrow('column b is not INTEGER');
    } finally {
      db.close();
    }
  });
});
