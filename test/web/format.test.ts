// Period and number text on the wall screen.
import { describe, expect, it } from 'vitest';
import { fmtChange, formatMoment, formatPeriod } from '../../web/format.ts';

describe('formatPeriod', () => {
  it.each([
    [{ from: '2026-10-25', to: '2026-10-31' }, '25 – 31 Oct 2026'],
    [{ from: '2026-09-28', to: '2026-10-04' }, '28 Sept – 4 Oct 2026'],
    [{ from: '2025-12-30', to: '2026-01-05' }, '30 Dec 2025 – 5 Jan 2026'],
    [{ from: '2026-10-31', to: '2026-10-31' }, '31 Oct 2026'],
  ])('%j', (p, text) => {
    expect(formatPeriod(p)).toBe(text);
  });
});

describe('fmtChange', () => {
  it.each([
    [112, 100, '+12 %'],
    [92, 100, '−8 %'],
    [100, 100, '±0 %'],
    [5, 0, null],
  ] as const)('%d vs %d', (now, before, text) => {
    expect(fmtChange(now, before)).toBe(text);
  });
});

describe('formatMoment', () => {
  it('shows a UTC timestamp at the browser’s own clock, to the second', () => {
    const iso = '2026-12-02T04:57:36.000Z';
    const local = new Date(iso);
    const pad = (n: number): string => String(n).padStart(2, '0');
    expect(formatMoment(iso)).toBe(
      `${local.getDate()} ${local.toLocaleString('en-GB', { month: 'short' })} ${local.getFullYear()}, ${pad(local.getHours())}:${pad(local.getMinutes())}:36`,
    );
  });
});
