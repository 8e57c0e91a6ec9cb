// Exact binomial tails against direct summation (small n, enumerable) and against published values (large n).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialLower,
  binomialTwoSided,
  binomialUpper,
  incompleteBeta,
  lnGamma,
} from '../../../server/shared/binomial.ts';

/** P(X ≥ k) by summing the probability mass function term by term (exact for small n). */
function summedUpper(k: number, n: number, p: number): number {
  let s = 0;
  for (let j = Math.max(0, k); j <= n; j++) {
    let c = 1;
    for (let t = 1; t <= j; t++) c = (c * (n - j + t)) / t;
    s += c * p ** j * (1 - p) ** (n - j);
  }
  return s;
}

describe('exact binomial tails', () => {
  it('ln Γ matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('I_x(a, b) is symmetric and known at simple points', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.2, 3, 5) + incompleteBeta(0.8, 5, 3)).toBeCloseTo(1, 13);
  });

  it('agrees with summation of the mass function for every k, n ≤ 40', () => {
    for (const n of [1, 2, 5, 13, 40])
      for (const p of [0.001, 0.07, 0.5, 0.93])
        for (let k = 0; k <= n + 1; k++) {
          const want = summedUpper(k, n, p);
          expect(binomialUpper(k, n, p)).toBeCloseTo(want, 12);
          expect(binomialLower(k - 1, n, p)).toBeCloseTo(1 - want, 12);
        }
  });

  it('keeps tiny tails to full relative precision', () => {
    // P(X ≥ 20 | n = 20, p = 0.1) = 1e-20: a normal approximation would say 0 or something far off.
    expect(binomialUpper(20, 20, 0.1) / 1e-20).toBeCloseTo(1, 10);
    expect(binomialLower(0, 1000, 0.05) / 0.95 ** 1000).toBeCloseTo(1, 9);
  });

  it('handles a national-size n (millions of records) in a stable way', () => {
    const n = 3_000_000,
      p = 1e-4; // mean 300, sd ≈ 17.3
    const mid = binomialUpper(300, n, p);
    expect(mid).toBeGreaterThan(0.48);
    expect(mid).toBeLessThan(0.53);
    // 5 sd above: a normal tail of ≈ 2.9e-7, a little heavier for a Poisson-like right tail.
    const far = binomialUpper(387, n, p);
    expect(far).toBeGreaterThan(2e-7);
    expect(far).toBeLessThan(2e-6);
    expect(binomialUpper(387, n, p) + binomialLower(386, n, p)).toBeCloseTo(1, 12);
  });

  it('sums to the continued fraction value, on both sides of the mean and both tails', () => {
    // The tails of spreads up to 2,500 are summed (binomialSeries); incompleteBeta still runs the continued fraction.
    // Both share the front factor, whose ln Γ of ≈ 6·10⁵ leave either ≈ 1.5e-10 from the exact value nationally
    // (checked with 70-digit arithmetic); the lower tail's reference reads 1 − (1 − p) for p, so it is held to 1e-11.
    for (const [n, p] of [
      [64_000, 7e-4],
      [77_128, 2.35e-4],
      [500, 0.3],
      [3_000, 0.5],
      [12, 0.9],
    ] as const) {
      const mean = n * p,
        sd = Math.sqrt(n * p * (1 - p));
      for (let d = -9; d <= 9; d += 0.5) {
        const k = Math.round(mean + d * sd);
        if (k < 1 || k > n) continue;
        const want = incompleteBeta(p, k, n - k + 1);
        expect(Math.abs(binomialUpper(k, n, p) - want) / want).toBeLessThan(1e-12);
        const wantLower = incompleteBeta(1 - p, n - k + 1, k);
        expect(Math.abs(binomialLower(k - 1, n, p) - wantLower) / wantLower).toBeLessThan(1e-11);
      }
    }
  });

  it('two-sided p doubles the smaller tail and caps at 1', () => {
    expect(binomialTwoSided(3, 3, 0.5)).toBeCloseTo(0.25, 14);
    expect(binomialTwoSided(5, 10, 0.5)).toBe(1);
  });
  it('the summed tails stay within 1e-10 of the continued fraction on random n, k and p, extremes included', () => {
    // p = m·2⁻ᵉ, so 1 − (1 − p) is p exactly and the lower tail's reference sees the very same complement. The series
    // runs until its terms no longer change the sum; the continued fraction is the exact reference.
    const p = fc
      .tuple(fc.integer({ min: 1, max: 2 ** 20 - 1 }), fc.integer({ min: 20, max: 45 }))
      .map(([m, e]) => m * 2 ** -e);
    const n = fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 1_000_000 }));
    const at = fc.oneof(fc.double({ min: -12, max: 40, noNaN: true }), fc.constantFrom(-Infinity, Infinity));
    let compared = 0;
    fc.assert(
      fc.property(n, p, at, (total, pr, d) => {
        const sd = Math.sqrt(total * pr * (1 - pr));
        const k = Math.min(
          total,
          Math.max(0, Number.isFinite(d) ? Math.round(total * pr + d * sd) : d > 0 ? total : 0),
        );
        const close = (got: number, want: number): void => {
          if (want < 1e-290) return void expect(got).toBeLessThan(1e-280);
          compared++;
          expect(Math.abs(got - want) / want).toBeLessThanOrEqual(1e-10);
        };
        if (k >= 1) close(binomialUpper(k, total, pr), incompleteBeta(pr, k, total - k + 1));
        if (k < total) close(binomialLower(k, total, pr), incompleteBeta(1 - pr, total - k, k + 1));
      }),
      { seed: 15, numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(2000);
  });
});
