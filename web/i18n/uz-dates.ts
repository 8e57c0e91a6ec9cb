// Uzbek dates where the runtime's Intl lacks Uzbek data: Debian's Chromium claims uz-Latn and uz-Cyrl but formats
// "2026 M08 3" and "12,345.5". Written here in CLDR's own patterns and names (what Node's full ICU prints), so a page
// reads the same in every browser; test/web/format.test.ts checks both against Intl where the data is there.
import type { DayFormat } from '../format.ts';

type Uz = 'uz-Latn' | 'uz-Cyrl';

const MONTHS: Record<Uz, { long: string[]; short: string[] }> = {
  'uz-Latn': {
    long: [
      'yanvar',
      'fevral',
      'mart',
      'aprel',
      'may',
      'iyun',
      'iyul',
      'avgust',
      'sentabr',
      'oktabr',
      'noyabr',
      'dekabr',
    ],
    short: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'],
  },
  'uz-Cyrl': {
    long: ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
    short: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  },
};
/** Monday first. */
const WEEKDAYS: Record<Uz, string[]> = {
  'uz-Latn': ['Dush', 'Sesh', 'Chor', 'Pay', 'Jum', 'Shan', 'Yak'],
  'uz-Cyrl': ['душ', 'сеш', 'чор', 'пай', 'жум', 'шан', 'якш'],
};

/** Whether this runtime formats Uzbek months (a probe: August 2026 in the locale's own word). */
export function hasUzbekDates(locale: Uz): boolean {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return f.format(Date.UTC(2026, 7, 3)).includes(MONTHS[locale].long[7] ?? '');
}

let uzbekNumbers: boolean | undefined;
/**
 * Whether this runtime groups Uzbek thousands (CLDR: a no-break space and a decimal comma). Probed once: making an
 * Intl formatter costs ≈ 0.2 ms, and every Uzbek number asked it (≈ 50–100 ms of the national first screen, issue 15).
 */
export const hasUzbekNumbers = (): boolean =>
  (uzbekNumbers ??= new Intl.NumberFormat('uz-Latn').format(12345.5) === '12\u00a0345,5');

/**
 * A formatter for the styles format.ts asks for (day, month and year, weekday), in CLDR's Uzbek patterns:
 * "3-avg, 2026", "3-avgust, 2026", "3-avg", "avg, 2026" (Cyrillic without the hyphen: "3 авг, 2026").
 * @example uzbekDates('uz-Latn', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date('2026-08-03')) // '3-avg, 2026'
 */
export function uzbekDates(locale: Uz, opts: Intl.DateTimeFormatOptions): DayFormat {
  const sep = locale === 'uz-Latn' ? '-' : ' ';
  const names = opts.month === 'long' ? MONTHS[locale].long : MONTHS[locale].short;
  const parts = (d: Date) => ({ day: d.getUTCDate(), month: names[d.getUTCMonth()] ?? '', year: d.getUTCFullYear() });
  const format = (d: Date): string => {
    if (opts.weekday) return WEEKDAYS[locale][(d.getUTCDay() + 6) % 7] ?? '';
    const p = parts(d);
    if (opts.day === undefined) return `${p.month}, ${p.year}`;
    const dm = `${p.day}${sep}${p.month}`;
    return opts.year === undefined ? dm : `${dm}, ${p.year}`;
  };
  return {
    format,
    // CLDR's range patterns: the shared month and year written once ("25 – 31-okt, 2026").
    formatRange(a: Date, b: Date): string {
      const [pa, pb] = [parts(a), parts(b)];
      if (pa.year !== pb.year) return `${format(a)} – ${format(b)}`;
      if (pa.month !== pb.month) return `${pa.day}${sep}${pa.month} – ${format(b)}`;
      return pa.day === pb.day ? format(b) : `${pa.day} – ${format(b)}`;
    },
  };
}
