// Standard normal tails to full double precision, so p-values of z-scores (Gi*, Mann–Kendall) are exact far into the tail.

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638, as coded in
// his SPECFUN routine CALERF (ACM TOMS 715). Three intervals of |x|: ≤ 0.46875, ≤ 4, > 4. Cody prints 18 digits; these
// are the doubles those literals round to, written shortest (so lint sees no lost precision and the values are unchanged).
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315] as const;
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171] as const;
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
] as const;
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
] as const;
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.587491615298378e-4,
  0.016315387137302097,
] as const;
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 2.3352049762686918e-3,
] as const;

const THRESH = 0.46875;
const X_SMALL = 1.11e-16; // below this x² underflows the first interval's polynomial to its constant term
const X_BIG = 26.543; // erfc(x) underflows to 0 beyond this
const SQRPI = 0.5641895835477563; // 1 / √π
const SQRT1_2 = Math.SQRT1_2;

/** erfc(y) for y > THRESH: the rational factor times exp(−y²), with y² split so exp keeps its precision (Cody). */
function erfcTail(y: number): number {
  let r: number;
  if (y <= 4) {
    let num = C[8] * y,
      den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    r = (num + C[7]) / (den + D[7]);
  } else {
    if (y >= X_BIG) return 0;
    const ysq = 1 / (y * y);
    let num = P[5] * ysq,
      den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * ysq;
      den = (den + Q[i]!) * ysq;
    }
    r = (SQRPI - (ysq * (num + P[4])) / (den + Q[4])) / y;
  }
  const y16 = Math.trunc(y * 16) / 16; // exact in binary, so y16² is exact and only the small remainder is rounded
  const del = (y - y16) * (y + y16);
  return Math.exp(-y16 * y16) * Math.exp(-del) * r;
}

/**
 * Complementary error function erfc(x) = 1 − erf(x), relative error ≈ 1e-15 over the whole line (Cody's CALERF).
 * @example
 * erfc(0); // 1
 * erfc(3); // 2.209049699858544e-5
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) {
    const ysq = y > X_SMALL ? y * y : 0;
    let num = A[4] * ysq,
      den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * ysq;
      den = (den + B[i]!) * ysq;
    }
    return 1 - (x * (num + A[3])) / (den + B[3]);
  }
  const tail = erfcTail(y);
  return x < 0 ? 2 - tail : tail;
}

/**
 * Standard normal CDF Φ(z) = P(Z ≤ z), accurate relative to its own size in both tails.
 * @example
 * normalCdf(1.96); // 0.9750021048517795
 * normalCdf(-6); // 9.865876450376946e-10
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT1_2);
}

/**
 * Two-sided p-value of a z-score: P(|Z| ≥ |z|) = erfc(|z| / √2); 1 at z = 0.
 * @example
 * twoSidedP(1.959963984540054); // 0.05 (to 1e-15)
 * twoSidedP(6); // 1.973175290075e-9
 */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) * SQRT1_2);
}
