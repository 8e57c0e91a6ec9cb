// Db.ints and Db.typed: INTEGER (and DOUBLE) columns straight into typed arrays, across DuckDB's 2,048-row chunks, with
// parameters.
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

describe('Db.typed', () => {
  it('reads DOUBLE and INTEGER columns of every chunk, NULL as NaN and 0, with the row count', async () => {
    const db = await openDb(':memory:');
    try {
      const r = await db.typed(
        `SELECT (range / 4)::DOUBLE AS d, CASE WHEN range % 1000 = 7 THEN NULL ELSE (range * $k)::INTEGER END AS i,
          CASE WHEN range = 4999 THEN NULL ELSE range::DOUBLE END AS last FROM range(5000)`,
        { k: -3 },
      );
      expect(r.length).toBe(5000);
      expect(Object.keys(r.doubles)).toEqual(['d', 'last']);
      expect(r.doubles.d).toBeInstanceOf(Float64Array);
      expect([r.doubles.d![1], r.doubles.d![2049], r.doubles.d![4999]]).toEqual([0.25, 512.25, 1249.75]);
      expect([r.ints.i![6], r.ints.i![7], r.ints.i![2049], r.ints.i![4999]]).toEqual([-18, 0, -6147, -14997]);
      expect([r.doubles.last![4998], r.doubles.last![4999]]).toEqual([4998, NaN]);
      expect((await db.typed('SELECT 1.5::DOUBLE AS x WHERE false')).length).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses a column that is neither DOUBLE nor INTEGER, naming it', async () => {
    const db = await openDb(':memory:');
    try {
      await expect(db.typed("SELECT 1::INTEGER AS a, 'x' AS b")).rejects.toThrow('column b is neither');
    } finally {
      db.close();
    }
  });
});
