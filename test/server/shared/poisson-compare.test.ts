// Conditional binomial test of two Poisson counts, against exact binomial sums computed independently (Python).
import { describe, expect, it } from 'vitest';
import { compareCounts, MIN_EVENTS } from '../../../server/shared/poisson-compare.ts';

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

  it('uses a close normal approximation for large counts (within 2e-3 of the exact sums)', () => {
    expect(Math.abs(compareCounts(540, 460).p - 0.01244414627717178)).toBeLessThan(2e-3);
    expect(Math.abs(compareCounts(60, 40).p - 0.05688793364098079)).toBeLessThan(2e-3);
    expect(Math.abs(compareCounts(45, 25).p - 0.022462895492509277)).toBeLessThan(2e-3);
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
});
