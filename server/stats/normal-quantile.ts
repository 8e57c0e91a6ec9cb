// The standard normal quantile, so an exact p-value can be shown as the z-score a normal test would need for it.

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Appl. Stat. 37 (1988) 477–484,
// PPND16 (relative error about 1e-16). Coefficients are the doubles Wichura's 20-digit literals round to, written
// shortest; a term's coefficients run from the constant up.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
] as const;
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
] as const;
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
] as const;
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
] as const;
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
] as const;
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

/** c[0] + c[1]·x + … + c[7]·x⁷ by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let v = c[7]!;
  for (let k = 6; k >= 0; k--) v = v * x + c[k]!;
  return v;
}

/**
 * Φ⁻¹(p): the z with P(Z ≤ z) = p, for 0 ≤ p ≤ 1 (−Infinity at 0, +Infinity at 1).
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 * normalQuantile(1e-300); // −37.0471…
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  // The tail is worked from the smaller of p and 1 − p, so a tiny p keeps its precision.
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-Math.log(tail));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    v = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -v : v;
}

/**
 * Largest |z| a z-equivalent takes: the quantile of the smallest positive double (≈ 38.5), so a p that underflowed to 0
 * still shows as a finite, very large z (JSON has no Infinity).
 */
export const Z_CAP = 38;

/**
 * The z-equivalent of a two-sided p-value: the |z| whose two-sided normal p is p, signed by the direction of the
 * departure (+1 more than expected, −1 fewer), capped at ±Z_CAP.
 * @example
 * zEquivalent(0.05, 1); // 1.959963984540054
 * zEquivalent(1, -1); // 0
 */
export function zEquivalent(p: number, sign: number): number {
  if (!(p < 1) || sign === 0) return 0;
  const z = Math.min(Z_CAP, -normalQuantile(p / 2));
  return sign > 0 ? z : -z;
}
