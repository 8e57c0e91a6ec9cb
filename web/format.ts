// The app's formatters, in the language the screen is shown in: days, periods, clock times, whole numbers, shares and
// signed changes, one style per kind of place — tables and lists (formatDay), sentences and headings (formatDayLong,
// formatPeriod), chart axes (formatAxisDay, formatMonth). Dates are inclusive YYYY-MM-DD days (UTC arithmetic).
// Each takes the locale last; views get them bound to it by useFmt() (i18n/I18n.tsx). Pages not yet translated call
// them without one and get the language in force, set by the i18n provider.
import type { Period } from '../server/shared/period.ts';
import { INTL_TAG, type Locale } from './i18n/locales.ts';
import { activeLocale, translator } from './i18n/translate.ts';
import { hasUzbekDates, hasUzbekNumbers, uzbekDates } from './i18n/uz-dates.ts';

const utc = (d: string): Date => new Date(`${d}T00:00:00Z`);

/** What a date formatter of this module is asked for (the subset of Intl.DateTimeFormat the app uses). */
export interface DayFormat {
  format(d: Date): string;
  formatRange(a: Date, b: Date): string;
}

const dates = new Map<string, DayFormat>();
/**
 * Intl formatters are slow to make and cheap to use: one per locale and style. Uzbek where the browser lacks its data
 * (Debian's Chromium answers "2026 M08 3" while claiming support) is written by uz-dates.ts in CLDR's own patterns.
 */
function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions): DayFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = dates.get(key);
  if (!f) {
    const intl = new Intl.DateTimeFormat(INTL_TAG[locale], { ...opts, timeZone: 'UTC' });
    f = (locale === 'uz-Latn' || locale === 'uz-Cyrl') && !hasUzbekDates(locale) ? uzbekDates(locale, opts) : intl;
    dates.set(key, f);
  }
  return f;
}

const SHORT = { day: 'numeric', month: 'short', year: 'numeric' } as const;

/**
 * A period as a sentence reads it, the shared parts written once (Intl's own range style per language).
 * @example formatPeriod({ from: '2026-10-25', to: '2026-10-31' }, 'en') // '25 – 31 Oct 2026'
 * @example formatPeriod({ from: '2026-10-25', to: '2026-10-31' }, 'ru') // '25–31 окт. 2026 г.'
 */
export function formatPeriod(p: Period, locale: Locale = activeLocale()): string {
  const f = dateFormat(locale, SHORT);
  // Intl puts thin spaces around the dash; plain ones, as every other dash in the app.
  return p.from === p.to ? f.format(utc(p.to)) : f.formatRange(utc(p.from), utc(p.to)).replace(/\u2009/g, ' ');
}

/** "3 Aug 2026", "3 авг. 2026 г.", "3-avg, 2026": tables, lists and panels. */
export const formatDay = (d: string, locale: Locale = activeLocale()): string =>
  dateFormat(locale, SHORT).format(utc(d));

/** "3 August 2026", "3 августа 2026 г.": sentences and the wall screen's headings. */
export const formatDayLong = (d: string, locale: Locale = activeLocale()): string =>
  dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(utc(d));

/** "3 Aug", "3 авг.": a day on a chart's axis or a timeline tick. */
export const formatAxisDay = (d: string, locale: Locale = activeLocale()): string =>
  dateFormat(locale, { day: 'numeric', month: 'short' }).format(utc(d));

/** "Aug 2026", "авг. 2026 г.": a month on an axis or in a monthly list (d: any day of it, or YYYY-MM). */
export const formatMonth = (d: string, locale: Locale = activeLocale()): string =>
  dateFormat(locale, { month: 'short', year: 'numeric' }).format(utc(d.length === 7 ? `${d}-01` : d));

/** "09:41" in the screen's own clock. */
export const formatClock = (ms: number, locale: Locale = activeLocale()): string =>
  new Date(ms).toLocaleTimeString(INTL_TAG[locale], { hour: '2-digit', minute: '2-digit' });

/**
 * A moment (ISO timestamp, UTC) in the browser's own time zone, to the second: "2 Dec 2026, 09:41:07". The audit log
 * and the accounts table, where who did what when is read by a person at their own clock.
 */
export const formatMoment = (iso: string, locale: Locale = activeLocale()): string =>
  new Date(iso).toLocaleString(INTL_TAG[locale], { ...SHORT, hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The locale numbers are formatted with: Uzbek's own where the runtime has its data, else Russian, whose grouping
 * (no-break space) and decimal comma are Uzbek's too.
 */
const numberTag = (locale: Locale): string => (locale.startsWith('uz') && !hasUzbekNumbers() ? 'ru' : INTL_TAG[locale]);

const ints = new Map<Locale, Intl.NumberFormat>();
/**
 * A whole number with the language's thousands separator, the same in tables, cards and sentences: a thin space in
 * English ("12 345", as before), a no-break space in Uzbek and Russian (their CLDR grouping).
 * @example fmtInt(12345.4, 'en') // '12\u2009345'
 */
export function fmtInt(n: number, locale: Locale = activeLocale()): string {
  let f = ints.get(locale);
  if (!f) ints.set(locale, (f = new Intl.NumberFormat(numberTag(locale), { maximumFractionDigits: 0 })));
  const text = f.format(Math.round(n));
  return locale === 'en' ? text.replace(/,/g, '\u2009') : text;
}

/** Made once per language and number of decimals, as `ints` (a ranking of 199 districts formats 199 rates). */
const decimalFormats = new Map<string, Intl.NumberFormat>();
/**
 * A number with exactly `decimals` decimals and the language's decimal sign, without grouping (class breaks, rates).
 * @example fmtDecimal(2.5, 1, 'ru') // '2,5'
 */
export function fmtDecimal(n: number, decimals: number, locale: Locale = activeLocale()): string {
  const key = `${locale}|${decimals}`;
  let f = decimalFormats.get(key);
  if (!f) {
    const opts = { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false } as const;
    decimalFormats.set(key, (f = new Intl.NumberFormat(numberTag(locale), opts)));
  }
  return f.format(n);
}

/** Russian percentages, made once. */
let percents: Intl.NumberFormat | undefined;
/**
 * A share (0–1) as a whole percentage in the language's style: "12 %" (English and Russian), "12%" (Uzbek).
 * @example fmtPct(0.123, 'ru') // '12\u00a0%'
 */
export function fmtPct(share: number, locale: Locale = activeLocale()): string {
  if (locale === 'en') return `${Math.round(share * 100)} %`;
  // Uzbek writes "12%" (CLDR); a browser without its data would say "12 %" through the Russian fallback.
  if (locale !== 'ru') return `${fmtInt(share * 100, locale)}%`;
  percents ??= new Intl.NumberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 0 });
  return percents.format(share);
}

/**
 * A signed change in percent: "+12 %", "−8 %", "±0 %"; null when there is nothing to compare with.
 * @example fmtChange(112, 100, 'en') // '+12 %'
 */
export function fmtChange(now: number, before: number, locale: Locale = activeLocale()): string | null {
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  const size = fmtPct(Math.abs(pct) / 100, locale);
  return pct === 0 ? `±${size}` : `${pct > 0 ? '+' : '−'}${size}`;
}

/**
 * An inspector as the screen names them: their name, or their number where the role may not see persons' names.
 * @example inspectorLabel(null, 12, 'en') // 'Inspector #12'
 */
export const inspectorLabel = (name: string | null | undefined, id: number, locale: Locale = activeLocale()): string =>
  name ?? translator(locale)('common.inspectorNumber', { id: String(id) });

/**
 * The weekdays' short names, Monday first: "Mon" … "Sun", "пн" … "вс".
 * @example weekdayNames('en')[0] // 'Mon'
 */
export function weekdayNames(locale: Locale = activeLocale()): string[] {
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, k) => dateFormat(locale, { weekday: 'short' }).format(utc(`2024-01-0${k + 1}`)));
}

/** Every formatter above bound to one language (what useFmt() hands a view). */
export function formatters(locale: Locale) {
  return {
    locale,
    period: (p: Period) => formatPeriod(p, locale),
    day: (d: string) => formatDay(d, locale),
    dayLong: (d: string) => formatDayLong(d, locale),
    axisDay: (d: string) => formatAxisDay(d, locale),
    month: (d: string) => formatMonth(d, locale),
    clock: (ms: number) => formatClock(ms, locale),
    moment: (iso: string) => formatMoment(iso, locale),
    int: (n: number) => fmtInt(n, locale),
    decimal: (n: number, decimals: number) => fmtDecimal(n, decimals, locale),
    pct: (share: number) => fmtPct(share, locale),
    change: (now: number, before: number) => fmtChange(now, before, locale),
    weekdays: () => weekdayNames(locale),
    inspector: (name: string | null | undefined, id: number) => inspectorLabel(name, id, locale),
  };
}
export type Formatters = ReturnType<typeof formatters>;
