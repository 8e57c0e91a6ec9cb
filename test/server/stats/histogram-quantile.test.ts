// Discrete quantiles from histograms: hand-checked examples, and the same picks as DuckDB's quantile_disc on seeded data.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../server/db/database.ts';
import { discIndex, quantileDisc } from '../../../server/stats/histogram-quantile.ts';

describe('quantileDisc', () => {
  it('picks the first value whose cumulative share reaches q', () => {
    // sorted: 10 10 20 20 20 20 20 30 — the 4th (0.5 · 8 = 4) and the 8th (⌈0.9 · 8⌉ = 8)
    const h: Array<[number, number]> = [
      [30, 1],
      [10, 2],
      [20, 5],
    ];
    expect(quantileDisc(h, 0.5)).toBe(20);
    expect(quantileDisc(h, 0.9)).toBe(30);
    expect(quantileDisc(h, 0.25)).toBe(10);
  });

  it('takes the only value of a single-value histogram and nothing from an empty one', () => {
    expect(quantileDisc([[7, 1]], 0.9)).toBe(7);
    expect(quantileDisc([], 0.5)).toBeNull();
    expect(quantileDisc([[3, 0]], 0.5)).toBeNull();
  });

  it('positions q·n exactly on a value at that value, not the next', () => {
    expect(discIndex(10, 0.5)).toBe(4);
    expect(discIndex(10, 0.9)).toBe(8);
    expect(discIndex(1, 0.5)).toBe(0);
    // not the floor of q·(n − 1): 0.9 of 2 values is the 2nd, 0.75 of 3 the 3rd
    expect(discIndex(2, 0.9)).toBe(1);
    expect(discIndex(3, 0.75)).toBe(2);
  });

  it('picks what DuckDB quantile_disc picks over seeded groups of 1 to 5,000 values', async () => {
    const db = await openDb(':memory:');
    try {
      // 60 groups of different sizes; values 0–199 (heavy ties, as 0.1-day bins have).
      await db.run(
        `CREATE TABLE v AS SELECT g, (hash(g, i) % 200)::INTEGER AS x FROM range(60) t(g), range(1 + (g * g * 1.4)::INTEGER) r(i)`,
      );
      const duck = await db.all<{ g: number; m: number; p: number }>(
        'SELECT g::INTEGER AS g, quantile_disc(x, 0.5) AS m, quantile_disc(x, 0.9) AS p FROM v GROUP BY g ORDER BY g',
      );
      const cells = await db.ints<'g' | 'x' | 'n'>(
        'SELECT g::INTEGER AS g, x, count(*)::INTEGER AS n FROM v GROUP BY ALL',
      );
      const byGroup = new Map<number, Array<[number, number]>>();
      cells.g.forEach((g, k) => byGroup.set(g, [...(byGroup.get(g) ?? []), [cells.x[k] ?? 0, cells.n[k] ?? 0]]));
      expect(duck).toHaveLength(60);
      for (const r of duck) {
        expect(quantileDisc(byGroup.get(r.g) ?? [], 0.5), `group ${r.g}`).toBe(r.m);
        expect(quantileDisc(byGroup.get(r.g) ?? [], 0.9), `group ${r.g}`).toBe(r.p);
      }
    } finally {
      db.close();
    }
  });
});
