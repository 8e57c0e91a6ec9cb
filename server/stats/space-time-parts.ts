// The two halves of the emerging hot spot analysis over a units × time-bins cube, each over a range so two threads
// can share the work with the very same doubles: the exact test of each time slice (independent across slices), then
// the Mann–Kendall trend and class of each unit (independent across units). space-time.ts runs both over everything.
import { classifyEmergingAt, type EmergingOptions } from './emerging.ts';
import { bhAdjustedBelow } from './fdr.ts';
import { mannKendallAt, mannKendallPairAt, type MannKendall } from './mann-kendall.ts';
import {
  neighbourhoodExcessInto,
  prepareExcess,
  tightestShare,
  tooFewToTest,
  WEAKEST_ALPHA,
  type ExcessPrep,
  type ExcessTest,
} from './neighbourhood-excess.ts';
import type { Weights } from './weights.ts';

/** What the slices write: z and the judged p bin-major (slice t at [t·units, (t + 1)·units)), and per bin. */
export interface SliceOut {
  zByBin: Float64Array;
  pByBin: Float64Array;
  binRecords: Float64Array;
  binTooFew: Uint8Array;
}

/** What the units write: z and p unit-major (unit u at [u·bins, (u + 1)·bins)), and per unit. */
export interface UnitOut {
  z: Float64Array;
  p: Float64Array;
  category: Uint8Array;
  finalZ: Float64Array;
  trendZ: Float64Array;
  trendP: Float64Array;
}

/** Fresh UnitOut arrays for `nUnits` units of `nBins` bins, in this thread's memory. */
export function unitOut(nUnits: number, nBins: number): UnitOut {
  return {
    z: new Float64Array(nUnits * nBins),
    p: new Float64Array(nUnits * nBins),
    category: new Uint8Array(nUnits),
    finalZ: new Float64Array(nUnits),
    trendZ: new Float64Array(nUnits),
    trendP: new Float64Array(nUnits),
  };
}

/**
 * Work shared out as it goes: each caller (a statistics worker) takes the next index from `claims[at]` until they run
 * out, so a worker slowed by the host (or by costlier items) takes fewer and both finish together. Fixed halves left
 * the faster worker idle for 3–19 ms of ≈ 160 on a fairly quiet host, and for ≈ 100 ms when another process held a
 * core (212 against 309 ms).
 * Without `claims`, every index from `first` by `step`.
 * @example for (let t = claimFirst(claims, 0, 0); t < n; t = claimNext(claims, 0, t, 1)) …
 */
const claimFirst = (claims: Int32Array | undefined, at: number, first: number): number =>
  claims ? Atomics.add(claims, at, 1) : first;
const claimNext = (claims: Int32Array | undefined, at: number, last: number, step: number): number =>
  claims ? Atomics.add(claims, at, 1) : last + step;

/** Where the claims of testSlices and classifyUnits are counted in a shared Int32Array (CLAIMS long). */
export const SLICE_CLAIMS = 0,
  UNIT_CLAIMS = 1,
  CLAIMS = 2;

/** Units a claim of classifyUnits takes (even, so the pairs of mannKendallPairAt stay within a claim). */
const UNITS_A_CLAIM = 256;

/** Which slices a call of testSlices takes, and what it may reuse. */
export interface SliceShare {
  /** every step-th slice from t0 (default 1) */
  step?: number;
  /** or the slices below t1 this caller claims from claims[SLICE_CLAIMS] (which starts at 0), one at a time */
  claims?: Int32Array;
  /**
   * prepareExcess(share, weights), when the caller has it: ≈ 7–10 ms of a worker's time each national ask (once per
   * call, so never optimised), before any slice could start.
   */
  prep?: ExcessPrep;
}

/**
 * The exact test of time slices t0, t0 + step, … below t1 of the bin-major cube (or those claimed: SliceShare), with BH
 * over each slice when fdr and the map's guardrails, written into `out` at those slices. With fdr, a bin's judged p is
 * its q where that is below `alpha` (the level the classes read) and 1 elsewhere: only a slice's few candidates are
 * sorted (bhAdjustedBelow). Each slice is tested alone, so whoever tests it writes the same doubles.
 * @example testSlices(cube, share, 9392, 1, 156, w, true, 0.1, out, { step: 2 }); // the odd slices of 156 weeks
 */
export function testSlices(
  byBin: Float64Array,
  share: Float64Array,
  nUnits: number,
  t0: number,
  t1: number,
  weights: Weights,
  fdr: boolean,
  alpha: number,
  out: SliceOut,
  { step = 1, claims, prep = prepareExcess(share, weights) }: SliceShare = {},
): void {
  const test: ExcessTest = {
    observed: new Float64Array(nUnits),
    expected: new Float64Array(nUnits),
    p: new Float64Array(nUnits),
    z: new Float64Array(0), // each slice's own part of out.zByBin, below
  };
  const tightest = tightestShare(share);
  for (let t = claimFirst(claims, SLICE_CLAIMS, t0); t < t1; t = claimNext(claims, SLICE_CLAIMS, t, step)) {
    const at = t * nUnits;
    const slice = byBin.subarray(at, at + nUnits);
    // z straight into its slice of the output, not copied there after.
    test.z = out.zByBin.subarray(at, at + nUnits);
    const records = neighbourhoodExcessInto(slice, weights, share, test, prep);
    const tooFew = tooFewToTest(share, records, fdr, WEAKEST_ALPHA, tightest) !== null;
    out.binRecords[t] = records;
    out.binTooFew[t] = tooFew ? 1 : 0;
    const judged = fdr ? bhAdjustedBelow(test.p, alpha) : test.p;
    const pOut = out.pByBin.subarray(at, at + nUnits);
    // The map's guardrails, per bin: nothing is significant in a bin too thin to test, and a unit with no record of
    // its own in the bin is never hot in it. Both only ever set 1, so a judged p of 1 (most of them, with fdr) is
    // written as it is without reading z or the count.
    if (tooFew) pOut.fill(1);
    else
      for (let u = 0; u < nUnits; u++) {
        const j = judged[u]!;
        pOut[u] = !(j >= 1) && test.z[u]! > 0 && slice[u]! <= 0 ? 1 : j;
      }
  }
}

/**
 * Columns c0 … c1 − 1 of the rows × cols matrix m (row-major) written as rows of `out` (cols × rows), in 32 × 32
 * tiles that stay in the cache.
 * @example transposeInto(zByBin, 156, 9392, z, 0, 9392); // the whole matrix
 */
export function transposeInto(
  m: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array,
  c0 = 0,
  c1 = cols,
): Float64Array {
  const TILE = 32;
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const r1 = Math.min(rows, r0 + TILE);
    for (let t0 = c0; t0 < c1; t0 += TILE) {
      const t1 = Math.min(c1, t0 + TILE);
      for (let r = r0; r < r1; r++) for (let c = t0; c < t1; c++) out[c * rows + r] = m[r * cols + c]!;
    }
  }
  return out;
}

/**
 * Units u0 … u1 − 1 (or, with `claims`, the runs of UNITS_A_CLAIM units from u0 this caller claims from
 * claims[UNIT_CLAIMS], which starts at 0): their z and p series laid out unit-major, the Mann–Kendall trend of each z
 * series, the final z and the emerging class, written into `out` at those units.
 * @example classifyUnits(slices.zByBin, slices.pByBin, 9392, 156, 0, 4696, {}, out);
 */
export function classifyUnits(
  zByBin: Float64Array,
  pByBin: Float64Array,
  nUnits: number,
  nBins: number,
  u0: number,
  u1: number,
  opts: EmergingOptions,
  out: UnitOut,
  claims?: Int32Array,
): void {
  const cube: Cube = { zByBin, pByBin, nUnits, nBins, opts, out };
  if (!claims) return classifyRange(cube, u0, u1);
  for (
    let c = claimFirst(claims, UNIT_CLAIMS, 0);
    u0 + c * UNITS_A_CLAIM < u1;
    c = claimNext(claims, UNIT_CLAIMS, c, 1)
  ) {
    const from = u0 + c * UNITS_A_CLAIM;
    classifyRange(cube, from, Math.min(u1, from + UNITS_A_CLAIM));
  }
}

/** What classifyUnits reads and writes, whichever units it classifies. */
interface Cube {
  zByBin: Float64Array;
  pByBin: Float64Array;
  nUnits: number;
  nBins: number;
  opts: EmergingOptions;
  out: UnitOut;
}

/** classifyUnits of units u0 … u1 − 1. */
function classifyRange({ zByBin, pByBin, nUnits, nBins, opts, out }: Cube, u0: number, u1: number): void {
  const { z, p } = out;
  transposeInto(zByBin, nBins, nUnits, z, u0, u1);
  transposeInto(pByBin, nBins, nUnits, p, u0, u1);
  // Units in pairs: their two series sort together (mannKendallPairAt), the odd one out alone.
  let u = u0;
  for (; u + 1 < u1; u += 2) {
    const [mkU, mkV] = mannKendallPairAt(z, u * nBins, (u + 1) * nBins, nBins);
    classifyUnit(z, p, nBins, u, mkU, opts, out);
    classifyUnit(z, p, nBins, u + 1, mkV, opts, out);
  }
  if (u < u1) classifyUnit(z, p, nBins, u, mannKendallAt(z, u * nBins, nBins), opts, out);
}

/** Unit u's trend (mk, its Mann–Kendall test), final z and class, written into `out`. */
function classifyUnit(
  z: Float64Array,
  p: Float64Array,
  nBins: number,
  u: number,
  mk: MannKendall,
  opts: EmergingOptions,
  out: UnitOut,
): void {
  const start = u * nBins;
  out.trendZ[u] = mk.z;
  out.trendP[u] = mk.p;
  out.finalZ[u] = nBins > 0 ? z[start + nBins - 1]! : 0;
  out.category[u] = classifyEmergingAt(z, p, start, nBins, mk, opts);
}
