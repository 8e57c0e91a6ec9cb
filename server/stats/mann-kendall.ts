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

/** Below this length the pairwise count is as fast as sorting; from it on, the sorted count (every unit of a cube). */
const SORTED_FROM = 24;

/**
 * S and the tie sum Σ 6c(c+2) by comparing every pair: O(n²), any values (NaN counts as a tie).
 * @example pairwiseCount(new Float64Array([3, 1, 2, 2, 5]), 0, 5); // [3, 18]
 */
export function pairwiseCount(x: Float64Array, start: number, n: number): [s: number, ties: number] {
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
  return [s, ties];
}

// Scratch of the sorted count, grown to the longest series seen: a cube's 9,400 units allocate nothing each.
let sortedScratch = new Float64Array(0);
let mergeScratch = new Float64Array(0);

/** Runs this long are sorted by insertion before merging (each shift is one discordant pair of the run). */
const RUN = 8;

/**
 * The same S and tie sum in O(n log n), by merge sort (Knight 1966, as Kendall's tau is counted): sorting the values
 * in time order, each element of a later run placed before k still waiting in an earlier run is k discordant pairs
 * (D), equal values never pass each other (stable), and the sorted runs of equal values give the ties (T pairs, and
 * the variance's tie sum). Every pair is concordant, discordant or tied, so S = n(n−1)/2 − T − 2D: integers
 * throughout, equal to the pairwise count. On 9,392 series of 156 bins: ≈ 65 ms against ≈ 325 ms pairwise and ≈ 145 ms
 * for the earlier native sort with a Fenwick tree over ranks. Null when a value is not finite.
 * @example sortedCount(new Float64Array([3, 1, 2, 2, 5]), 0, 5); // [3, 18]
 */
export function sortedCount(x: Float64Array, start: number, n: number): [s: number, ties: number] | null {
  if (sortedScratch.length < n) {
    sortedScratch = new Float64Array(n);
    mergeScratch = new Float64Array(n);
  }
  let a = sortedScratch,
    b = mergeScratch;
  let discordant = 0;
  for (let r0 = 0; r0 < n; r0 += RUN) {
    const r1 = Math.min(n, r0 + RUN);
    for (let i = r0; i < r1; i++) {
      const v0 = x[start + i]!;
      if (!Number.isFinite(v0)) return null;
      const v = v0 === 0 ? 0 : v0; // −0 equals 0 here as in the pairwise difference
      let at = i;
      while (at > r0 && a[at - 1]! > v) {
        a[at] = a[at - 1]!;
        at--;
      }
      a[at] = v;
      discordant += i - at;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width),
        hi = Math.min(n, lo + 2 * width);
      let i = lo,
        j = mid,
        o = lo;
      while (i < mid && j < hi) {
        // Ties go left first, so only a strictly greater earlier value makes a later one discordant. Which side is
        // taken is arithmetic, not a branch: the comparisons of values in time order mispredict half the time, and
        // this took ≈ 10 % less of the national classes' time.
        const right = +(a[j]! < a[i]!);
        b[o++] = a[i + right * (j - i)]!;
        discordant += right * (mid - i);
        i += 1 - right;
        j += right;
      }
      while (i < mid) b[o++] = a[i++]!;
      while (j < hi) b[o++] = a[j++]!;
    }
    const t = a;
    a = b;
    b = t;
  }
  let tiedPairs = 0,
    ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && a[j] === a[i]) j++;
    const t = j - i;
    tiedPairs += (t * (t - 1)) / 2;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const pairs = n < 2 ? 0 : (n * (n - 1)) / 2; // not −0 for an empty series
  return [pairs - tiedPairs - 2 * discordant, ties];
}

/**
 * Mann–Kendall test on x[start .. start + n) (Mann 1945; Kendall 1975), with no allocation but the result: pairwise
 * for short series, sorted (O(n log n), the same integers) for long ones. Values must be finite; equal values are ties.
 * Fewer than 3 values, or no variance (a constant series), give z = 0, p = 1.
 * @example
 * mannKendallAt(zSeries, unit * nBins, nBins).p; // one unit's row of a unit-major matrix
 */
export function mannKendallAt(x: Float64Array, start: number, n: number): MannKendall {
  const [s, ties] = (n >= SORTED_FROM ? sortedCount(x, start, n) : null) ?? pairwiseCount(x, start, n);
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
