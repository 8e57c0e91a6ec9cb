// What a typed date means in the app's language, not the browser's: every locale of the app writes the day first
// (03.08.2026 in Uzbek and Russian, 03/08/2026 in British English), so a native <input type=date> that shows
// 08/03/2026 on an American-set office laptop is replaced by a text field that reads and writes these patterns.
import type { Locale } from '../../i18n/locales.ts';
import { isCalendarDay } from '../../../server/shared/period.ts';

/** How each language writes a day in a form, and the placeholder that shows it (day, month, year in its own words). */
const PATTERN: Readonly<Record<Locale, { sep: string; hint: string }>> = {
  'uz-Latn': { sep: '.', hint: 'kk.oo.yyyy' },
  'uz-Cyrl': { sep: '.', hint: 'кк.оо.йййй' },
  ru: { sep: '.', hint: 'дд.мм.гггг' },
  en: { sep: '/', hint: 'dd/mm/yyyy' },
};

/**
 * The placeholder of a date field.
 * @example datePattern('ru') // 'дд.мм.гггг'
 */
export const datePattern = (locale: Locale): string => PATTERN[locale].hint;

/**
 * A day (YYYY-MM-DD) as a form field shows it.
 * @example formatDateInput('2026-08-03', 'ru') // '03.08.2026'
 * @example formatDateInput('2026-08-03', 'en') // '03/08/2026'
 */
export function formatDateInput(day: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return '';
  const s = PATTERN[locale].sep;
  return `${m[3]}${s}${m[2]}${s}${m[1]}`;
}

export type DateParse =
  | { ok: true; day: string }
  /** format: not a date at all; day: no such day (31.02); before/after: outside the allowed range */
  | { ok: false; reason: 'format' | 'day' | 'before' | 'after' };

const pad = (n: string): string => n.padStart(2, '0');

/**
 * Reads what was typed, day first in every app language; separators . / - or space, one- or two-digit day and month,
 * a two-digit year as 20yy, eight digits run together (03082026), and ISO (2026-08-03) as pasted from elsewhere.
 * @example parseDateInput('3.8.2026') // { ok: true, day: '2026-08-03' }
 * @example parseDateInput('31.02.2026') // { ok: false, reason: 'day' }
 * @example parseDateInput('01.01.2020', { min: '2023-11-01' }) // { ok: false, reason: 'before' }
 */
export function parseDateInput(text: string, bounds: { min?: string; max?: string } = {}): DateParse {
  const t = text.trim();
  let day: string | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4}|\d{2})$/.exec(t);
  const run = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (iso) day = `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
  else if (dmy || run) {
    const [, d = '', m = '', y = ''] = (dmy ?? run) as RegExpExecArray;
    day = `${y.length === 2 ? `20${y}` : y}-${pad(m)}-${pad(d)}`;
  }
  if (day === null) return { ok: false, reason: 'format' };
  if (!isCalendarDay(day)) return { ok: false, reason: 'day' };
  if (bounds.min && day < bounds.min) return { ok: false, reason: 'before' };
  if (bounds.max && day > bounds.max) return { ok: false, reason: 'after' };
  return { ok: true, day };
}
