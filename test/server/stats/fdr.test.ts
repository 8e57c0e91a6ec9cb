// Benjamini–Hochberg step-up and adjusted p-values against a hand-worked example.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { benjaminiHochberg, bhAdjusted, bhCutoff, radixOrder } from '../../../server/stats/fdr.ts';
import { expectAllClose } from './helpers.ts';

// p = [0.01, 0.04, 0.03, 0.005, 0.2], m = 5, α = 0.05. Ranked: 0.005 (k=1), 0.01 (2), 0.03 (3), 0.04 (4), 0.2 (5);
// step-up bounds k/m·α = 0.01, 0.02, 0.03, 0.04, 0.05. The largest k with p(k) ≤ bound is 4 (0.04 ≤ 0.04), so the four
// smallest are rejected, 0.2 is not. Adjusted, from the top: 0.2·5/5 = 0.2; min(0.2, 0.04·5/4 = 0.05) = 0.05;
// min(0.05, 0.03·5/3 = 0.05) = 0.05; min(0.05, 0.01·5/2 = 0.025) = 0.025; min(0.025, 0.005·5/1 = 0.025) = 0.025.
const P = new Float64Array([0.01, 0.04, 0.03, 0.005, 0.2]);

describe('benjaminiHochberg', () => {
  it('rejects the four smallest at α = 0.05', () =>
    expect(Array.from(benjaminiHochberg(P, 0.05))).toEqual([1, 1, 1, 1, 0]));

  it('rejects only the two smallest at α = 0.025 (bounds 0.005, 0.01, 0.015, 0.02, 0.025)', () =>
    expect(Array.from(benjaminiHochberg(P, 0.025))).toEqual([1, 0, 0, 1, 0]));

  it('steps up: a p above its own bound is rejected when a larger rank passes', () => {
    // ranked 0.001, 0.04, 0.045 against bounds 0.0167, 0.0333, 0.05: 0.04 fails its own bound, but rank 3 passes and carries it
    expect(Array.from(benjaminiHochberg(new Float64Array([0.045, 0.04, 0.001]), 0.05))).toEqual([1, 1, 1]);
  });

  it('rejects nothing when even the smallest fails, and handles no tests', () => {
    expect(Array.from(benjaminiHochberg(new Float64Array([0.3, 0.02, 0.5]), 0.05))).toEqual([0, 0, 0]);
    expect(benjaminiHochberg(new Float64Array(0), 0.05)).toHaveLength(0);
    expect(bhCutoff(new Float64Array([0.3, 0.02, 0.5]), 0.05)).toBe(-Infinity);
  });

  it('gives the step-up cut-off 0.04', () => expect(bhCutoff(P, 0.05)).toBe(0.04));
});

describe('bhAdjusted', () => {
  it('adjusts the example to [0.025, 0.05, 0.05, 0.025, 0.2]', () =>
    expectAllClose(bhAdjusted(P), [0.025, 0.05, 0.05, 0.025, 0.2], 1e-15));

  it('caps at 1 and stays monotone in p', () => {
    const p = new Float64Array([0.9, 0.8, 0.95, 0.7]);
    const q = bhAdjusted(p); // 0.95·4/4, then 0.9·4/3 = 1.2 → capped by the running min 0.95, …
    expectAllClose(q, [0.95, 0.95, 0.95, 0.95], 1e-15);
    const order = Array.from(p.keys()).sort((i, j) => p[i]! - p[j]!);
    for (let k = 1; k < order.length; k++) expect(q[order[k]!]!).toBeGreaterThanOrEqual(q[order[k - 1]!]!);
  });

  it('agrees with benjaminiHochberg: rejected exactly where adjusted p ≤ α', () => {
    for (const alpha of [0.01, 0.025, 0.05, 0.1]) {
      const q = bhAdjusted(P);
      expect(Array.from(benjaminiHochberg(P, alpha))).toEqual(Array.from(q, (v) => (v <= alpha ? 1 : 0)));
    }
  });
});

describe('radixOrder', () => {
  it('orders non-negative doubles as a stable comparator sort does (NaN last), and declines a set sign bit', () => {
    const value = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }).filter((v) => !Object.is(v, -0)),
      fc.constantFrom(0, 1, 0.05, 1e-300, 5e-324, Infinity, NaN),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (xs) => {
        const p = Float64Array.from(xs);
        const key = (i: number): number => (Number.isNaN(p[i]!) ? 2 : p[i] === Infinity ? 1.5 : p[i]!);
        const stable = Array.from(p, (_, i) => i).sort((i, j) => key(i) - key(j) || i - j);
        expect(Array.from(radixOrder(p) ?? [])).toEqual(stable);
      }),
      { seed: 15, numRuns: 300 },
    );
    // Values sharing their high word (0.5 plus a few ulps), few among others or all of them (the insertion's budget
    // spent: the low word's passes instead).
    const packed = fc.integer({ min: 0, max: 60 }).map((k) => 0.5 + k * 2 ** -50);
    for (const xs of [fc.array(fc.oneof(value, packed), { maxLength: 300 }), fc.array(packed, { maxLength: 300 })])
      fc.assert(
        fc.property(xs, (vs) => {
          const p = Float64Array.from(vs);
          const key = (i: number): number => (Number.isNaN(p[i]!) ? 2 : p[i] === Infinity ? 1.5 : p[i]!);
          const stable = Array.from(p, (_, i) => i).sort((i, j) => key(i) - key(j) || i - j);
          expect(Array.from(radixOrder(p) ?? [])).toEqual(stable);
        }),
        { seed: 15, numRuns: 200 },
      );
    expect(radixOrder(new Float64Array([0.5, -0, 0.1]))).toBeNull();
    expect(radixOrder(new Float64Array([0.5, -1e-9]))).toBeNull();
  });
});
