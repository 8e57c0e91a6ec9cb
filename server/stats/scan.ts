// Kulldorff's spatial scan statistic, Poisson model (Kulldorff 1997, "A spatial scan statistic"; SaTScan's discrete
// Poisson model): the most likely clusters among circular windows, with Monte Carlo p-values under constant risk.
import { llrTerms, windowLlrs, type ScanRate } from './scan-llr.ts';
import { atLeast, centreOf, clusterPositions, cumulative } from './scan-clusters.ts';
import { nullMaxima } from './scan-monte-carlo.ts';
import type { ScanWindows } from './scan-windows.ts';

export { scanLlr, type ScanRate } from './scan-llr.ts';

/** Defaults of spatialScan; each is stamped in every result. */
export const SCAN_DEFAULTS = {
  /** Monte Carlo datasets under the null; 999 makes p = 0.001 the smallest p-value (SaTScan's default). */
  draws: 999,
  /** The seed of those datasets: the same request gives the same p-values. */
  seed: 20_261_111,
  rate: 'high' as ScanRate,
  /** Clusters reported at most: the most likely, then secondary ones that share no unit with those before. */
  maxClusters: 10,
};

export interface ScanOptions {
  draws?: number;
  seed?: number;
  rate?: ScanRate;
  maxClusters?: number;
}

export interface ScanCluster {
  /** the window's centre unit and how many units it holds (the first `size` of the centre's list) */
  centre: number;
  size: number;
  /** log-likelihood ratio */
  llr: number;
  observed: number;
  expected: number;
  /** (observed / expected) inside over (observed / expected) outside, as SaTScan reports it */
  relativeRisk: number;
  /** (1 + draws whose largest LLR reaches this one) / (draws + 1); for a secondary cluster this is conservative */
  p: number;
  /** distance from the centre to the farthest member (plane units of the windows, km) */
  radius: number;
}

export interface ScanResult {
  records: number;
  residents: number;
  draws: number;
  seed: number;
  rate: ScanRate;
  clusters: ScanCluster[];
  /** the largest LLR of each Monte Carlo dataset, ascending, where it reaches the weakest cluster's (else 0) */
  nullMax: Float64Array;
}

/**
 * Kulldorff's Poisson scan: for every circular window, the likelihood ratio of "risk inside ≠ risk outside" against
 * constant risk, with expected counts E = N × residents inside / all residents (N = all records, conditioned on).
 * The most likely cluster is the window of largest LLR; secondary clusters are the next largest that share no unit
 * with any cluster before them (SaTScan's "no geographical overlap"). Each p-value ranks the cluster's LLR among the
 * largest LLRs of `draws` datasets drawn under the null (multinomial N over the units by residents), seeded.
 * @example
 * // three units on a line, one resident each, records 6, 0, 0: the unit alone is the cluster (LLR 6 ln 3 ≈ 6.59)
 * const w = circularWindows(new Float64Array([0, 1, 2]), new Float64Array(3), new Float64Array([1, 1, 1]), 0.5)!;
 * spatialScan(new Int32Array([6, 0, 0]), new Float64Array([1, 1, 1]), w, { draws: 99 }).clusters[0]; // centre 0, size 1, observed 6, expected 2
 */
export function spatialScan(counts: Int32Array, pop: Float64Array, w: ScanWindows, opts: ScanOptions = {}): ScanResult {
  const draws = opts.draws ?? SCAN_DEFAULTS.draws;
  const seed = opts.seed ?? SCAN_DEFAULTS.seed;
  const rate = opts.rate ?? SCAN_DEFAULTS.rate;
  const maxClusters = opts.maxClusters ?? SCAN_DEFAULTS.maxClusters;
  if (counts.length !== w.n || pop.length !== w.n) throw new RangeError('counts and pop must have one entry per unit');
  let records = 0,
    residents = 0;
  for (let i = 0; i < w.n; i++) {
    records += counts[i]!;
    residents += Math.max(0, pop[i]!);
  }
  const result: ScanResult = { records, residents, draws, seed, rate, clusters: [], nullMax: new Float64Array(draws) };
  if (records === 0 || residents <= 0) return result;
  const t = llrTerms(w, records, residents);
  const llr = windowLlrs(counts, w, t, rate);
  const found = clusterPositions(w, llr, maxClusters);
  if (found.length === 0) return result;
  // Only draws reaching the weakest reported cluster's LLR count towards any p-value.
  const floor = Math.min(...found.map((at) => llr[at]!));
  result.nullMax = nullMaxima(w, t, pop, rate, floor, draws, seed).sort();

  for (const at of found) {
    const centre = centreOf(w, at);
    const observed = cumulative(counts, w, centre, at);
    const expected = t.e[at]!;
    const v = llr[at]!;
    result.clusters.push({
      centre,
      size: at - w.offsets[centre]! + 1,
      llr: v,
      observed,
      expected,
      relativeRisk: observed / expected / ((records - observed) / (records - expected)),
      p: (1 + atLeast(result.nullMax, v)) / (draws + 1),
      radius: w.radius[at]!,
    });
  }
  return result;
}

/**
 * The units of a cluster (its centre's first `size` neighbours).
 * @example clusterMembers(w, r.clusters[0]!) // Int32Array of unit indexes
 */
export function clusterMembers(w: ScanWindows, cl: Pick<ScanCluster, 'centre' | 'size'>): Int32Array {
  const start = w.offsets[cl.centre]!;
  return w.members.slice(start, start + cl.size);
}
