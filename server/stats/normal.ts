// Standard normal tails to full double precision, so p-values of z-scores (Gi*, Mann–Kendall) are exact far into the tail.

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638, as coded in
// his SPECFUN routine CALERF (ACM TOMS 715). Three intervals of |x|: ≤ 0.46875, ≤ 4, > 4; coefficients in ascending use order.
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153] as const;
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062] as const;
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
] as const;
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
] as const;
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4,
  0.0163153871373020978,
] as const;
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185] as const;

const THRESH = 0.46875;
const X_SMALL = 1.11e-16; // below this x² underflows the first interval's polynomial to its constant term
const X_BIG = 26.543; // erfc(x) underflows to 0 beyond this
const SQRPI = 0.56418958354775628695; // 1 / √π
const SQRT1_2 = Math.SQRT1_2;

/** erfc(y) for y > THRESH: the rational factor times exp(−y²), with y² split so exp keeps its precision (Cody). */
function erfcTail(y: number): number {
  let r: number;
  if (y <= 4) {
    let num = C[8] * y, den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    r = (num + C[7]) / (den + D[7]);
  } else {
    if (y >= X_BIG) return 0;
    const ysq = 1 / (y * y);
    let num = P[5] * ysq, den = ysq;
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
    let num = A[4] * ysq, den = ysq;
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
