// Conditional binomial test of two Poisson counts, against exact binomial sums computed independently (Python,
// fractions.Fraction and math.comb: no floating point until the end).
import { describe, expect, it } from 'vitest';
import { changePercent, compareCounts, falseAlarmChance, MIN_EVENTS } from '../../../server/shared/poisson-compare.ts';

describe('compareCounts', () => {
  it('does not call 1 → 4 events an alarming +300 %', () => {
    const c = compareCounts(4, 1);
    expect(4 + 1).toBeLessThan(MIN_EVENTS);
    expect(c.verdict).toBe('too-few');
    expect(c.ratio).toBe(4);
  });

  it('matches exact two-sided binomial p-values (equal periods, p0 = 1/2)', () => {
    // 2·Σ_{k≥30} C(40,k)/2^40 and 2·Σ_{k≥12} C(20,k)/2^20, summed exactly in Python.
    expect(compareCounts(30, 10).p).toBeCloseTo(0.0022214337732293643, 12);
    expect(compareCounts(12, 8).p).toBeCloseTo(0.5034446716308594, 12);
    expect(compareCounts(8, 12).p).toBeCloseTo(0.5034446716308594, 12);
  });

  it('stays exact for large counts (no normal approximation)', () => {
    expect(compareCounts(540, 460).p).toBeCloseTo(0.01244414627717178, 9);
    expect(compareCounts(60, 40).p).toBeCloseTo(0.05688793364098079, 9);
    expect(compareCounts(45, 25).p).toBeCloseTo(0.022462895492509277, 9);
  });

  it('gives a direction only when the change is significant', () => {
    expect(compareCounts(30, 10).verdict).toBe('up');
    expect(compareCounts(10, 30).verdict).toBe('down');
    expect(compareCounts(12, 8).verdict).toBe('none');
  });

  it('accounts for different period lengths', () => {
    // 20 events in 2 weeks vs 10 in 1 week is the same weekly rate: no change at all.
    const c = compareCounts(20, 10, 2, 1);
    expect(c.ratio).toBe(1);
    expect(c.p).toBeGreaterThan(0.9);
  });

  it('compares a leap-year span per day: 179 in 60 days against 148 in 59 is no change at 10 %', () => {
    // 1 Jan – 29 Feb 2024 (60 days) against 1 Jan – 28 Feb 2023 (59 days). Taken as equally long, the 29th of
    // February's share of the rise reads as a change (p = 0.09697 < 0.1); per day it is not (p = 0.13161).
    const equal = compareCounts(179, 148, 1, 1, 0.1);
    const perDay = compareCounts(179, 148, 60, 59, 0.1);
    expect(equal.p).toBeCloseTo(0.09696566863389376, 9);
    expect(equal.verdict).toBe('up');
    expect(perDay.p).toBeCloseTo(0.13160985284204396, 9);
    expect(perDay.verdict).toBe('none');
    expect(perDay.ratio).toBeCloseTo(179 / 60 / (148 / 59), 12);
  });
});

describe('changePercent', () => {
  it('is the plain change for equal periods and the change per day otherwise', () => {
    expect(changePercent(30, 20)).toBe(50);
    expect(changePercent(10, 20)).toBe(-50);
    expect(changePercent(60, 59, 60, 59)).toBeCloseTo(0, 12);
    // 179 / 60 = 2.983 a day against 148 / 59 = 2.508: 10561 / 8880 − 1 = +18.9 %, not the +20.9 % of the raw counts.
    expect(changePercent(179, 148, 60, 59)).toBeCloseTo((10561 / 8880 - 1) * 100, 12);
  });

  it('measures a rise from nothing against one event', () => {
    expect(changePercent(12, 0)).toBe(1200);
  });
});

/** The test's size summed term by term over every outcome k = 0…n (exact for the small n used here). */
function enumeratedSize(n: number, t1: number, t0: number, alpha: number): number {
  const p0 = t1 / (t1 + t0);
  let s = 0;
  for (let k = 0; k <= n; k++) {
    let c = 1;
    for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
    if (compareCounts(k, n - k, t1, t0, alpha).verdict !== 'none') s += c * p0 ** k * (1 - p0) ** (n - k);
  }
  return s;
}

describe('falseAlarmChance', () => {
  it('is the exact size of the discrete test, far below alpha for few events', () => {
    // Python: Σ of C(n,k)/2^n over the k whose two-sided p < 0.1 — 11/512, 2517/32768, 5425/131072.
    expect(falseAlarmChance(10, 1, 1, 0.1)).toBeCloseTo(11 / 512, 14);
    expect(falseAlarmChance(16, 1, 1, 0.1)).toBeCloseTo(2517 / 32768, 14);
    expect(falseAlarmChance(20, 1, 1, 0.1)).toBeCloseTo(5425 / 131072, 14);
    expect(falseAlarmChance(40, 1, 1, 0.1)).toBeCloseTo(0.0806904677519924, 12);
    expect(falseAlarmChance(327, 60, 59, 0.1)).toBeCloseTo(0.08633674652047177, 9);
  });

  it('equals the enumerated rejection probability for every n up to 60, equal and unequal periods', () => {
    for (const [t1, t0, alpha] of [
      [1, 1, 0.05],
      [60, 59, 0.1],
      [7, 30, 0.1],
    ] as const)
      for (let n = MIN_EVENTS; n <= 60; n++)
        expect(falseAlarmChance(n, t1, t0, alpha)).toBeCloseTo(enumeratedSize(n, t1, t0, alpha), 12);
  });

  it('is zero below MIN_EVENTS, where nothing is judged', () => {
    expect(falseAlarmChance(MIN_EVENTS - 1, 1, 1, 0.5)).toBe(0);
  });
});
