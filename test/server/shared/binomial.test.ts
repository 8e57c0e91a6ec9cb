// Exact binomial tails against direct summation (small n, enumerable) and against published values (large n).
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
});
