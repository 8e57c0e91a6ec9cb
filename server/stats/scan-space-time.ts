// Kulldorff's prospective space-time permutation scan (Kulldorff, Heffernan, Hartman, Assunção & Mostashari 2005,
// "A space–time permutation scan statistic for disease outbreak detection"): emerging clusters, i.e. circles whose
// last k weeks hold more records than that circle's share of the whole period and those weeks' share of all records
// predict. Cylinders = the spatial scan's circles × the last 1…K weeks, all ending with the last week.
import { Rng } from '../shared/random.ts';
import { atLeast, centreOf, clusterPositions } from './scan-clusters.ts';
import { llrThresholds, type LlrTerms } from './scan-llr.ts';
import type { ScanWindows } from './scan-windows.ts';

export interface SpaceTimeOptions {
  draws: number;
  seed: number;
  /** the longest cylinder in weeks (K), at most half the weeks */
  maxWeeks: number;
  maxClusters: number;
}

export interface SpaceTimeCluster {
  centre: number;
  size: number;
  /** the cylinder covers the last `weeks` weeks */
  weeks: number;
  llr: number;
  observed: number;
  /** (the circle's records over the whole period) × (all records in these weeks) / all records */
  expected: number;
  relativeRisk: number;
  p: number;
  radius: number;
}

export interface SpaceTimeResult {
  records: number;
  draws: number;
  seed: number;
  maxWeeks: number;
  clusters: SpaceTimeCluster[];
  nullMax: Float64Array;
}

/** Draws walked side by side (as in scan-monte-carlo.ts). */
const BATCH = 16;

const xlnx = (v: number): number => (v > 0 ? v * Math.log(v) : 0);

/**
 * The space-time permutation scan of `counts` (unit-major: counts[u × weeks + t], t = 0 the first week). The null keeps
 * every mahalla's total and every week's total and shuffles which record fell in which week (so a mahalla that is
 * always busy, or a city-wide busy week, is no cluster); the p-values rank each cluster's LLR among the largest LLRs
 * of `draws` such shuffles, seeded. Secondary clusters share no unit with those before.
 * @example
 * // two units, four weeks: unit 0 has 1, 1, 1, 9; unit 1 has 3, 3, 3, 3 → unit 0 in the last week is the cluster
 * spaceTimeScan(new Int32Array([1, 1, 1, 9, 3, 3, 3, 3]), 4, w, { draws: 99, seed: 1, maxWeeks: 2, maxClusters: 1 })
 */
export function spaceTimeScan(counts: Int32Array, weeks: number, w: ScanWindows, o: SpaceTimeOptions): SpaceTimeResult {
  const n = w.n;
  if (counts.length !== n * weeks) throw new RangeError('counts must hold units × weeks entries');
  const K = Math.max(1, Math.min(o.maxWeeks, Math.floor(weeks / 2)));
  const total = new Float64Array(n);
  const recent = new Int32Array(n * K); // records of unit u in the last k + 1 weeks
  const inWeeks = new Float64Array(K); // all records in the last k + 1 weeks
  let records = 0;
  for (let u = 0; u < n; u++) {
    let run = 0;
    let all = 0;
    for (let t = 0; t < weeks; t++) all += counts[u * weeks + t]!;
    total[u] = all;
    for (let k = 0; k < K; k++) {
      run += counts[u * weeks + weeks - 1 - k]!;
      recent[u * K + k] = run;
      inWeeks[k] = inWeeks[k]! + run;
    }
    records += total[u]!;
  }
  const result: SpaceTimeResult = {
    records,
    draws: o.draws,
    seed: o.seed,
    maxWeeks: K,
    clusters: [],
    nullMax: new Float64Array(o.draws),
  };
  if (records === 0) return result;
  const t = cylinderTerms(w, total, inWeeks, records, K);
  // The observed LLR of every cylinder, and per circle its best length.
  const best = new Float64Array(w.members.length).fill(NaN);
  const bestK = new Int8Array(w.members.length);
  const observed = new Int32Array(w.members.length * K);
  for (let c = 0; c < n; c++) {
    const sums = new Int32Array(K);
    for (let p = w.offsets[c]!; p < w.offsets[c + 1]!; p++) {
      for (let k = 0; k < K; k++) {
        const s = (sums[k] = sums[k]! + recent[w.members[p]! * K + k]!);
        observed[p * K + k] = s;
        const i = p * K + k;
        if (!(s > t.e[i]!)) continue;
        const v = t.g[s]! - t.f[i]! - s * t.d[i]!;
        if (Number.isNaN(best[p]!) || v > best[p]!) {
          best[p] = v;
          bestK[p] = k;
        }
      }
    }
  }
  const found = clusterPositions(w, best, o.maxClusters);
  if (found.length === 0) return result;
  const floor = Math.min(...found.map((p) => best[p]!));
  result.nullMax = permutationMaxima(w, t, total, inWeeks, K, floor, o).sort();
  for (const p of found) {
    const i = p * K + bestK[p]!;
    const centre = centreOf(w, p);
    const c = observed[i]!,
      e = t.e[i]!;
    result.clusters.push({
      centre,
      size: p - w.offsets[centre]! + 1,
      weeks: bestK[p]! + 1,
      llr: best[p]!,
      observed: c,
      expected: e,
      relativeRisk: c / e / ((records - c) / (records - e)),
      p: (1 + atLeast(result.nullMax, best[p]!)) / (o.draws + 1),
      radius: w.radius[p]!,
    });
  }
  return result;
}

/** LLR terms per cylinder (index position × K + k), with μ = records of the circle × records of the weeks / N. */
function cylinderTerms(
  w: ScanWindows,
  total: Float64Array,
  inWeeks: Float64Array,
  records: number,
  K: number,
): LlrTerms {
  const m = w.members.length;
  const g = new Float64Array(records + 1);
  for (let c = 0; c <= records; c++) g[c] = xlnx(c) + xlnx(records - c);
  const e = new Float64Array(m * K).fill(NaN),
    f = new Float64Array(m * K).fill(NaN),
    d = new Float64Array(m * K).fill(NaN);
  for (let c = 0; c < w.n; c++) {
    let circle = 0;
    for (let p = w.offsets[c]!; p < w.offsets[c + 1]!; p++) {
      circle += total[w.members[p]!]!;
      if (w.closes[p] !== 1) continue;
      for (let k = 0; k < K; k++) {
        const mu = (circle * inWeeks[k]!) / records;
        if (!(mu > 0 && mu < records)) continue;
        const i = p * K + k;
        e[i] = mu;
        f[i] = records * Math.log(records - mu);
        d[i] = Math.log(mu) - Math.log(records - mu);
      }
    }
  }
  return { records, g, e, f, d };
}

/**
 * The largest LLR of each shuffle where it reaches `floor` (else 0). A shuffle of the week labels is drawn as which
 * records land in the last K weeks: a partial Fisher–Yates over the records' units, the first `inWeeks[0]` of them in
 * the last week, the next ones in the week before, and so on (every week keeps its total, every unit its own).
 */
function permutationMaxima(
  w: ScanWindows,
  t: LlrTerms,
  total: Float64Array,
  inWeeks: Float64Array,
  K: number,
  floor: number,
  o: SpaceTimeOptions,
): Float64Array {
  const out = new Float64Array(o.draws);
  if (!(floor > 0)) return out;
  const { up } = llrThresholds(t, 'high', floor);
  const unitOf = new Int32Array(t.records);
  for (let u = 0, r = 0; u < w.n; u++) for (let j = 0; j < total[u]!; j++) unitOf[r++] = u;
  const M = inWeeks[K - 1]!;
  const bucket = new Int8Array(M); // which k the record at a shuffled position counts towards first
  for (let i = 0, k = 0; i < M; i++) {
    while (i >= inWeeks[k]!) k++;
    bucket[i] = k;
  }
  const rng = new Rng(o.seed);
  const KB = K * BATCH;
  const sim = new Int32Array(w.n * KB);
  const sums = new Int32Array(KB);
  const best = new Float64Array(BATCH);
  const { g, f, d } = t;
  for (let first = 0; first < o.draws; first += BATCH) {
    const b = Math.min(BATCH, o.draws - first);
    sim.fill(0);
    for (let r = 0; r < b; r++) {
      for (let i = 0; i < M; i++) {
        const j = i + Math.floor(rng.next() * (t.records - i));
        const u = unitOf[j]!;
        unitOf[j] = unitOf[i]!;
        unitOf[i] = u;
        const at = u * KB + bucket[i]! * BATCH + r;
        sim[at] = sim[at]! + 1;
      }
      // cumulative over k: the last k + 1 weeks
      for (let u = 0; u < w.n; u++)
        for (let k = 1; k < K; k++) {
          const at = u * KB + k * BATCH + r;
          sim[at] = sim[at]! + sim[at - BATCH]!;
        }
    }
    best.fill(0);
    for (let c = 0; c < w.n; c++) {
      sums.fill(0);
      for (let p = w.offsets[c]!; p < w.offsets[c + 1]!; p++) {
        const base = w.members[p]! * KB;
        for (let k = 0; k < K; k++) {
          const hi = up[p * K + k]!;
          const kb = k * BATCH;
          for (let r = 0; r < b; r++) {
            const s = sums[kb + r]! + sim[base + kb + r]!;
            sums[kb + r] = s;
            if (s >= hi) {
              const i = p * K + k;
              const v = g[s]! - f[i]! - s * d[i]!;
              if (v > best[r]!) best[r] = v;
            }
          }
        }
      }
    }
    out.set(best.subarray(0, b), first);
  }
  return out;
}
