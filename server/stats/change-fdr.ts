// The change map as one family of tests: each mahalla's count against its comparison period (the exact conditional
// binomial of server/shared/poisson-compare.ts, per day), Benjamini–Hochberg over the mahallas compared, and how many
// changes chance alone would colour. Pure, over typed arrays.
import { bhAdjusted } from './fdr.ts';
import { compareCounts, falseAlarmChance, MIN_EVENTS } from '../shared/poisson-compare.ts';

export interface ChangeTests {
  /** two-sided p per unit; NaN where fewer than MIN_EVENTS in both periods together (too few to compare) */
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p (q-value) over the compared units; NaN where too few to compare */
  q: Float64Array;
  /** +1 a rise, −1 a fall where q ≤ the FDR level; 0 otherwise */
  sign: Int8Array;
  /** units compared (the family BH runs over) and units with too few events */
  tested: number;
  tooFew: number;
  up: number;
  down: number;
  /**
   * If nothing had changed anywhere, how many units a test of each one alone at p < level would colour: the sum of
   * the tests' real sizes (discrete, so below level × tested). What the map showed before it had the FDR correction.
   */
  chanceUncorrected: number;
}

/**
 * Tests every unit's change from n0 events in t0 days to n1 in t1 days, at false discovery rate `level`.
 * Units with too few events are left out of the family before BH: the filter reads n1 + n0, the statistic the test
 * conditions on, so it does not bias the p-values of the rest (independent filtering; Bourgon, Gentleman & Huber,
 * PNAS 107 (2010) 9546) and the family is not padded with tests that could never reject.
 * @example
 * const t = changeTests([30, 12, 4], [10, 8, 1], 1, 1, 0.1);
 * // t.p ≈ [0.00222, 0.503, NaN]; t.q ≈ [0.00444, 0.503, NaN]; t.sign [1, 0, 0]; t.tested 2, t.tooFew 1, t.up 1
 */
export function changeTests(
  n1: ArrayLike<number>,
  n0: ArrayLike<number>,
  t1: number,
  t0: number,
  level: number,
): ChangeTests {
  const m = n1.length;
  const p = new Float64Array(m).fill(Number.NaN);
  const rising = new Uint8Array(m);
  const size = new Map<number, number>();
  let tested = 0;
  let chanceUncorrected = 0;
  for (let i = 0; i < m; i++) {
    const a = n1[i] ?? 0;
    const b = n0[i] ?? 0;
    if (a + b < MIN_EVENTS) continue;
    const c = compareCounts(a, b, t1, t0);
    p[i] = c.p;
    rising[i] = a / t1 > b / t0 ? 1 : 0;
    tested++;
    // Mahallas share totals (nationally ≈ 9,400 mahallas, a few hundred distinct n): one bisection per total.
    let s = size.get(a + b);
    if (s === undefined) size.set(a + b, (s = falseAlarmChance(a + b, t1, t0, level)));
    chanceUncorrected += s;
  }
  const family = new Float64Array(tested);
  for (let i = 0, k = 0; i < m; i++) if (!Number.isNaN(p[i]!)) family[k++] = p[i]!;
  const adjusted = bhAdjusted(family);
  const q = new Float64Array(m).fill(Number.NaN);
  const sign = new Int8Array(m);
  let up = 0;
  let down = 0;
  for (let i = 0, k = 0; i < m; i++) {
    if (Number.isNaN(p[i]!)) continue;
    q[i] = adjusted[k++]!;
    if (q[i]! <= level) {
      sign[i] = rising[i] ? 1 : -1;
      if (rising[i]) up++;
      else down++;
    }
  }
  return { p, q, sign, tested, tooFew: m - tested, up, down, chanceUncorrected };
}
