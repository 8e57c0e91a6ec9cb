// Comparison periods: the equally long period just before, or the same calendar days a year earlier.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  comparisonPeriod,
  daysBetween,
  lengthDays,
  previousPeriod,
  sameLastYear,
} from '../../../server/shared/period.ts';

describe('comparison periods', () => {
  it('takes the equally long period that ends the day before', () => {
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    expect(lengthDays({ from: '2024-01-30', to: '2024-02-29' })).toBe(31);
  });

  it('takes the same days last year, 29 February becoming 28 February', () => {
    expect(sameLastYear({ from: '2026-08-03', to: '2026-10-31' })).toEqual({ from: '2025-08-03', to: '2025-10-31' });
    expect(sameLastYear({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it('chooses by the compare setting', () => {
    const p = { from: '2026-10-01', to: '2026-10-31' };
    expect(comparisonPeriod(p, 'previous')).toEqual(previousPeriod(p));
    expect(comparisonPeriod(p, 'year')).toEqual({ from: '2025-10-01', to: '2025-10-31' });
  });
});

describe('day numbers', () => {
  it('counts whole days between two dates across a leap day, and back again with addDays', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-11-01', '2026-11-01')).toBe(1096);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(addDays('2023-11-01', daysBetween('2023-11-01', '2025-07-15'))).toBe('2025-07-15');
  });
});
