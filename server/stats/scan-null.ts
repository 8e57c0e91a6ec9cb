// Datasets under a stated null: N records spread over the units in proportion to residents or to any risk (multinomial), seeded; for the scan's Monte Carlo and the maps' calibration.
import type { Rng } from '../shared/random.ts';

/** What does not change between draws: conditional shares and their logs, and ln k! up to N. */
export interface MultinomialPrep {
  records: number;
  /** q_i = pop_i / (pop_i + pop_{i+1} + …): unit i's share of what the units from i on must share */
  q: Float64Array;
  lnQ: Float64Array;
  ln1mQ: Float64Array;
  /** q / (1 − q), the step between neighbouring binomial probabilities */
  odds: Float64Array;
  lnFact: Float64Array;
}

/**
 * Prepares multinomial(N, pop / Σpop) draws. Units with no residents never receive a record.
 * @example const prep = multinomialPrep(258, pop); const rng = new Rng(1); multinomialInto(out, prep, rng);
 */
export function multinomialPrep(records: number, pop: Float64Array): MultinomialPrep {
  if (!Number.isInteger(records) || records < 0) throw new RangeError(`records must be a count, got ${records}`);
  const n = pop.length;
  const q = new Float64Array(n);
  let rest = 0;
  // From the end, so the remainder is a sum and never a difference that rounding could make negative.
  for (let i = n - 1; i >= 0; i--) {
    const p = Math.max(0, pop[i]!);
    rest += p;
    q[i] = rest > 0 ? p / rest : 0;
  }
  const lnFact = new Float64Array(records + 1);
  for (let k = 2; k <= records; k++) lnFact[k] = lnFact[k - 1]! + Math.log(k);
  return {
    records,
    q,
    lnQ: q.map(Math.log),
    ln1mQ: q.map((v) => Math.log1p(-v)),
    odds: q.map((v) => v / (1 - v)),
    lnFact,
  };
}

/**
 * One multinomial draw into `out` (one count per unit, summing to N) by conditional binomials: unit i gets
 * Binomial(records left, q_i). No allocation: the Monte Carlo loop calls it once per draw.
 * @example multinomialInto(out, multinomialPrep(10, new Float64Array([1, 1])), new Rng(7)); // out[0] + out[1] === 10
 */
export function multinomialInto(out: Int32Array, prep: MultinomialPrep, rng: Rng): void {
  let left = prep.records;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const k = left === 0 ? 0 : binomial(left, i, prep, rng.next());
    out[i] = k;
    left -= k;
  }
}

/**
 * Binomial(n, q_i) by inversion, searching outwards from the mode (down one, up one, …): exact for any n, and
 * O(standard deviation) steps, so 10⁵ records cost no more than a few hundred steps a unit.
 */
function binomial(n: number, i: number, prep: MultinomialPrep, u: number): number {
  const q = prep.q[i]!;
  if (q <= 0) return 0;
  if (q >= 1) return n;
  const odds = prep.odds[i]!;
  const mode = Math.min(n, Math.floor((n + 1) * q));
  const lf = prep.lnFact;
  const fMode = Math.exp(lf[n]! - lf[mode]! - lf[n - mode]! + mode * prep.lnQ[i]! + (n - mode) * prep.ln1mQ[i]!);
  u -= fMode;
  if (u <= 0) return mode;
  let lo = mode,
    hi = mode,
    fLo = fMode,
    fHi = fMode;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      fLo *= lo / ((n - lo + 1) * odds);
      lo--;
      u -= fLo;
      if (u <= 0) return lo;
    }
    if (hi < n) {
      fHi *= ((n - hi) * odds) / (hi + 1);
      hi++;
      u -= fHi;
      if (u <= 0) return hi;
    }
  }
  // Only rounding leaves u above 0 once every outcome is counted (its mass is < 1e-12): the mode is as good as any.
  return mode;
}
