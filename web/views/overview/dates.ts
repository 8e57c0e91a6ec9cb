// Date helpers for the filter panel (inclusive YYYY-MM-DD ranges, UTC arithmetic to avoid DST surprises).
const DAY = 86_400_000;
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
export const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The default view: the last 90 days of data. */
export function defaultRange(lastDay: string): { from: string; to: string } {
  return { from: isoDay(ms(lastDay) - 89 * DAY), to: lastDay };
}

/** Preset ranges ending on the last day of data. */
export function presetRange(lastDay: string, days: number): { from: string; to: string } {
  return { from: isoDay(ms(lastDay) - (days - 1) * DAY), to: lastDay };
}

/** "3 Aug 2026" */
export function formatDay(d: string): string {
  return new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const fmtInt = (n: number): string => n.toLocaleString('en-GB').replace(/,/g, '\u2009');
