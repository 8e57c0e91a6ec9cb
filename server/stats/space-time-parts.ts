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
 * The exact test of time slices t0, t0 + step, … below t1 of the bin-major cube, with BH over each slice when fdr and
 * the map's guardrails, written into `out` at those slices. With fdr, a bin's judged p is its q where that is below
 * `alpha` (the level the classes read) and 1 elsewhere: only a slice's few candidates are sorted (bhAdjustedBelow).
 * Two workers take every other slice (step 2) rather than a half each, so a trend in the records over time (and in a
 * slice's cost) falls on both alike.
 * @example testSlices(cube, share, 9392, 1, 156, w, true, 0.1, out, 2); // the odd slices of 156 weeks
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
  step = 1,
): void {
  const test: ExcessTest = {
    observed: new Float64Array(nUnits),
    expected: new Float64Array(nUnits),
    p: new Float64Array(nUnits),
    z: new Float64Array(0), // each slice's own part of out.zByBin, below
  };
  const prep = prepareExcess(share, weights);
  const tightest = tightestShare(share);
  for (let t = t0; t < t1; t += step) {
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
 * Units u0 … u1 − 1: their z and p series laid out unit-major, the Mann–Kendall trend of each z series, the final z and
 * the emerging class, written into `out` at those units.
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
): void {
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
