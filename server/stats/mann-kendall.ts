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
let treeScratch = new Int32Array(0);
let seenScratch = new Int32Array(0);

/**
 * The same S and tie sum in O(n log n): the distinct values sorted (ties are their run lengths), then each value in
 * time order adds the earlier values below it and subtracts those above, counted in a Fenwick tree over value ranks.
 * Integers throughout, so S and the ties equal the pairwise count exactly. Null when a value is not finite.
 * @example sortedCount(new Float64Array([3, 1, 2, 2, 5]), 0, 5); // [3, 18]
 */
export function sortedCount(x: Float64Array, start: number, n: number): [s: number, ties: number] | null {
  if (sortedScratch.length < n) {
    sortedScratch = new Float64Array(n);
    treeScratch = new Int32Array(n + 1);
    seenScratch = new Int32Array(n);
  }
  const sorted = sortedScratch.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const v = x[start + i]!;
    if (!Number.isFinite(v)) return null;
    sorted[i] = v === 0 ? 0 : v; // −0 equals 0 here as in the pairwise difference; the sort would put it first
  }
  sorted.sort();
  let m = 0,
    ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    sorted[m++] = sorted[i]!;
    i = j;
  }
  const tree = treeScratch,
    seen = seenScratch;
  tree.fill(0, 0, m + 1);
  seen.fill(0, 0, m);
  let s = 0;
  for (let j = 0; j < n; j++) {
    const v = x[start + j]!;
    let lo = 0,
      hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    // Earlier values of rank < lo are below v, `seen[lo]` equal to it; the rest of the j earlier ones are above.
    let below = 0;
    for (let r = lo; r > 0; r -= r & -r) below += tree[r]!;
    s += below - (j - below - seen[lo]!);
    seen[lo] = seen[lo]! + 1;
    for (let r = lo + 1; r <= m; r += r & -r) tree[r] = tree[r]! + 1;
  }
  return [s, ties];
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
