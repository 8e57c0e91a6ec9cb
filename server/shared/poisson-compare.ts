// Is a change in counts between two periods more than chance? The conditional binomial test for two Poisson counts:
// given n = n1 + n0 events, n1 ~ Binomial(n, t1 / (t0 + t1)) if the rate per day did not change. Periods of unequal
// length (a 60-day span with 29 February against the same 59 days a year earlier) are compared per day through t1, t0.
import { binomialLower, binomialUpper } from './binomial.ts';

/** Below this many events in both periods together a change is not judged at all ("too few to compare"). */
export const MIN_EVENTS = 10;

export interface CountComparison {
  /** rate ratio current / previous (exposure-adjusted); Infinity when previous is 0 */
  ratio: number;
  /** two-sided p-value (twice the smaller tail, capped at 1); NaN when too few events to judge */
  p: number;
  /** 'up' | 'down' when p < alpha, else 'none'; 'too-few' below MIN_EVENTS */
  verdict: 'up' | 'down' | 'none' | 'too-few';
}

/**
 * Compares n1 events in a period of length t1 with n0 events in a period of length t0 (any unit, e.g. days).
 * @example compareCounts(4, 1).verdict   // 'too-few': "+300 %" on 1 → 4 events is not news
 * @example compareCounts(30, 10).p       // ≈ 0.00222, verdict 'up'
 * @example compareCounts(179, 148, 60, 59, 0.1).verdict // 'none' (p ≈ 0.132); with equal lengths it would be 'up'
 */
export function compareCounts(n1: number, n0: number, t1 = 1, t0 = 1, alpha = 0.05): CountComparison {
  const ratio = n0 === 0 ? (n1 === 0 ? 1 : Infinity) : n1 / t1 / (n0 / t0);
  const n = n1 + n0;
  if (n < MIN_EVENTS) return { ratio, p: Number.NaN, verdict: 'too-few' };
  const p0 = t1 / (t0 + t1);
  const upper = binomialUpper(n1, n, p0);
  const lower = binomialLower(n1, n, p0);
  const p = Math.min(1, 2 * Math.min(upper, lower));
  return { ratio, p, verdict: p >= alpha ? 'none' : n1 / t1 > n0 / t0 ? 'up' : 'down' };
}

/**
 * The change of the rate per period-length unit (per day) in percent. A rise from nothing is measured against one
 * event, so it stays finite; with equal lengths this is the plain (n1 − n0) / n0.
 * @example changePercent(30, 20) // 50
 * @example changePercent(60, 59, 60, 59) // 0: the same rate per day
 */
export function changePercent(n1: number, n0: number, t1 = 1, t0 = 1): number {
  return ((n1 / t1 - n0 / t0) / (Math.max(n0, 1) / t0)) * 100;
}

/**
 * The real size of the test above for n events in both periods together: the chance, if the rate per day did not
 * change, that `compareCounts(…, alpha)` still calls a change. A discrete test at level α rejects less often than α
 * (with 10 events and equal periods, 2.1 % at α = 10 %), so summed over mahallas this is what chance alone would
 * colour, not α times their number. The rejection regions are found by bisection (the tails are monotone in k).
 * @example falseAlarmChance(10, 1, 1, 0.1) // 22 / 1024 ≈ 0.0215: 0–1 or 9–10 of 10 events in the later period
 * @example falseAlarmChance(9, 1, 1, 0.1) // 0: below MIN_EVENTS nothing is judged
 */
export function falseAlarmChance(n: number, t1 = 1, t0 = 1, alpha = 0.05): number {
  if (n < MIN_EVENTS) return 0;
  const p0 = t1 / (t0 + t1);
  // Smallest k whose upper tail rejects (2·P(X ≥ k) < α), n + 1 when none does.
  let lo = 0;
  let hi = n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (2 * binomialUpper(mid, n, p0) < alpha) hi = mid;
    else lo = mid + 1;
  }
  const up = lo <= n ? binomialUpper(lo, n, p0) : 0;
  // Largest k whose lower tail rejects (2·P(X ≤ k) < α), −1 when none does.
  lo = -1;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (2 * binomialLower(mid, n, p0) < alpha) lo = mid;
    else hi = mid - 1;
  }
  const down = lo >= 0 ? binomialLower(lo, n, p0) : 0;
  return up + down;
}
