// Getis–Ord Gi* hot spots with the analytic z-score used by ArcGIS Hot Spot Analysis and PySAL esda G_Local(star=True).
import { bhAdjusted } from './fdr.ts';
import { twoSidedP } from '../shared/normal.ts';
import type { Weights } from './weights.ts';

/**
 * Two-sided alphas of the bins ±1, ±2, ±3 (90, 95, 99 % confidence).
 * @example
 * GI_BIN_ALPHAS[2]; // 0.01: |bin| = 3 needs p < 0.01
 */
export const GI_BIN_ALPHAS = [0.1, 0.05, 0.01] as const;

/** The parts of Gi*'s denominator that depend on the weights only, shared by every cross-section with those weights. */
export interface GiStarPrep {
  /** Σ_j w_ij over unit i's neighbourhood (itself included when the weights hold a self entry). */
  sumW: Float64Array;
  /** sqrt((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)); 0 when the neighbourhood cannot vary (it is empty or the whole area). */
  spread: Float64Array;
}

export interface GiStarOptions {
  /** Keep a unit's bin level only where it also passes Benjamini–Hochberg at that level's alpha (ArcGIS "FDR correction"). */
  fdr?: boolean;
}

export interface GiStarResult {
  z: Float64Array;
  /** Two-sided p-value of z (raw, before any FDR correction). */
  p: Float64Array;
  /** +3/+2/+1 hot and −3/−2/−1 cold at 99/95/90 % confidence, 0 not significant. */
  bin: Int8Array;
  /** Units significant at 90 % on their raw p that FDR correction made not significant (0 without fdr). */
  lostToFdr: number;
}

/**
 * Precompute Σw and the spread term of Gi*'s denominator for every unit of a weights matrix.
 * @example
 * const w = weightsFromPairs(3, new Int32Array([0, 1]), new Int32Array([1, 2])); // chain, self weight 1
 * giStarPrep(w); // sumW [2, 3, 2], spread [1, 0, 1]: unit 1's neighbourhood is the whole area, so it cannot vary
 */
export function giStarPrep(w: Weights): GiStarPrep {
  const { n, offsets, weights } = w;
  const sumW = new Float64Array(n);
  const spread = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s1 = 0,
      s2 = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const wk = weights[k]!;
      s1 += wk;
      s2 += wk * wk;
    }
    sumW[i] = s1;
    const v = n > 1 ? (n * s2 - s1 * s1) / (n - 1) : 0;
    spread[i] = v > 0 ? Math.sqrt(v) : 0;
  }
  return { sumW, spread };
}

/**
 * Gi* z-scores and two-sided p-values of one cross-section x, written into z and p (length n each):
 * z_i = Σ_j w_ij (x_j − X̄) / (S · spread_i), with X̄ and S = sqrt(Σx²/n − X̄²) over all n units. Where S = 0 (all values
 * equal) or spread_i = 0, z_i = 0 and p_i = 1. Allocates nothing, so it can run once per time slice.
 * @example
 * const z = new Float64Array(w.n), p = new Float64Array(w.n);
 * giStarInto(counts, w, giStarPrep(w), z, p);
 */
export function giStarInto(x: Float64Array, w: Weights, prep: GiStarPrep, z: Float64Array, p: Float64Array): void {
  const { n, offsets, neighbours, weights } = w;
  if (x.length !== n || z.length !== n || p.length !== n)
    throw new RangeError(`arrays must have ${n} entries, one per unit`);
  // Two passes (mean, then squared deviations) rather than Σx²/n − X̄², which cancels badly when X̄ is large against S.
  let sum = 0,
    lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  const s = lo === hi ? 0 : Math.sqrt(ss / n); // all equal: exactly 0, whatever the rounding of the mean
  for (let i = 0; i < n; i++) {
    const spread = prep.spread[i]!;
    if (s === 0 || spread === 0) {
      z[i] = 0;
      p[i] = 1;
      continue;
    }
    // Σ w (x − X̄) is Σ w x − X̄ Σ w without the cancellation, so shifting x by a constant leaves z exactly as it was.
    let num = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) num += weights[k]! * (x[neighbours[k]!]! - mean);
    const zi = num / (s * spread);
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
}

/** Bin level 0…3 of a p-value: the highest confidence whose alpha it is strictly below. */
function level(p: number): number {
  return p < GI_BIN_ALPHAS[2] ? 3 : p < GI_BIN_ALPHAS[1] ? 2 : p < GI_BIN_ALPHAS[0] ? 1 : 0;
}

/**
 * Hot/cold bins from z and p. With fdr, a unit keeps level k only if its BH-adjusted p is also below that level's alpha
 * (it passes Benjamini–Hochberg at 1 %, 5 % or 10 % over all units); lostToFdr counts the 90 % units that drop to 0.
 * @example
 * giStarBins(new Float64Array([3, -2, 0.5]), new Float64Array([0.0027, 0.0455, 0.617]), false).bin; // [3, -2, 0]
 */
export function giStarBins(z: Float64Array, p: Float64Array, fdr: boolean): { bin: Int8Array; lostToFdr: number } {
  const bin = new Int8Array(z.length);
  const q = fdr ? bhAdjusted(p) : p;
  let lostToFdr = 0;
  for (let i = 0; i < z.length; i++) {
    const raw = level(p[i]!);
    const kept = fdr ? Math.min(raw, level(q[i]!)) : raw;
    if (raw > 0 && kept === 0) lostToFdr++;
    bin[i] = z[i]! > 0 ? kept : -kept;
  }
  return { bin, lostToFdr };
}

/**
 * Getis–Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) for every unit of one cross-section, as in ArcGIS Hot Spot Analysis:
 * z_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S sqrt((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1))), j over i's neighbours including i
 * (give the weights a self entry, as weightsFromPairs does by default). p is two-sided; bins as in giStarBins.
 * @example
 * // chain 0 – 1 – 2 – 3 – 4 with x = 1..5: X̄ = 3, S = √2, z = [−√3, −√3, 0, √3, √3]
 * const w = weightsFromPairs(5, new Int32Array([0, 1, 2, 3]), new Int32Array([1, 2, 3, 4]));
 * giStar(new Float64Array([1, 2, 3, 4, 5]), w).bin; // [−1, −1, 0, 1, 1] (p = 0.0833)
 */
export function giStar(x: Float64Array, w: Weights, opts: GiStarOptions = {}): GiStarResult {
  const z = new Float64Array(w.n),
    p = new Float64Array(w.n);
  giStarInto(x, w, giStarPrep(w), z, p);
  return { z, p, ...giStarBins(z, p, opts.fdr ?? false) };
}
