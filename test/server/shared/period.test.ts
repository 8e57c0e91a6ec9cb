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

  it('keeps the calendar span across a leap day, so the two periods differ by a day and are compared per day', () => {
    // 1 Jan – 29 Feb 2024 against 1 Jan – 28 Feb 2023: 60 days against 59 (the rates per day are compared).
    const leap = { from: '2024-01-01', to: '2024-02-29' };
    expect(sameLastYear(leap)).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    expect([lengthDays(leap), lengthDays(sameLastYear(leap))]).toEqual([60, 59]);
    // A common year against the leap year before it: the earlier span holds 29 February, 90 days against 91.
    const spring = { from: '2025-01-01', to: '2025-03-31' };
    expect(sameLastYear(spring)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect([lengthDays(spring), lengthDays(sameLastYear(spring))]).toEqual([90, 91]);
    // A period that starts on the leap day starts on 28 February a year earlier: never an empty period.
    expect(sameLastYear({ from: '2024-02-29', to: '2024-02-29' })).toEqual({ from: '2023-02-28', to: '2023-02-28' });
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
