// Discrete quantiles of values given as a histogram (value → count), chosen as DuckDB's quantile_disc chooses them,
// so a query can send a few thousand (bin, count) rows instead of sorting every value once per grouping.

/**
 * The 0-based position, in ascending order, of the q-quantile of n values: the first value whose cumulative share
 * reaches q (SQL PERCENTILE_DISC; DuckDB's quantile_disc picks the same, checked in the tests).
 * @example discIndex(8, 0.5) // 3 (the 4th of 8)
 */
export function discIndex(n: number, q: number): number {
  return Math.max(0, Math.ceil(q * n) - 1);
}

/**
 * The discrete q-quantile of a histogram, or null when it is empty. Values need not be sorted or distinct.
 * @example quantileDisc([[30, 1], [10, 2], [20, 5]], 0.5) // 20 (sorted: 10 10 20 20 20 20 20 30; the 4th)
 */
export function quantileDisc(histogram: Iterable<readonly [value: number, count: number]>, q: number): number | null {
  const bins = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const n = bins.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const k = discIndex(n, q);
  let seen = 0;
  for (const [value, count] of bins) {
    seen += count;
    if (seen > k) return value;
  }
  return bins[bins.length - 1]?.[0] ?? null;
}
