// The playback clock: weekly steps tile the selection exactly, and the clock narrows every query to its week.
import { describe, expect, it } from 'vitest';
import { weekIndex, weekSteps } from '../../server/shared/period.ts';
import { effectiveRange } from '../../web/queries/range.ts';

const selection = {
  from: '2026-10-01',
  to: '2026-10-17',
  categories: ['fraud'],
  statuses: ['solved'],
  district: '1726294',
  compare: 'previous' as const,
};

describe('weekly steps', () => {
  it('tiles a period from its first day; the last week is cut at the end', () => {
    expect(weekSteps(selection)).toEqual([
      { from: '2026-10-01', to: '2026-10-07' },
      { from: '2026-10-08', to: '2026-10-14' },
      { from: '2026-10-15', to: '2026-10-17' },
    ]);
  });

  it('gives one step for a single day and none for a reversed period', () => {
    expect(weekSteps({ from: '2026-10-01', to: '2026-10-01' })).toEqual([{ from: '2026-10-01', to: '2026-10-01' }]);
    expect(weekSteps({ from: '2026-10-02', to: '2026-10-01' })).toEqual([]);
  });

  it('crosses month and leap-day boundaries by calendar days', () => {
    expect(weekSteps({ from: '2024-02-26', to: '2024-03-10' }).map((w) => w.from)).toEqual([
      '2024-02-26',
      '2024-03-04',
    ]);
  });

  it('finds the week of a day, or -1 outside the period', () => {
    expect(weekIndex(selection, '2026-10-01')).toBe(0);
    expect(weekIndex(selection, '2026-10-14')).toBe(1);
    expect(weekIndex(selection, '2026-10-17')).toBe(2);
    expect(weekIndex(selection, '2026-09-30')).toBe(-1);
    expect(weekIndex(selection, '2026-10-18')).toBe(-1);
  });
});

describe('effective range', () => {
  it('is the selection while the clock is off', () => {
    expect(effectiveRange(selection, null)).toBe(selection);
  });

  it('narrows to the week of the clock and keeps every other filter', () => {
    expect(effectiveRange(selection, '2026-10-09')).toEqual({ ...selection, from: '2026-10-08', to: '2026-10-14' });
  });

  it('falls back to the selection when the clock lies outside it', () => {
    expect(effectiveRange(selection, '2025-01-01')).toBe(selection);
  });
});
