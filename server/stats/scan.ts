// Kulldorff's spatial scan statistic, Poisson model (Kulldorff 1997, "A spatial scan statistic"; SaTScan's discrete
// Poisson model): the most likely clusters among circular windows, with Monte Carlo p-values under constant risk.
import { llrTerms, windowLlrs, type ScanRate } from './scan-llr.ts';
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

/** Window positions of the clusters: repeatedly the largest LLR among windows sharing no unit with those taken. */
function clusterPositions(w: ScanWindows, llr: Float64Array, max: number): number[] {
  const taken = new Uint8Array(w.n);
  // Per centre, the first position of its list holding a taken unit: windows reaching it overlap a cluster.
  const blocked = Uint32Array.from({ length: w.n }, (_, c) => w.offsets[c + 1]!);
  const out: number[] = [];
  while (out.length < max) {
    let best = -1,
      bestV = 0;
    for (let c = 0; c < w.n; c++) {
      for (let k = w.offsets[c]!; k < blocked[c]!; k++) {
        const v = llr[k]!;
        if (v > bestV) {
          bestV = v;
          best = k;
        }
      }
    }
    if (best < 0) break;
    out.push(best);
    const centre = centreOf(w, best);
    for (let k = w.offsets[centre]!; k <= best; k++) taken[w.members[k]!] = 1;
    for (let c = 0; c < w.n; c++) {
      for (let k = w.offsets[c]!; k < blocked[c]!; k++) {
        if (taken[w.members[k]!] === 1) {
          blocked[c] = k;
          break;
        }
      }
    }
  }
  return out;
}

/** The centre whose list holds position `at` (binary search over offsets). */
function centreOf(w: ScanWindows, at: number): number {
  let lo = 0,
    hi = w.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (w.offsets[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cumulative(counts: Int32Array, w: ScanWindows, centre: number, at: number): number {
  let s = 0;
  for (let k = w.offsets[centre]!; k <= at; k++) s += counts[w.members[k]!]!;
  return s;
}

/** How many of the ascending `sorted` are ≥ v (a relative 1e-9 absorbs rounding between equal windows). */
function atLeast(sorted: Float64Array, v: number): number {
  const bound = v - 1e-9 * Math.max(1, Math.abs(v));
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < bound) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * The units of a cluster (its centre's first `size` neighbours).
 * @example clusterMembers(w, r.clusters[0]!) // Int32Array of unit indexes
 */
export function clusterMembers(w: ScanWindows, cl: Pick<ScanCluster, 'centre' | 'size'>): Int32Array {
  const start = w.offsets[cl.centre]!;
  return w.members.slice(start, start + cl.size);
}
