// Date arithmetic for inclusive day ranges (YYYY-MM-DD, local time): the comparison periods of every metric.
const DAY = 86_400_000;

const toMs = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface Period {
  from: string;
  /** inclusive */
  to: string;
}

/** Number of days in an inclusive range. @example lengthDays({from:'2024-01-01', to:'2024-01-31'}) // 31 */
export function lengthDays(p: Period): number {
  return Math.round((toMs(p.to) - toMs(p.from)) / DAY) + 1;
}

/** The equally long period that ends the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const n = lengthDays(p);
  return { from: toDay(toMs(p.from) - n * DAY), to: toDay(toMs(p.from) - DAY) };
}

/** The day after `d` (exclusive upper bound for SQL `ts < $end`). */
export function nextDay(d: string): string {
  return toDay(toMs(d) + DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2024-02-28', '2024-03-01') // 2 */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY);
}

/** `d` shifted by whole days. */
export function addDays(d: string, days: number): string {
  return toDay(toMs(d) + days * DAY);
}

/** The same calendar days a year earlier (29 February becomes 28 February). */
export function sameLastYear(p: Period): Period {
  const back = (d: string): string => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { from: back(p.from), to: back(p.to) };
}

export type Comparison = 'previous' | 'year';

/** The period a range is compared with: the equally long one just before it, or the same days last year. */
export function comparisonPeriod(p: Period, compare: Comparison): Period {
  return compare === 'year' ? sameLastYear(p) : previousPeriod(p);
}
