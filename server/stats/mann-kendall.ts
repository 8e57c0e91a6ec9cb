// Mann–Kendall trend test: does a unit's Gi* z-series rise or fall over time, without assuming a linear or normal trend.
import { twoSidedP } from '../shared/normal.ts';

export interface MannKendall {
  /** S = Σ_{i<j} sign(x_j − x_i). */
  s: number;
  /** Var(S) under no trend, tie-corrected: (n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)) / 18 over groups of t equal values. */
  varS: number;
  /** Continuity-corrected z: (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** Sign of S: +1 rising, −1 falling, 0 none. Whether it is significant is p's business. */
  trend: -1 | 0 | 1;
}

/**
 * Mann–Kendall test on x[start .. start + n) (Mann 1945; Kendall 1975), O(n²) with no allocation but the result. Values
 * must be finite; equal values are ties. Fewer than 3 values, or no variance (a constant series), give z = 0, p = 1.
 * @example
 * mannKendallAt(zSeries, unit * nBins, nBins).p; // one unit's row of a unit-major matrix
 */
export function mannKendallAt(x: Float64Array, start: number, n: number): MannKendall {
  let s = 0,
    ties = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[start + i]!;
    let later = 0; // values after i equal to it
    for (let j = i + 1; j < n; j++) {
      const d = x[start + j]! - xi;
      if (d > 0) s++;
      else if (d < 0) s--;
      else later++;
    }
    // A tie group of size t gives its members later = t−1, t−2, …, 0, and Σ_{c<t} 6c(c+2) = t(t−1)(2t+5), so summing
    // 6c(c+2) per value yields the tie correction without sorting or grouping.
    ties += 6 * later * (later + 2);
  }
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const trend = s > 0 ? 1 : s < 0 ? -1 : 0;
  if (n < 3 || varS <= 0) return { s, varS, z: 0, p: 1, trend };
  const z = (s - trend) / Math.sqrt(varS);
  return { s, varS, z, p: twoSidedP(z), trend };
}

/**
 * Mann–Kendall trend test on a whole series (time-ordered).
 * @example
 * const mk = mannKendall(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
 * mk.s; // 45
 * mk.varS; // 125 = 10·9·25 / 18
 * mk.z; // 44 / √125 = 3.9354…
 */
export function mannKendall(series: Float64Array): MannKendall {
  return mannKendallAt(series, 0, series.length);
}
