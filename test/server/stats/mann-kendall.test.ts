// Mann–Kendall S, tie-corrected variance, continuity-corrected z and p on series small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { mannKendall, mannKendallAt } from '../../../server/stats/mann-kendall.ts';
import { expectClose } from './helpers.ts';

describe('mannKendall', () => {
  it('strictly increasing, n = 10: S = 45, Var = 10·9·25/18 = 125, Z = 44/√125, p = 8.303e-5', () => {
    const mk = mannKendall(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(mk.s).toBe(45);
    expect(mk.varS).toBe(125);
    expectClose(mk.z, 44 / Math.sqrt(125), 1e-12);
    expectClose(mk.p, 8.303070332644973e-5, 1e-15); // mpmath erfc(Z/√2)
    expect(mk.trend).toBe(1);
  });

  it('strictly decreasing mirrors it', () => {
    const mk = mannKendall(new Float64Array([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
    expect(mk.s).toBe(-45);
    expectClose(mk.z, -44 / Math.sqrt(125), 1e-12);
    expect(mk.trend).toBe(-1);
  });

  it('corrects the variance for ties: [1, 2, 2, 3, 3, 3, 4]', () => {
    // 21 pairs, none decreasing, 1 + 3 tied → S = 17. Var = (7·6·19 − 2·1·9 − 3·2·11) / 18 = (798 − 18 − 66) / 18 = 714/18.
    const mk = mannKendall(new Float64Array([1, 2, 2, 3, 3, 3, 4]));
    expect(mk.s).toBe(17);
    expectClose(mk.varS, 714 / 18, 1e-12);
    expectClose(mk.z, 2.540429395319823, 1e-12); // 16 / √(714/18)
    expectClose(mk.p, 0.011071644553191885, 1e-14);
  });

  it('counts ups and downs with a tie: [3, 1, 2, 2, 5]', () => {
    // up: 3→5, 1→2, 1→2, 1→5, 2→5, 2→5 (6); down: 3→1, 3→2, 3→2 (3); tie: 2=2. S = 3.
    // Var = (5·4·15 − 2·1·9) / 18 = 282/18; Z = (3 − 1)/√(282/18)
    const mk = mannKendall(new Float64Array([3, 1, 2, 2, 5]));
    expect(mk.s).toBe(3);
    expectClose(mk.varS, 282 / 18, 1e-12);
    expectClose(mk.z, 2 / Math.sqrt(282 / 18), 1e-12);
  });

  it('gives z = 0, p = 1 for a constant series', () => {
    const mk = mannKendall(new Float64Array(12).fill(4.2));
    expect([mk.s, mk.varS, mk.z, mk.p, mk.trend]).toEqual([0, 0, 0, 1, 0]);
  });

  it('gives z = 0, p = 1 below 3 values', () => {
    for (const x of [[], [1], [1, 2]]) {
      const mk = mannKendall(Float64Array.from(x));
      expect([mk.z, mk.p]).toEqual([0, 1]);
    }
  });

  it('reads one row of a unit-major matrix with mannKendallAt', () => {
    const m = new Float64Array([9, 9, 9, 1, 2, 3, 4, 0, 0, 0]);
    expect(mannKendallAt(m, 3, 4)).toEqual(mannKendall(new Float64Array([1, 2, 3, 4])));
  });
});
