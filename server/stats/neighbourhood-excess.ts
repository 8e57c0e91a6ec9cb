// "Neighbourhood excess": each unit's neighbourhood (itself and its neighbours) tested for more or fewer records than
// constant risk given residents expects, with the exact binomial tail. Replaces Gi* on rates for the hot-spot maps:
// Gi*'s analytic normal p over-signals on small counts (README, "Hot-spot inference"); this p holds for any count.
import { binomialP, lowerOfLogs, upperOfLogs } from '../shared/binomial.ts';
import { bhAdjusted, bhCutoff } from './fdr.ts';
import { GI_BIN_ALPHAS } from './gistar.ts';
import { zEquivalent } from './normal-quantile.ts';
import type { Weights } from './weights.ts';

/** The guardrails: fewer records than this in the study area say nothing about where they concentrate. */
export const MIN_RECORDS = 20;

/** Bins ±1 need p (or, with FDR, the Benjamini–Hochberg q) below this: the weakest level shown. */
export const WEAKEST_ALPHA = GI_BIN_ALPHAS[0];

export interface ExcessTest {
  /** records in the unit's neighbourhood (O_i) */
  observed: Float64Array;
  /** records the neighbourhood expects under constant risk: N × its residents / all residents (E_i) */
  expected: Float64Array;
  /** two-sided exact p: min(1, 2 × the binomial tail on the side of the departure) */
  p: Float64Array;
  /** the normal z whose two-sided p is p, signed + for an excess, − for a deficit (0 when p = 1) */
  z: Float64Array;
}

/** When the study area has too few records for any unit to reach the weakest level: N, and the least N that could. */
export interface TooFew {
  records: number;
  needed: number;
}

export interface ExcessResult extends ExcessTest {
  /** records in the study area (N) */
  records: number;
  /** −3…+3 as in Gi*: ±1/±2/±3 at 0.10/0.05/0.01 (of q with FDR); all 0 when tooFew */
  bin: Int8Array;
  /** 1 where the raw p passed 0.10 but the FDR correction took the unit out */
  lostToFdr: Uint8Array;
  /** 1 where a unit would be hot but has no record of its own (guardrail: never hot on its neighbours alone) */
  heldBack: Uint8Array;
  tooFew: TooFew | null;
}

/**
 * Each unit's share of the study area's residents over its neighbourhood: Σ_{j ∈ N(i)} residents_j / Σ residents.
 * Membership only: any nonzero weight (the unit's own entry included) puts j in i's neighbourhood.
 * @example
 * neighbourhoodShares(new Float64Array([1000, 2000, 3000, 500]), chain4); // [3000, 6000, 5500, 3500] / 6500
 */
export function neighbourhoodShares(residents: Float64Array, w: Weights): Float64Array {
  if (residents.length !== w.n) throw new RangeError(`residents has ${residents.length} entries, weights ${w.n}`);
  let total = 0;
  for (let i = 0; i < w.n; i++) total += residents[i]!;
  const share = new Float64Array(w.n);
  if (total <= 0) return share;
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let k = w.offsets[i]!; k < w.offsets[i + 1]!; k++) if (w.weights[k] !== 0) s += residents[w.neighbours[k]!]!;
    share[i] = Math.min(1, s / total);
  }
  return share;
}

/**
 * What the exact tests of many slices over the same shares and weights take from them, computed once: each unit's
 * share as the tests' probability p with q = 1 − p and the logarithms of both and of their complements (as
 * binomialP gives them), in columns, and the members of each neighbourhood (the weights' nonzero entries, as rows
 * `offsets`/`members`). Object fields and the weight test per neighbour took ≈ 10 % of the national slices' time.
 */
export interface ExcessPrep {
  p: Float64Array;
  q: Float64Array;
  lnP: Float64Array;
  ln1mP: Float64Array;
  lnQ: Float64Array;
  ln1mQ: Float64Array;
  offsets: Uint32Array;
  members: Uint32Array;
}

/**
 * ExcessPrep of the shares and weights.
 * @example neighbourhoodExcessInto(slice, w, share, out, prepareExcess(share, w));
 */
export function prepareExcess(share: Float64Array, w: Weights): ExcessPrep {
  const n = share.length;
  const column = (): Float64Array => new Float64Array(n);
  const [p, q, lnP, ln1mP, lnQ, ln1mQ] = [column(), column(), column(), column(), column(), column()];
  for (let i = 0; i < n; i++) {
    const b = binomialP(share[i]!);
    p[i] = b.p;
    q[i] = b.q;
    lnP[i] = b.lnP;
    ln1mP[i] = b.ln1mP;
    lnQ[i] = b.lnQ;
    ln1mQ[i] = b.ln1mQ;
  }
  const offsets = new Uint32Array(w.n + 1),
    members: number[] = [];
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i]!; k < w.offsets[i + 1]!; k++) if (w.weights[k] !== 0) members.push(w.neighbours[k]!);
    offsets[i + 1] = members.length;
  }
  return { p, q, lnP, ln1mP, lnQ, ln1mQ, offsets, members: Uint32Array.from(members) };
}

/**
 * The exact test of every unit, written into `out` (arrays of length n); returns N. Under constant risk given
 * residents and conditional on N, a neighbourhood's records are Binomial(N, share) exactly, so no draws are needed.
 * A neighbourhood without residents (share 0) cannot be judged against residents, and one holding them all (share 1)
 * always counts N: both get p = 1. Allocates nothing when given `prep` (prepareExcess(share, w)), which a caller
 * testing many slices over the same shares computes once.
 * @example
 * const out = { observed: new Float64Array(n), expected: new Float64Array(n), p: new Float64Array(n), z: new Float64Array(n) };
 * neighbourhoodExcessInto(counts, w, neighbourhoodShares(residents, w), out); // N
 */
export function neighbourhoodExcessInto(
  counts: Float64Array,
  w: Weights,
  share: Float64Array,
  out: ExcessTest,
  prep: ExcessPrep = prepareExcess(share, w),
): number {
  const n = w.n;
  if (counts.length !== n || share.length !== n) throw new RangeError(`arrays must have ${n} entries, one per unit`);
  const { p: pr, q, lnP, ln1mP, lnQ, ln1mQ, offsets, members } = prep;
  let total = 0;
  for (let i = 0; i < n; i++) total += counts[i]!;
  for (let i = 0; i < n; i++) {
    let o = 0;
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) o += counts[members[k]!]!;
    const s = share[i]!;
    const e = total * s;
    out.observed[i] = o;
    out.expected[i] = e;
    // Only the tail on the side of the departure: the other one is ≥ 1/2 (the median lies within 1 of the mean), so
    // min(1, 2 × min(tails)) is min(1, 2 × this tail). binomialUpperAt and binomialLowerAt's rules, on the columns.
    const sign = s <= 0 || s >= 1 || o === e ? 0 : o > e ? 1 : -1;
    const tail =
      sign > 0
        ? upperOfLogs(o, total, pr[i]!, q[i]!, lnP[i]!, ln1mP[i]!)
        : sign < 0
          ? lowerOfLogs(o, total, pr[i]!, q[i]!, lnQ[i]!, ln1mQ[i]!)
          : 0.5;
    const p = Math.min(1, 2 * tail);
    out.p[i] = p;
    out.z[i] = zEquivalent(p, sign);
  }
  return total;
}

/**
 * The smallest min(s, 1 − s) over the shares strictly between 0 and 1 (1 when there is none): the unit that reaches
 * the smallest p. A share of 0 (no residents) or 1 (the whole area: its count is always N) never departs from the null.
 * The emerging hot spots ask tooFewToTest of 156 slices over the same shares, so they pass this in once.
 * @example tightestShare(new Float64Array([0.2, 0.9, 0])); // 0.1 (to rounding: 1 − 0.9)
 */
export function tightestShare(share: Float64Array): number {
  let tightest = 1;
  for (const s of share) if (s > 0 && s < 1) tightest = Math.min(tightest, s, 1 - s);
  return tightest;
}

/**
 * Whether the study area's N records could make any unit significant at `alpha` (with BH over all units when fdr):
 * the smallest p a unit can reach is 2·min(share^N, (1 − share)^N) (every record inside its neighbourhood, or none), and
 * BH rejects nothing unless some k units can reach k·alpha/m. Returns null when testing is possible, else N and the
 * least N that would be (at least MIN_RECORDS). `tightest` is tightestShare(share), computed here unless given.
 * @example
 * tooFewToTest(new Float64Array([0.5, 0.5]), 3, true); // { records: 3, needed: 20 }
 */
export function tooFewToTest(
  share: Float64Array,
  records: number,
  fdr: boolean,
  alpha = WEAKEST_ALPHA,
  tightest = tightestShare(share),
): TooFew | null {
  const reachable = (n: number): boolean => {
    const least = Math.min(1, 2 * Math.exp(n * Math.log(tightest)));
    if (!fdr) return least < alpha;
    // One unit reaching alpha/m is enough for BH (the common case, decided without sorting); else try them all.
    if (least <= alpha / share.length) return true;
    const best = Float64Array.from(share, (s) =>
      s <= 0 || s >= 1 ? 1 : Math.min(1, 2 * Math.exp(n * Math.log(Math.min(s, 1 - s)))),
    );
    return bhCutoff(best, alpha) > -Infinity;
  };
  if (records >= MIN_RECORDS && reachable(records)) return null;
  // The least reachable N: doubling, then bisection (reachability only grows with N).
  let hi = Math.max(MIN_RECORDS, records + 1);
  while (!reachable(hi) && hi < 2 ** 40) hi *= 2;
  let lo = Math.max(MIN_RECORDS, records + 1) - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reachable(mid)) hi = mid;
    else lo = mid;
  }
  return { records, needed: Math.max(MIN_RECORDS, hi) };
}

/** Bin level 0…3 of a p-value: the highest confidence whose alpha it is strictly below. */
function level(p: number): number {
  return p < GI_BIN_ALPHAS[2] ? 3 : p < GI_BIN_ALPHAS[1] ? 2 : p < GI_BIN_ALPHAS[0] ? 1 : 0;
}

/**
 * Bins −3…+3 from z and p with the guardrail on own records: a unit with no record of its own is never hot (its bin
 * is held at 0), whatever its neighbours hold. With fdr, level k needs the BH q (over all units) below its alpha too.
 * @example
 * excessBins(new Float64Array([3, 3, -2]), new Float64Array([0.002, 0.002, 0.04]), new Float64Array([4, 0, 0]), false).bin; // [3, 0, -2]
 */
export function excessBins(
  z: Float64Array,
  p: Float64Array,
  own: Float64Array,
  fdr: boolean,
): { bin: Int8Array; lostToFdr: Uint8Array; heldBack: Uint8Array } {
  const n = z.length;
  const q = fdr ? bhAdjusted(p) : p;
  const bin = new Int8Array(n),
    lostToFdr = new Uint8Array(n),
    heldBack = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const raw = level(p[i]!);
    const kept = fdr ? Math.min(raw, level(q[i]!)) : raw;
    if (raw > 0 && kept === 0) lostToFdr[i] = 1;
    if (z[i]! > 0 && kept > 0 && own[i]! <= 0) {
      heldBack[i] = 1;
      continue;
    }
    bin[i] = z[i]! > 0 ? kept : z[i]! < 0 ? -kept : 0;
  }
  return { bin, lostToFdr, heldBack };
}

/**
 * The hot-spot rule of every map (mahallas, H3 cells; emerging per time bin): the exact neighbourhood test, its bins,
 * and the guardrails. `counts` are the records of each unit of the study area, `share` its neighbourhood shares.
 * @example
 * const w = weightsFromPairs(4, new Int32Array([0, 1, 2]), new Int32Array([1, 2, 3]));
 * neighbourhoodExcess(counts, neighbourhoodShares(residents, w), w, { fdr: true }).bin;
 */
export function neighbourhoodExcess(
  counts: Float64Array,
  share: Float64Array,
  w: Weights,
  opts: { fdr: boolean },
): ExcessResult {
  const n = w.n;
  const test: ExcessTest = {
    observed: new Float64Array(n),
    expected: new Float64Array(n),
    p: new Float64Array(n),
    z: new Float64Array(n),
  };
  const records = neighbourhoodExcessInto(counts, w, share, test);
  const tooFew = tooFewToTest(share, records, opts.fdr);
  const bins = excessBins(test.z, test.p, counts, opts.fdr);
  if (tooFew) {
    bins.bin.fill(0);
    bins.lostToFdr.fill(0);
    bins.heldBack.fill(0);
  }
  return { ...test, records, ...bins, tooFew };
}
