// Emerging hot spot analysis over a units × time-bins matrix: Gi* per time slice, Mann–Kendall per unit, then a category.
import { classifyEmergingAt, type EmergingOptions } from './emerging.ts';
import { bhAdjusted } from './fdr.ts';
import { giStarInto, giStarPrep } from './gistar.ts';
import { mannKendallAt } from './mann-kendall.ts';
import type { Weights } from './weights.ts';

export interface SpaceTimeOptions extends EmergingOptions {
  /**
   * Judge each bin's significance on Benjamini–Hochberg-adjusted p-values, over the units of its time slice. Default true:
   * ArcGIS Pro computes the per-bin Gi* of Emerging Hot Spot Analysis with FDR correction.
   */
  fdr?: boolean;
}

export interface SpaceTimeResult {
  /** Emerging hot spot category code per unit: an index into EMERGING_CLASSES. */
  category: Uint8Array;
  /** Gi* z of each unit in the final bin. */
  finalZ: Float64Array;
  /** Mann–Kendall z and p of each unit's Gi* z-series. */
  trendZ: Float64Array;
  trendP: Float64Array;
  /** Gi* z per unit and bin, unit-major like the input (z[u * nBins + t]). */
  z: Float64Array;
  /** The p-value each bin was judged on, unit-major: two-sided, BH-adjusted within its time slice when fdr is on. */
  p: Float64Array;
}

/**
 * Emerging Hot Spot Analysis of counts (or any values) laid out unit-major: counts[u * nBins + t] is unit u in time bin t,
 * bins in time order. Each bin is its own cross-section for Gi* with the given weights (the unit's spatial neighbours,
 * itself included). ArcGIS also lets a bin's neighbourhood reach back over earlier time steps ("neighborhood time step");
 * this is the simpler per-slice variant, where time enters only through the Mann–Kendall trend of each unit's z-series.
 * @example
 * const w = weightsFromPairs(585, adj.a, adj.b);
 * const res = spaceTimeGiStar(weeklyCounts, 585, 156, w);
 * EMERGING_CLASSES[res.category[0]!].label; // e.g. 'Intensifying hot spot'
 */
export function spaceTimeGiStar(
  counts: Float64Array,
  nUnits: number,
  nBins: number,
  weights: Weights,
  opts: SpaceTimeOptions = {},
): SpaceTimeResult {
  if (weights.n !== nUnits) throw new RangeError(`weights cover ${weights.n} units, expected ${nUnits}`);
  if (counts.length !== nUnits * nBins)
    throw new RangeError(`counts has ${counts.length} values, expected ${nUnits} × ${nBins}`);
  const fdr = opts.fdr ?? true;
  const prep = giStarPrep(weights);
  const z = new Float64Array(nUnits * nBins),
    p = new Float64Array(nUnits * nBins);
  const slice = new Float64Array(nUnits),
    zs = new Float64Array(nUnits),
    ps = new Float64Array(nUnits);

  for (let t = 0; t < nBins; t++) {
    for (let u = 0; u < nUnits; u++) slice[u] = counts[u * nBins + t]!;
    giStarInto(slice, weights, prep, zs, ps);
    const judged = fdr ? bhAdjusted(ps) : ps;
    for (let u = 0; u < nUnits; u++) {
      z[u * nBins + t] = zs[u]!;
      p[u * nBins + t] = judged[u]!;
    }
  }

  const category = new Uint8Array(nUnits);
  const finalZ = new Float64Array(nUnits),
    trendZ = new Float64Array(nUnits),
    trendP = new Float64Array(nUnits);
  for (let u = 0; u < nUnits; u++) {
    const start = u * nBins;
    const mk = mannKendallAt(z, start, nBins);
    trendZ[u] = mk.z;
    trendP[u] = mk.p;
    finalZ[u] = nBins > 0 ? z[start + nBins - 1]! : 0;
    category[u] = classifyEmergingAt(z, p, start, nBins, mk, opts);
  }
  return { category, finalZ, trendZ, trendP, z, p };
}
