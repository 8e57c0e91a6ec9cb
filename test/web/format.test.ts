// Dates, periods and numbers in each of the app's four languages (Intl data of Node's full ICU, as in Chromium).
import { describe, expect, it } from 'vitest';
import {
  fmtChange,
  fmtInt,
  fmtPct,
  formatAxisDay,
  formatDay,
  formatDayLong,
  formatMoment,
  formatMonth,
  formatPeriod,
  inspectorLabel,
  weekdayNames,
} from '../../web/format.ts';
import { hasUzbekDates, hasUzbekNumbers, uzbekDates } from '../../web/i18n/uz-dates.ts';

/** Dates: Russian keeps "г." on the year with a no-break space; compared as plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatPeriod', () => {
  it.each([
    [{ from: '2026-10-25', to: '2026-10-31' }, '25 – 31 Oct 2026'],
    [{ from: '2026-09-28', to: '2026-10-04' }, '28 Sept – 4 Oct 2026'],
    [{ from: '2025-12-30', to: '2026-01-05' }, '30 Dec 2025 – 5 Jan 2026'],
    [{ from: '2026-10-31', to: '2026-10-31' }, '31 Oct 2026'],
  ])('%j in English', (p, text) => {
    expect(formatPeriod(p, 'en')).toBe(text);
  });

  it.each([
    ['ru', '25–31 окт. 2026 г.', '30 дек. 2025 г. – 5 янв. 2026 г.'],
    ['uz-Latn', '25 – 31-okt, 2026', '30-dek, 2025 – 5-yan, 2026'],
    ['uz-Cyrl', '25 – 31 окт, 2026', '30 дек, 2025 – 5 янв, 2026'],
  ] as const)('%s writes the shared month and year once', (locale, sameMonth, twoYears) => {
    expect(plain(formatPeriod({ from: '2026-10-25', to: '2026-10-31' }, locale))).toBe(sameMonth);
    expect(plain(formatPeriod({ from: '2025-12-30', to: '2026-01-05' }, locale))).toBe(twoYears);
  });
});

describe('one date style per kind of place', () => {
  it.each([
    ['en', '3 Aug 2026', '3 August 2026', '3 Aug', 'Nov 2023'],
    ['ru', '3 авг. 2026 г.', '3 августа 2026 г.', '3 авг.', 'нояб. 2023 г.'],
    ['uz-Latn', '3-avg, 2026', '3-avgust, 2026', '3-avg', 'noy, 2023'],
    ['uz-Cyrl', '3 авг, 2026', '3 август, 2026', '3 авг', 'ноя, 2023'],
  ] as const)('%s: table, sentence, axis day, month', (locale, table, sentence, axis, month) => {
    expect(plain(formatDay('2026-08-03', locale))).toBe(table);
    expect(plain(formatDayLong('2026-08-03', locale))).toBe(sentence);
    expect(plain(formatAxisDay('2026-08-03', locale))).toBe(axis);
    expect(plain(formatMonth('2023-11', locale))).toBe(month);
  });
});

describe('numbers', () => {
  it.each([
    ['en', '12\u2009345', '50 %'],
    ['ru', '12\u00a0345', '50\u00a0%'],
    ['uz-Latn', '12\u00a0345', '50%'],
    ['uz-Cyrl', '12\u00a0345', '50%'],
  ] as const)('%s: one thousands separator, one percent style', (locale, int, pct) => {
    expect(fmtInt(12_345.4, locale)).toBe(int);
    expect(fmtPct(0.5, locale)).toBe(pct);
  });
});

describe('fmtChange', () => {
  it.each([
    [112, 100, '+12 %'],
    [92, 100, '−8 %'],
    [100, 100, '±0 %'],
    [5, 0, null],
  ] as const)('%d vs %d', (now, before, text) => {
    expect(fmtChange(now, before, 'en')).toBe(text);
  });

  it('follows the language’s percent style', () => {
    expect(fmtChange(92, 100, 'ru')).toBe('−8\u00a0%');
    expect(fmtChange(112, 100, 'uz-Latn')).toBe('+12%');
  });
});

describe('inspectorLabel', () => {
  it('names an inspector without a visible name by number, in the language', () => {
    expect(inspectorLabel('Karimov A.', 12, 'ru')).toBe('Karimov A.');
    expect(inspectorLabel(null, 12, 'en')).toBe('Inspector #12');
    expect(inspectorLabel(null, 12, 'ru')).toBe('Инспектор № 12');
  });
});

describe('formatMoment', () => {
  it('shows a UTC timestamp at the browser’s own clock, to the second', () => {
    const iso = '2026-12-02T04:57:36.000Z';
    const local = new Date(iso);
    const pad = (n: number): string => String(n).padStart(2, '0');
    expect(formatMoment(iso, 'en')).toBe(
      `${local.getDate()} ${local.toLocaleString('en-GB', { month: 'short' })} ${local.getFullYear()}, ${pad(local.getHours())}:${pad(local.getMinutes())}:36`,
    );
  });
});

describe('Uzbek without the runtime’s data (Debian’s Chromium)', () => {
  const STYLES: Intl.DateTimeFormatOptions[] = [
    { day: 'numeric', month: 'short', year: 'numeric' },
    { day: 'numeric', month: 'long', year: 'numeric' },
    { day: 'numeric', month: 'short' },
    { month: 'short', year: 'numeric' },
  ];

  it.each(['uz-Latn', 'uz-Cyrl'] as const)('%s: the fallback writes what Node’s full ICU writes', (locale) => {
    expect(hasUzbekDates(locale)).toBe(true);
    expect(hasUzbekNumbers()).toBe(true);
    for (const opts of STYLES) {
      const intl = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
      const own = uzbekDates(locale, opts);
      for (let m = 0; m < 12; m++) {
        const d = new Date(Date.UTC(2026, m, 3));
        expect(own.format(d)).toBe(intl.format(d));
      }
      const ranges: Array<[string, string]> = [
        ['2026-10-25', '2026-10-31'],
        ['2026-09-28', '2026-10-04'],
        ['2025-12-30', '2026-01-05'],
      ];
      if (opts.day && opts.year)
        for (const [a, b] of ranges)
          expect(own.formatRange(new Date(a), new Date(b))).toBe(
            intl.formatRange(new Date(a), new Date(b)).replace(/\u2009/g, ' '),
          );
    }
    const weekdays = uzbekDates(locale, { weekday: 'short' });
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => weekdays.format(new Date(Date.UTC(2024, 0, d))))).toEqual(
      weekdayNames(locale),
    );
  });
});
