// Mann–Kendall S, tie-corrected variance, continuity-corrected z and p on series small enough to count by hand; the
// pair count (two series sorted together) against the single and pairwise counts on random series.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mannKendall,
  mannKendallAt,
  mannKendallPairAt,
  pairwiseCount,
  sortedCount,
  sortedCountPair,
} from '../../../server/stats/mann-kendall.ts';
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

describe('sortedCountPair', () => {
  // z-series as the cube holds them: repeats (0 where p = 1, the ±38 cap), −0, and values close together.
  const z = fc.oneof(
    fc.constantFrom(0, -0, 38, -38, 1.5, -1.5),
    fc.double({ min: -40, max: 40, noNaN: true }),
    fc.integer({ min: -3, max: 3 }),
  );
  /** Two series of one random length 0–300, laid one after the other from a random offset in one array. */
  const twoRows = fc
    .integer({ min: 0, max: 300 })
    .chain((n) => fc.tuple(fc.array(z, { minLength: n, maxLength: n }), fc.array(z, { minLength: n, maxLength: n })))
    .chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), fc.nat(5)))
    .map(([a, b, pad]) => {
      const x = new Float64Array(pad + a.length + b.length);
      x.set(a, pad);
      x.set(b, pad + a.length);
      return { x, startA: pad, startB: pad + a.length, n: a.length };
    });

  it('gives each series the S and tie sum of sortedCount and of the pairwise count', () => {
    fc.assert(
      fc.property(twoRows, ({ x, startA, startB, n }) => {
        const a = pairwiseCount(x, startA, n),
          b = pairwiseCount(x, startB, n);
        expect(sortedCountPair(x, startA, startB, n)).toEqual([...a, ...b]);
        expect(sortedCountPair(x, startA, startB, n)).toEqual([
          ...sortedCount(x, startA, n)!,
          ...sortedCount(x, startB, n)!,
        ]);
        // Swapped, and a series with itself: nothing of one leaks into the other.
        expect(sortedCountPair(x, startB, startA, n)).toEqual([...b, ...a]);
        expect(sortedCountPair(x, startA, startA, n)).toEqual([...a, ...a]);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('mannKendallPairAt is mannKendallAt of each, short series and non-finite values included', () => {
    fc.assert(
      fc.property(twoRows, fc.nat(600), ({ x, startA, startB, n }, at) => {
        if (at < x.length && at % 3 === 0) x[at] = [NaN, Infinity, -Infinity][at % 9 === 0 ? 0 : at % 2]!;
        expect(mannKendallPairAt(x, startA, startB, n)).toEqual([
          mannKendallAt(x, startA, n),
          mannKendallAt(x, startB, n),
        ]);
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('is null when a value of either series is not finite', () => {
    const x = Float64Array.from({ length: 60 }, (_, i) => i % 7);
    expect(sortedCountPair(x, 0, 30, 30)).toEqual([...sortedCount(x, 0, 30)!, ...sortedCount(x, 30, 30)!]);
    x[45] = NaN;
    expect(sortedCountPair(x, 0, 30, 30)).toBeNull();
    expect(sortedCountPair(x, 30, 0, 30)).toBeNull();
  });
});
