// Reading date-times from exports: both day orders, leap years, fractions of a second dropped, impossible times refused.
import { expect, it } from 'vitest';
import { readTime } from '../../../data/import/mapping.ts';

it('reads ISO and day-first date-times and refuses impossible ones', () => {
  expect(readTime('05.03.2024 9:05')).toBe('2024-03-05 09:05:00');
  expect(readTime('2000-02-29T23:59:59.5')).toBe('2000-02-29 23:59:59');
  expect(readTime('29.02.2024')).toBe('2024-02-29 00:00:00');
  for (const bad of [
    '29.02.2023',
    '2100-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-12-31 24:00',
    '2024/01/01',
  ])
    expect(readTime(bad)).toBeNull();
});
