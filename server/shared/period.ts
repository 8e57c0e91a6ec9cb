// Day arithmetic for inclusive day ranges (YYYY-MM-DD, UTC arithmetic so no time zone or DST can shift a day): the
// periods, comparison periods, weekly steps and presets of every query. Isomorphic: the server and the web call these,
// and nothing else in the tree adds milliseconds to dates.

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

export interface Period {
  from: string;
  /** inclusive */
  to: string;
}

/** Midnight UTC of a day, in ms since the epoch (NaN for a malformed day). */
export const dayMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** The day (YYYY-MM-DD, UTC) of a moment. @example isoDay(0) // '1970-01-01' */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A well-formed day that exists on the calendar. @example isCalendarDay('2025-02-29') // false */
export function isCalendarDay(d: string): boolean {
  const ms = dayMs(d);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(ms) && isoDay(ms) === d;
}

/** Number of days in an inclusive range. @example lengthDays({from:'2024-01-01', to:'2024-01-31'}) // 31 */
export function lengthDays(p: Period): number {
  return Math.round((dayMs(p.to) - dayMs(p.from)) / DAY_MS) + 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2024-02-28', '2024-03-01') // 2 */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** `d` shifted by whole days. @example addDays('2024-02-28', 2) // '2024-03-01' */
export function addDays(d: string, days: number): string {
  return isoDay(dayMs(d) + days * DAY_MS);
}

/** The day after `d`: the exclusive upper bound of an inclusive range. @example nextDay('2024-12-31') // '2025-01-01' */
export function nextDay(d: string): string {
  return addDays(d, 1);
}

/** The equally long period that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const n = lengthDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/**
 * The period after `p`: whole calendar months move by their number of months (a quarter to the next quarter), other
 * periods by their length.
 * @example nextPeriod({ from: '2026-07-01', to: '2026-09-30' }) // { from: '2026-10-01', to: '2026-12-31' }
 */
export function nextPeriod(p: Period): Period {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = p.to.split('-').map(Number) as [number, number];
  if (fd === 1 && p.to === lastOfMonth(ty, tm)) {
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    const start = new Date(Date.UTC(fy, fm - 1 + months, 1));
    return { from: isoDay(start.getTime()), to: lastOfMonth(start.getUTCFullYear(), start.getUTCMonth() + months) };
  }
  return { from: addDays(p.to, 1), to: addDays(p.to, lengthDays(p)) };
}

/**
 * The same calendar days a year earlier. 29 February has no twin in a common year and becomes 28 February, so the
 * two periods can differ by a day (1 Jan – 29 Feb 2024 is 60 days, 1 Jan – 28 Feb 2023 is 59): compare them per day,
 * with both `lengthDays` as exposures, never as counts over equal lengths.
 * @example sameLastYear({ from: '2024-01-01', to: '2024-02-29' }) // { from: '2023-01-01', to: '2023-02-28' }
 */
export function sameLastYear(p: Period): Period {
  const back = (d: string): string => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { from: back(p.from), to: back(p.to) };
}

export type Comparison = 'previous' | 'year';

/**
 * The period a range is compared with: the equally long one just before it, or the same days last year (which may be
 * a day shorter or longer: see `sameLastYear`).
 */
export function comparisonPeriod(p: Period, compare: Comparison): Period {
  return compare === 'year' ? sameLastYear(p) : previousPeriod(p);
}

/** The last `days` days ending on `lastDay`. @example lastDays('2026-10-31', 7) // { from: '2026-10-25', to: '2026-10-31' } */
export function lastDays(lastDay: string, days: number): Period {
  return { from: addDays(lastDay, 1 - days), to: lastDay };
}

/** The default view of every page: the last 90 days of data. */
export const defaultRange = (lastDay: string): Period => lastDays(lastDay, 90);

/**
 * Weeks counted from the period's first day (not calendar weeks), so the steps tile the selection exactly; the last
 * may be shorter than 7 days.
 * @example weekSteps({ from: '2026-10-01', to: '2026-10-10' }) // [{from:'2026-10-01',to:'2026-10-07'},{from:'2026-10-08',to:'2026-10-10'}]
 */
export function weekSteps(period: Period): Period[] {
  const start = dayMs(period.from);
  const end = dayMs(period.to);
  if (!(end >= start)) return [];
  const out: Period[] = [];
  for (let t = start; t <= end; t += 7 * DAY_MS)
    out.push({ from: isoDay(t), to: isoDay(Math.min(t + 6 * DAY_MS, end)) });
  return out;
}

/** Index of the week of `weekSteps(period)` that contains `d`, or -1 outside the period. */
export function weekIndex(period: Period, d: string): number {
  if (d < period.from || d > period.to) return -1;
  return Math.floor(daysBetween(period.from, d) / 7);
}

/**
 * Whole weeks ending on `to`, at least `minWeeks` of them, or as many as fit in the period when that is more: the
 * span over which a trend is judged. @example trendWeeks({ from: '2026-10-25', to: '2026-10-31' }, 12).from // '2026-08-09'
 */
export function trendWeeks(p: Period, minWeeks: number): Period {
  const weeks = Math.max(minWeeks, Math.floor(lengthDays(p) / 7));
  return lastDays(p.to, weeks * 7);
}

/** First days of the calendar months from the month of `from` to the month of `to`. @example monthStarts('2026-01-15', '2026-03-01') // ['2026-01-01', '2026-02-01', '2026-03-01'] */
export function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let s = `${y}-${String(m).padStart(2, '0')}-01`; s <= to; s = `${y}-${String(m).padStart(2, '0')}-01`) {
    out.push(s);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The last day of a calendar month (month 1–12). @example lastOfMonth(2024, 2) // '2024-02-29' */
export function lastOfMonth(year: number, month: number): string {
  return isoDay(Date.UTC(year, month, 0));
}
