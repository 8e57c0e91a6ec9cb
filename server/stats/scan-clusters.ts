// Picking the scan's clusters out of every window's LLR (no geographical overlap), and ranking them among the draws.
import type { ScanWindows } from './scan-windows.ts';

/**
 * Window positions of the clusters: repeatedly the largest LLR among windows sharing no unit with those taken.
 * @example clusterPositions(w, windowLlrs(counts, w, t, 'high'), 10) // [position of the most likely, …]
 */
export function clusterPositions(w: ScanWindows, llr: Float64Array, max: number): number[] {
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

/** The centre whose list holds position `at` (binary search over offsets). @example centreOf(w, w.offsets[3]!) // 3 */
export function centreOf(w: ScanWindows, at: number): number {
  let lo = 0,
    hi = w.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (w.offsets[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sum of `counts` over a window: its centre's list up to position `at`. @example cumulative(counts, w, 0, w.offsets[0]!) // counts of unit 0 */
export function cumulative(counts: Int32Array, w: ScanWindows, centre: number, at: number): number {
  let s = 0;
  for (let k = w.offsets[centre]!; k <= at; k++) s += counts[w.members[k]!]!;
  return s;
}

/**
 * How many of the ascending `sorted` are ≥ v (a relative 1e-9 absorbs rounding between equal windows).
 * @example atLeast(new Float64Array([1, 2, 3]), 2) // 2
 */
export function atLeast(sorted: Float64Array, v: number): number {
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
