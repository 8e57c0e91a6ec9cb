// Exact binomial tails for any n (millions of records included), through the regularised incomplete beta function:
// P(X ≥ k) = I_p(k, n − k + 1). No normal approximation, so small-count tests keep their size. Isomorphic (web too).

/** Lanczos coefficients (g = 7, 9 terms), kept outside lnGamma so a call allocates nothing. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: relative error below 1e-14 over the range used here). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const c = LANCZOS;
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Integers below this have their ln Γ kept once computed (8 bytes each, allocated as far as asked). */
const KEPT_BELOW = 1 << 21;
/** lnGammaKept grows the table by itself only below this; lnGammaUpTo grows it up to KEPT_BELOW. */
const GROW_FREELY_BELOW = 1 << 16;
let kept = new Float64Array(0);
/** kept holds ln Γ at every integer 1 … filledTo − 1 (lnGammaUpTo): read there without a check. */
let filledTo = 1;

/**
 * lnGamma(x), the very same double, kept for integer x: an exact test of k records out of n needs ln Γ at k, n − k + 1
 * and n + 1, and the emerging hot spots test 1.5 M neighbourhoods over a few thousand distinct counts.
 * @example lnGammaKept(5) === lnGamma(5); // true: ln 24
 */
export function lnGammaKept(x: number): number {
  if (!(x >= 1 && x < KEPT_BELOW && Math.floor(x) === x)) return lnGamma(x);
  if (x >= kept.length) {
    // A one-off large count (a whole country's change test in the browser, n ≈ 1.6 M) is computed, not kept: growing
    // the table for it allocated 16 MB and filled it with NaN on the national first screen (≈ 0.2 s in Chromium).
    if (x >= GROW_FREELY_BELOW) return lnGamma(x);
    growKept(x + 1);
  }
  let v = kept[x]!;
  if (Number.isNaN(v)) v = kept[x] = lnGamma(x);
  return v;
}

/** The table made at least `length` long (doubling, at most KEPT_BELOW), its new entries NaN (not computed yet). */
function growKept(length: number): void {
  if (length <= kept.length) return;
  const grown = new Float64Array(Math.min(KEPT_BELOW, Math.max(1024, 2 * length))).fill(NaN);
  grown.set(kept);
  kept = grown;
}

/**
 * The table of lnGammaKept with every integer 1 … upTo − 1 filled in (the same doubles), or null when upTo passes the
 * kept range: the exact tails of one time slice read ln Γ three times each at integers up to its N + 1, and an array
 * read without lnGammaKept's checks took ≈ 15 % less of their time nationally.
 * @example lnGammaUpTo(6)![5] === lnGamma(5); // true
 */
export function lnGammaUpTo(upTo: number): Float64Array | null {
  if (upTo <= filledTo) return kept;
  if (upTo > KEPT_BELOW) return null;
  growKept(upTo);
  for (let x = filledTo; x < upTo; x++) lnGammaKept(x);
  filledTo = upTo;
  return kept;
}

/** Continued fraction of I_x(a, b) by the modified Lentz method (Numerical Recipes betacf); converges for x < (a+1)/(a+b+2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b,
    qap = a + 1,
    qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Iterations grow like √max(a, b); 100,000 covers counts far beyond any national year.
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b), a, b > 0, 0 ≤ x ≤ 1.
 * @example incompleteBeta(0.5, 2, 2); // 0.5
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return betaOfLogs(x, a, b, Math.log(x), Math.log1p(-x));
}

/** I_x(a, b) for 0 < x < 1 given ln x and ln(1 − x) (as Math.log(x) and Math.log1p(-x) give them). */
function betaOfLogs(x: number, a: number, b: number, lnX: number, ln1mX: number): number {
  const lnFront = lnGammaKept(a + b) - lnGammaKept(a) - lnGammaKept(b) + a * lnX + b * ln1mX;
  // The fraction converges fast on the side below the mean; the other side by symmetry, I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaFraction(b, a, 1 - x)) / b;
}

/**
 * A success probability with the logarithms its tails need, computed once for many tests at the same p (a
 * neighbourhood's share, tested in every time bin): `lnP`, `ln1mP` for the upper tail, `q` = 1 − p with `lnQ`, `ln1mQ`
 * for the lower one.
 */
export interface BinomialP {
  p: number;
  lnP: number;
  ln1mP: number;
  q: number;
  lnQ: number;
  ln1mQ: number;
}

/**
 * The logarithms of p and of 1 − p, as the tails would compute them on each call.
 * @example binomialUpperAt(3, 3, binomialP(0.5)); // 0.125
 */
export function binomialP(p: number): BinomialP {
  const q = 1 - p;
  return { p, lnP: Math.log(p), ln1mP: Math.log1p(-p), q, lnQ: Math.log(q), ln1mQ: Math.log1p(-q) };
}

/** The series stops once what it leaves out is below this share of its sum (2⁻⁵³: under half an ulp). */
const SERIES_EPS = 2 ** -53;

/**
 * Above this variance n·p·(1 − p) a tail is left to the continued fraction: the series takes ≈ 9 standard deviations
 * of terms near the mean, the fraction fewer (but six divisions each) once the spread is wide.
 */
const SERIES_MAX_VARIANCE = 2500;

/**
 * The same tails as betaOfLogs gives for integer k and n, by summing the mass function's ratios from the tail's first
 * term outwards: the front factor (the one logarithm and exponential) as betaOfLogs computes it, then a sum of terms
 * falling faster than geometrically, with one division each, stopped when the rest is provably below SERIES_EPS of
 * it (the ratios only fall further, so the rest is below term·r/(1 − r)). The continued fraction took ≈ 19 iterations
 * of six divisions each per test nationally; this ≈ 3× less CPU for the same value to ≈ 1e-15 relative. `xc` is 1 − x
 * as the caller knows it exactly (the share itself for a lower tail), not recomputed from x.
 */
function binomialSeries(k: number, n: number, x: number, xc: number, lnX: number, ln1mX: number): number {
  const a = k,
    b = n - k + 1;
  const lg = lnGammaUpTo(n + 2);
  const lnB = lg ? lg[a + b]! - lg[a]! - lg[b]! : lnGammaKept(a + b) - lnGammaKept(a) - lnGammaKept(b);
  const front = Math.exp(lnB + a * lnX + b * ln1mX);
  let term = 1,
    sum = 1;
  if (x < (a + 1) / (a + b + 2)) {
    // P(X ≥ k) = Σ_{j ≥ k} pmf(j), and front / a = pmf(k)·(1 − x); pmf(j + 1) / pmf(j) = (n − j)/(j + 1)·x/(1 − x).
    const odds = x / xc;
    for (let j = k; j < n; j++) {
      const r = ((n - j) * odds) / (j + 1);
      term *= r;
      sum += term;
      if (term * r <= SERIES_EPS * sum * (1 - r)) break;
    }
    return (front * sum) / (a * xc);
  }
  // Past the mean: 1 − P(X ≤ k − 1), summed down from k − 1, with front / b = pmf(k − 1)·x and
  // pmf(j − 1) / pmf(j) = j/(n − j + 1)·(1 − x)/x.
  const odds = xc / x;
  for (let j = k - 1; j > 0; j--) {
    const r = (j * odds) / (n - j + 1);
    term *= r;
    sum += term;
    if (term * r <= SERIES_EPS * sum * (1 - r)) break;
  }
  return 1 - (front * sum) / (b * x);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p) at probability x (with xc = 1 − x) and their logarithms: binomialUpper's rule, which
 * binomialUpperAt and binomialLowerAt apply to a BinomialP's fields (a caller holding them in columns passes them in).
 * @example upperOfLogs(3, 3, 0.5, 0.5, Math.log(0.5), Math.log1p(-0.5)); // 0.125
 */
export function upperOfLogs(k: number, n: number, x: number, xc: number, lnX: number, ln1mX: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const series = n * x * xc <= SERIES_MAX_VARIANCE && Number.isInteger(k) && Number.isInteger(n);
  const v = series ? binomialSeries(k, n, x, xc, lnX, ln1mX) : betaOfLogs(x, k, n - k + 1, lnX, ln1mX);
  return Math.min(1, Math.max(0, v));
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), exact.
 * @example binomialUpper(3, 3, 0.5); // 0.125
 */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0 || k > n || p <= 0 || p >= 1) return upperOfLogs(k, n, p, 1 - p, 0, 0);
  return upperOfLogs(k, n, p, 1 - p, Math.log(p), Math.log1p(-p));
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p), exact (computed on its own side, so a tiny lower tail keeps its precision).
 * @example binomialLower(0, 3, 0.5); // 0.125
 */
export function binomialLower(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // The upper tail of n − k at 1 − p, told p itself as its complement (1 − (1 − p) is not always p).
  return binomialLowerAt(k, n, binomialP(p));
}

/**
 * binomialUpper(k, n, b.p), the same double, with the logarithms of b.
 * @example binomialUpperAt(3, 3, binomialP(0.5)); // 0.125
 */
export function binomialUpperAt(k: number, n: number, b: BinomialP): number {
  return upperOfLogs(k, n, b.p, b.q, b.lnP, b.ln1mP);
}

/**
 * binomialLower(k, n, b.p), the same double, with the logarithms of b.
 * @example binomialLowerAt(0, 3, binomialP(0.5)); // 0.125
 */
export function binomialLowerAt(k: number, n: number, b: BinomialP): number {
  return lowerOfLogs(k, n, b.p, b.q, b.lnQ, b.ln1mQ);
}

/**
 * P(X ≤ k) for X ~ Binomial(n, p) given q = 1 − p and its logarithms: binomialLowerAt's rule on a BinomialP's fields
 * (the upper tail of n − k at q), for a caller holding them in columns.
 * @example lowerOfLogs(0, 3, 0.5, 0.5, Math.log(0.5), Math.log1p(-0.5)); // 0.125
 */
export function lowerOfLogs(k: number, n: number, p: number, q: number, lnQ: number, ln1mQ: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return upperOfLogs(n - k, n, q, p, lnQ, ln1mQ);
}

/**
 * Two-sided exact p-value of k successes out of n at probability p: twice the smaller tail, capped at 1.
 * @example binomialTwoSided(3, 3, 0.5); // 0.25
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  return Math.min(1, 2 * Math.min(binomialUpper(k, n, p), binomialLower(k, n, p)));
}
