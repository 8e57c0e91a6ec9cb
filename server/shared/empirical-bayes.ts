// Global Empirical Bayes smoothing of rates (Marshall 1991): small populations borrow strength from the overall rate,
// so a mahalla of 400 residents with 3 incidents is not painted as the city's worst.

/**
 * Smoothed rates per `per` residents. With r_i = n_i/P_i, m = Σn/ΣP and the method-of-moments prior variance
 * s² = ΣP_i(r_i − m)²/ΣP − m/(ΣP/N) (floored at 0), each rate is pulled towards m by w_i = s² / (s² + m/P_i).
 * Units without residents keep the overall rate.
 * @example empiricalBayes([0, 10], [100, 1000]) // both pulled towards 10/1100, the small one much more
 */
export function empiricalBayes(counts: ArrayLike<number>, population: ArrayLike<number>, per = 1000): Float64Array {
  const n = counts.length;
  let sumN = 0;
  let sumP = 0;
  for (let i = 0; i < n; i++) {
    sumN += counts[i] ?? 0;
    sumP += population[i] ?? 0;
  }
  const out = new Float64Array(n);
  if (sumP <= 0) return out;
  const m = sumN / sumP;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const p = population[i] ?? 0;
    if (p > 0) ss += p * ((counts[i] ?? 0) / p - m) ** 2;
  }
  const s2 = Math.max(0, ss / sumP - m / (sumP / n));
  for (let i = 0; i < n; i++) {
    const p = population[i] ?? 0;
    if (p <= 0) {
      out[i] = m * per;
      continue;
    }
    const w = s2 + m / p > 0 ? s2 / (s2 + m / p) : 0;
    out[i] = (w * ((counts[i] ?? 0) / p) + (1 - w) * m) * per;
  }
  return out;
}
