// The weekly steps of a period, shared by the server (timeline bins) and the web (the playback clock). Isomorphic.
const DAY = 86_400_000;
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

export interface Week {
  from: string;
  /** inclusive; the last week of a period may be shorter than 7 days */
  to: string;
}

/**
 * Weeks counted from the period's first day (not calendar weeks), so the steps tile the selection exactly.
 * @example weekSteps({ from: '2026-10-01', to: '2026-10-10' }) // [{from:'2026-10-01',to:'2026-10-07'},{from:'2026-10-08',to:'2026-10-10'}]
 */
export function weekSteps(period: Week): Week[] {
  const start = ms(period.from);
  const end = ms(period.to);
  if (!(end >= start)) return [];
  const out: Week[] = [];
  for (let t = start; t <= end; t += 7 * DAY) out.push({ from: day(t), to: day(Math.min(t + 6 * DAY, end)) });
  return out;
}

/** Index of the week that contains `d`, or -1 outside the period. */
export function weekIndex(period: Week, d: string): number {
  if (d < period.from || d > period.to) return -1;
  return Math.floor((ms(d) - ms(period.from)) / (7 * DAY));
}
