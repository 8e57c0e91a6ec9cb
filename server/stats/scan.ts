// Kulldorff's spatial scan statistic, Poisson model (Kulldorff 1997, "A spatial scan statistic"; SaTScan's discrete
// Poisson model): the most likely clusters among circular windows, with Monte Carlo p-values under constant risk.
import { Rng } from '../../data/generate/random.ts';
import { multinomialInto, multinomialPrep } from './scan-null.ts';
import type { ScanWindows } from './scan-windows.ts';

/** Which clusters are looked for: more records than residents predict, fewer, or either. */
export type ScanRate = 'high' | 'low' | 'both';

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
  /** the largest LLR of each Monte Carlo dataset, ascending */
  nullMax: Float64Array;
}

/**
 * The Poisson log-likelihood ratio of a window with `c` of `n` records where `e` are expected, or 0 where the window
 * does not have the direction asked for (c ≤ e for high-rate clusters, c ≥ e for low-rate ones).
 * @example
 * scanLlr(6, 2, 10); // 6 ln 3 + 4 ln 0.5 ≈ 3.8191
 * scanLlr(1, 2, 10); // 0: fewer than expected is not a high-rate cluster
 */
export function scanLlr(c: number, e: number, n: number, rate: ScanRate = 'high'): number {
  if (e <= 0 || e >= n) return 0;
  if (c > e ? rate === 'low' : c < e ? rate === 'high' : true) return 0;
  return xlnx(c) - c * Math.log(e) + xlnx(n - c) - (n - c) * Math.log(n - e);
}

const xlnx = (v: number): number => (v > 0 ? v * Math.log(v) : 0);

/**
 * Per window position: the terms of its LLR that do not depend on the counts, so a draw's LLR is two table reads and a
 * multiply: LLR = G[c] − F − c·D with G[c] = c ln c + (N − c) ln(N − c), F = N ln(N − E), D = ln E − ln(N − E).
 * NaN marks a position that is no circle (or has no residents), so every comparison with it is false.
 */
interface Terms {
  g: Float64Array;
  e: Float64Array;
  f: Float64Array;
  d: Float64Array;
}

function terms(w: ScanWindows, records: number, residents: number): Terms {
  const g = new Float64Array(records + 1);
  for (let c = 0; c <= records; c++) g[c] = xlnx(c) + xlnx(records - c);
  const m = w.members.length;
  const e = new Float64Array(m),
    f = new Float64Array(m),
    d = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const ek = (records * w.popCum[k]!) / residents;
    if (w.closes[k] !== 1 || !(ek > 0) || !(ek < records)) {
      e[k] = f[k] = d[k] = NaN;
      continue;
    }
    e[k] = ek;
    f[k] = records * Math.log(records - ek);
    d[k] = Math.log(ek) - Math.log(records - ek);
  }
  return { g, e, f, d };
}

/**
 * The largest LLR over all windows for one set of counts; with `llr`, also every window's LLR (NaN where none).
 * The Monte Carlo hot loop: cumulative sums along each centre's sorted list, no allocation.
 */
function maxLlr(counts: Int32Array, w: ScanWindows, t: Terms, rate: ScanRate, llr?: Float64Array): number {
  const { offsets, members } = w;
  const { g, e, f, d } = t;
  const high = rate !== 'low',
    low = rate !== 'high';
  let best = 0;
  for (let c = 0; c < w.n; c++) {
    let sum = 0;
    const end = offsets[c + 1]!;
    for (let k = offsets[c]!; k < end; k++) {
      sum += counts[members[k]!]!;
      const ek = e[k]!;
      if ((high && sum > ek) || (low && sum < ek)) {
        const v = g[sum]! - f[k]! - sum * d[k]!;
        if (v > best) best = v;
        if (llr) llr[k] = v;
      } else if (llr) llr[k] = NaN;
    }
  }
  return best;
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
  const t = terms(w, records, residents);
  const llr = new Float64Array(w.members.length);
  maxLlr(counts, w, t, rate, llr);

  const sim = new Int32Array(w.n);
  const prep = multinomialPrep(records, pop);
  const rng = new Rng(seed);
  for (let r = 0; r < draws; r++) {
    multinomialInto(sim, prep, rng);
    result.nullMax[r] = maxLlr(sim, w, t, rate);
  }
  result.nullMax.sort();

  for (const at of clusterPositions(w, llr, maxClusters)) {
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
