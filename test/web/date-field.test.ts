// Typed dates in the app's languages: day first everywhere, written with each locale's separator, read back whatever
// separator or shorthand an officer types, and refused with a reason when there is no such day or it is out of range.
import { describe, expect, it } from 'vitest';
import { datePattern, formatDateInput, parseDateInput } from '../../web/views/common/DateFieldText.ts';
import { LOCALES } from '../../web/i18n/locales.ts';

describe('formatDateInput', () => {
  it.each([
    ['uz-Latn', '03.08.2026'],
    ['uz-Cyrl', '03.08.2026'],
    ['ru', '03.08.2026'],
    ['en', '03/08/2026'],
  ] as const)('%s writes 3 August 2026 day first as %s', (locale, text) => {
    expect(formatDateInput('2026-08-03', locale)).toBe(text);
  });

  it('writes nothing for a missing day', () => {
    expect(formatDateInput('', 'ru')).toBe('');
  });

  it.each(LOCALES)('%s reads back what it writes, for every day of a leap year', (locale) => {
    for (let ms = Date.UTC(2028, 0, 1); ms < Date.UTC(2029, 0, 1); ms += 86_400_000) {
      const day = new Date(ms).toISOString().slice(0, 10);
      expect(parseDateInput(formatDateInput(day, locale))).toEqual({ ok: true, day });
    }
  });
});

describe('datePattern', () => {
  it('names day, month and year in the language', () => {
    expect(LOCALES.map(datePattern)).toEqual(['kk.oo.yyyy', 'кк.оо.йййй', 'дд.мм.гггг', 'dd/mm/yyyy']);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['3.8.2026', '2026-08-03'],
    ['03/08/2026', '2026-08-03'],
    ['03-08-2026', '2026-08-03'],
    [' 3 8 2026 ', '2026-08-03'],
    ['03.08.26', '2026-08-03'],
    ['03082026', '2026-08-03'],
    ['2026-08-03', '2026-08-03'],
    ['29.02.2028', '2028-02-29'],
  ])('reads %j as %s (day first, never month first)', (text, day) => {
    expect(parseDateInput(text)).toEqual({ ok: true, day });
  });

  it.each([
    ['', 'format'],
    ['August', 'format'],
    ['3.8', 'format'],
    ['31.02.2026', 'day'],
    ['29.02.2026', 'day'],
    ['13/13/2026', 'day'],
    ['00.01.2026', 'day'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseDateInput(text)).toEqual({ ok: false, reason });
  });

  it('keeps to the allowed range, both ends included', () => {
    const bounds = { min: '2023-11-01', max: '2026-10-31' };
    expect(parseDateInput('01.11.2023', bounds)).toEqual({ ok: true, day: '2023-11-01' });
    expect(parseDateInput('31.10.2026', bounds)).toEqual({ ok: true, day: '2026-10-31' });
    expect(parseDateInput('31.10.2023', bounds)).toEqual({ ok: false, reason: 'before' });
    expect(parseDateInput('01.11.2026', bounds)).toEqual({ ok: false, reason: 'after' });
  });
});
