// The Poisson log-likelihood ratio of Kulldorff's scan, and the parts of it that stay fixed across Monte Carlo draws.
import type { SCAN_RATES } from '../contract/scan.ts';
import type { ScanWindows } from './scan-windows.ts';

/** Which clusters are looked for: more records than residents predict, fewer, or either. */
export type ScanRate = (typeof SCAN_RATES)[number];

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
 * Per window position, the terms of its LLR that do not depend on the counts, so any dataset's LLR is a table read
 * and a multiply: LLR = G[c] − F − c·D with G[c] = c ln c + (N − c) ln(N − c), F = N ln(N − E), D = ln E − ln(N − E).
 * `e` is NaN where the position closes no circle (or the circle has no residents), so every comparison with it fails.
 */
export interface LlrTerms {
  records: number;
  g: Float64Array;
  e: Float64Array;
  f: Float64Array;
  d: Float64Array;
}

/**
 * The fixed terms for N records among `residents` (E = N × residents inside / residents).
 * @example const t = llrTerms(w, 258, 3.04e6); t.g[c] - t.f[k] - c * t.d[k] // = scanLlr(c, t.e[k], 258)
 */
export function llrTerms(w: ScanWindows, records: number, residents: number): LlrTerms {
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
  return { records, g, e, f, d };
}

/**
 * Every window's LLR for some counts (NaN where it is no circle or not of the direction asked).
 * @example windowLlrs(counts, w, llrTerms(w, 258, 3.04e6), 'high')[k] // LLR of the window ending at position k
 */
export function windowLlrs(counts: Int32Array, w: ScanWindows, t: LlrTerms, rate: ScanRate): Float64Array {
  const llr = new Float64Array(w.members.length).fill(NaN);
  const high = rate !== 'low',
    low = rate !== 'high';
  for (let c = 0; c < w.n; c++) {
    let sum = 0;
    for (let k = w.offsets[c]!; k < w.offsets[c + 1]!; k++) {
      sum += counts[w.members[k]!]!;
      const ek = t.e[k]!;
      if ((high && sum > ek) || (low && sum < ek)) llr[k] = t.g[sum]! - t.f[k]! - sum * t.d[k]!;
    }
  }
  return llr;
}

/**
 * Per window position, the counts whose LLR reaches `floor`: at least `up` (high-rate side) or at most `down`
 * (low-rate side). The LLR grows with |c − E| on either side of E, so each bound is found by bisection, and a
 * dataset's window needs its LLR computed only where its count crosses one.
 * @example const { up } = llrThresholds(t, 'high', 3.5); // count ≥ up[k] ⇔ LLR ≥ 3.5 (above E)
 */
export function llrThresholds(t: LlrTerms, rate: ScanRate, floor: number): { up: Int32Array; down: Int32Array } {
  const m = t.e.length;
  const up = new Int32Array(m).fill(t.records + 1),
    down = new Int32Array(m).fill(-1);
  const bound = floor - 1e-9 * Math.max(1, floor);
  const llr = (c: number, k: number): number => t.g[c]! - t.f[k]! - c * t.d[k]!;
  for (let k = 0; k < m; k++) {
    const ek = t.e[k]!;
    if (Number.isNaN(ek)) continue;
    if (rate !== 'low') {
      let lo = Math.floor(ek) + 1,
        hi = t.records + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (llr(mid, k) >= bound) hi = mid;
        else lo = mid + 1;
      }
      up[k] = lo;
    }
    if (rate !== 'high') {
      let lo = -1,
        hi = Math.ceil(ek) - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (llr(mid, k) >= bound) lo = mid;
        else hi = mid - 1;
      }
      down[k] = lo;
    }
  }
  return { up, down };
}
