// Is a change in counts between two periods more than chance? The conditional binomial test for two Poisson counts:
// given n = n1 + n0 events, n1 ~ Binomial(n, t1 / (t0 + t1)) if the rate did not change.
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
 * Compares n1 events in a period of length t1 with n0 events in a period of length t0.
 * @example compareCounts(4, 1).verdict   // 'too-few': "+300 %" on 1 → 4 events is not news
 * @example compareCounts(30, 10).p       // ≈ 0.00222, verdict 'up'
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
