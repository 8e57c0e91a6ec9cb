// The app's formatters: days, periods, clock times, whole numbers and signed changes, one style per kind for every page
// and the wall screen. Dates are inclusive YYYY-MM-DD days (UTC arithmetic).
import type { Period } from '../server/shared/period.ts';

const day = (d: string, opts: Intl.DateTimeFormatOptions): string =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { ...opts, timeZone: 'UTC' });

/** "25 – 31 Oct 2026", "28 Sep – 4 Oct 2026", "30 Dec 2025 – 5 Jan 2026", "31 Oct 2026". */
export function formatPeriod(p: Period): string {
  const full = { day: 'numeric', month: 'short', year: 'numeric' } as const;
  if (p.from === p.to) return day(p.to, full);
  const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4);
  const sameMonth = sameYear && p.from.slice(5, 7) === p.to.slice(5, 7);
  const start = sameMonth
    ? day(p.from, { day: 'numeric' })
    : day(p.from, sameYear ? { day: 'numeric', month: 'short' } : full);
  return `${start} – ${day(p.to, full)}`;
}

/** "3 Aug 2026": tables, lists and panels. */
export const formatDay = (d: string): string => day(d, { day: 'numeric', month: 'short', year: 'numeric' });

/** "3 August 2026": the wall screen's headings. */
export const formatDayLong = (d: string): string => day(d, { day: 'numeric', month: 'long', year: 'numeric' });

/** "09:41" in the screen's own clock. */
export const formatClock = (ms: number): string =>
  new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * A moment (ISO timestamp, UTC) in the browser's own time zone, to the second: "2 Dec 2026, 09:41:07". The audit log
 * and the accounts table, where who did what when is read by a person at their own clock.
 */
export const formatMoment = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** Thin-space thousands: 12 345. */
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-GB').replace(/,/g, '\u2009');

/** "+12 %", "−8 %", "±0 %"; null when there is nothing to compare with. */
export function fmtChange(now: number, before: number): string | null {
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? '±0 %' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`;
}

/** An inspector as the screen names them: their name, or their number where the role may not see persons' names. */
export const inspectorLabel = (name: string | null | undefined, id: number): string => name ?? `Inspector #${id}`;
