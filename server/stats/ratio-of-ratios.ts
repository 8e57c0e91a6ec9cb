// Before/after against a comparison area: the ratio of two count ratios with a 95 % interval, actions as the units.
//
// For actions i = 1…n, a_i and b_i are incidents in the action's mahalla in the window after and before it, c_i and d_i
// in the rest of its district over the same windows. With sums A, B, C, D the estimate is
//   RR = (A / B) / (C / D)      (< 1: the mahalla went down more, or up less, than the rest of its district)
// and log RR is linearised around the sums (delta method). Each action contributes u_i = a_i/A − b_i/B − c_i/C + d_i/D
// (they sum to 0), and var(log RR) ≈ n/(n−1) Σ u_i²: the sandwich (cluster-robust) variance with actions as clusters,
// which absorbs over-dispersion and the correlation between a mahalla and its district, unlike 1/A + 1/B + 1/C + 1/D.
// It still treats actions as independent: windows of actions close in time in one mahalla overlap and count the same
// incidents twice, so the interval is, if anything, too narrow there. Σ u_i² is kept as sums of products (`Moments`),
// so the actions are summed in one pass over day counts (`windowMoments`) and never listed.
import { windowSum, type DayCounts } from './day-counts.ts';

/** The standard normal 97.5 % quantile. */
const Z95 = 1.959963984540054;

/** Sums over actions: counts and their second moments (aa = Σ a_i², ab = Σ a_i b_i, …). */
export interface Moments {
  n: number;
  a: number;
  b: number;
  c: number;
  d: number;
  aa: number;
  bb: number;
  cc: number;
  dd: number;
  ab: number;
  ac: number;
  ad: number;
  bc: number;
  bd: number;
  cd: number;
}

export interface RatioOfRatios {
  /** (A/B) / (C/D); null when a sum is 0 */
  ratio: number | null;
  /** 95 % interval of the ratio; null with fewer than 2 actions or no ratio */
  low: number | null;
  high: number | null;
  /** A/B and C/D, for the reader: the mahalla change and the district change */
  local: number | null;
  district: number | null;
}

/** The fields of `Moments` in the order `windowMoments` sums them. */
const FIELDS = [
  'n',
  'a',
  'b',
  'c',
  'd',
  'aa',
  'bb',
  'cc',
  'dd',
  'ab',
  'ac',
  'ad',
  'bc',
  'bd',
  'cd',
] as const satisfies ReadonlyArray<keyof Moments>;

const noMoments = (): Moments => ({
  n: 0,
  a: 0,
  b: 0,
  c: 0,
  d: 0,
  aa: 0,
  bb: 0,
  cc: 0,
  dd: 0,
  ab: 0,
  ac: 0,
  ad: 0,
  bc: 0,
  bd: 0,
  cd: 0,
});

/** Adds one action's counts to `m` (in place). */
function addMoments(m: Moments, a: number, b: number, c: number, d: number): void {
  m.n++;
  m.a += a;
  m.b += b;
  m.c += c;
  m.d += d;
  m.aa += a * a;
  m.bb += b * b;
  m.cc += c * c;
  m.dd += d * d;
  m.ab += a * b;
  m.ac += a * c;
  m.ad += a * d;
  m.bc += b * c;
  m.bd += b * d;
  m.cd += c * d;
}

/** Moments of per-action counts. @example momentsOf([[3, 6, 9, 14]]).ab // 18 */
export function momentsOf(rows: ReadonlyArray<readonly [number, number, number, number]>): Moments {
  const m = noMoments();
  for (const [a, b, c, d] of rows) addMoments(m, a, b, c, d);
  return m;
}

/** Actions as parallel arrays: day (on the calendar of the day counts), mahalla and district (their units), kind. */
export interface ActionColumns {
  day: Int32Array;
  mahalla: Int32Array;
  district: Int32Array;
  kind: Int32Array;
}

/**
 * Moments per action kind (0…kinds−1) of the events in the `w` days after (a) and before (b) each action in its
 * mahalla, and in the rest of its district over the same days (c, d); the action's own day is in neither window.
 * @example windowMoments(actions, local, district, 28, 7)[2].a // events after the actions of kind 2, summed
 */
export function windowMoments(
  actions: ActionColumns,
  local: DayCounts,
  district: DayCounts,
  w: number,
  kinds: number,
): Moments[] {
  // Sums in one flat array (kind × 15, in the order of FIELDS): no object is touched per action.
  const sums = new Float64Array(kinds * FIELDS.length);
  for (let i = 0; i < actions.day.length; i++) {
    const kind = actions.kind[i] ?? -1;
    if (kind < 0 || kind >= kinds) continue;
    const day = actions.day[i] ?? 0;
    const m = actions.mahalla[i] ?? 0;
    const g = actions.district[i] ?? 0;
    const a = windowSum(local, m, day + 1, day + w);
    const b = windowSum(local, m, day - w, day - 1);
    const c = windowSum(district, g, day + 1, day + w) - a;
    const d = windowSum(district, g, day - w, day - 1) - b;
    const at = kind * FIELDS.length;
    const terms = [1, a, b, c, d, a * a, b * b, c * c, d * d, a * b, a * c, a * d, b * c, b * d, c * d];
    for (let k = 0; k < terms.length; k++) sums[at + k] = (sums[at + k] ?? 0) + (terms[k] ?? 0);
  }
  return Array.from({ length: kinds }, (_, kind) => {
    const m = noMoments();
    FIELDS.forEach((field, k) => (m[field] = sums[kind * FIELDS.length + k] ?? 0));
    return m;
  });
}

/**
 * The ratio of ratios and its 95 % interval from the moments.
 * @example ratioOfRatios(momentsOf([[3, 6, 9, 14], [4, 4, 8, 16]])).ratio // (7/10)/(17/30) ≈ 1.235
 */
export function ratioOfRatios(m: Moments): RatioOfRatios {
  const local = m.b > 0 ? m.a / m.b : null;
  const district = m.d > 0 ? m.c / m.d : null;
  if (m.a <= 0 || m.b <= 0 || m.c <= 0 || m.d <= 0) return { ratio: null, low: null, high: null, local, district };
  const ratio = m.a / m.b / (m.c / m.d);
  if (m.n < 2) return { ratio, low: null, high: null, local, district };
  const { a: A, b: B, c: C, d: D } = m;
  // Σ (a/A − b/B − c/C + d/D)², expanded into the moments.
  const sumU2 =
    m.aa / (A * A) +
    m.bb / (B * B) +
    m.cc / (C * C) +
    m.dd / (D * D) -
    (2 * m.ab) / (A * B) -
    (2 * m.ac) / (A * C) +
    (2 * m.ad) / (A * D) +
    (2 * m.bc) / (B * C) -
    (2 * m.bd) / (B * D) -
    (2 * m.cd) / (C * D);
  // Rounding can leave a hair below 0 when every action moved exactly with the totals.
  const se = Math.sqrt(Math.max(0, sumU2) * (m.n / (m.n - 1)));
  return { ratio, low: ratio * Math.exp(-Z95 * se), high: ratio * Math.exp(Z95 * se), local, district };
}
