// Emerging hot spot categories of ArcGIS Pro's Emerging Hot Spot Analysis, from a unit's Gi* series and its trend.
import type { MannKendall } from './mann-kendall.ts';

/**
 * The 17 categories, in ArcGIS's order; a unit's category code is its index here. Definitions (ArcGIS Pro, "How Emerging
 * Hot Spot Analysis works"), hot side; the cold side mirrors them with cold bins and the trend reversed:
 * - new: hot in the final bin, never significant (hot or cold) before.
 * - consecutive: one unbroken run of ≥ 2 hot bins at the end, never significant before it, < 90 % of bins hot.
 * - intensifying: ≥ 90 % of bins hot, the final one included, and a significant upward trend in z.
 * - persistent: ≥ 90 % of bins hot, the final one included, and no significant trend.
 * - diminishing: ≥ 90 % of bins hot, the final one included, and a significant downward trend in z.
 * - sporadic: hot in the final bin, hot on and off before it, < 90 % of bins hot, never cold.
 * - oscillating: hot in the final bin, cold in some earlier bin, < 90 % of bins hot.
 * - historical: the final bin not significant, but ≥ 90 % of bins hot.
 * @example
 * EMERGING_CLASSES[3].label; // 'Intensifying hot spot'
 */
export const EMERGING_CLASSES = [
  { id: 'none', label: 'No pattern detected' },
  { id: 'new-hot', label: 'New hot spot' },
  { id: 'consecutive-hot', label: 'Consecutive hot spot' },
  { id: 'intensifying-hot', label: 'Intensifying hot spot' },
  { id: 'persistent-hot', label: 'Persistent hot spot' },
  { id: 'diminishing-hot', label: 'Diminishing hot spot' },
  { id: 'sporadic-hot', label: 'Sporadic hot spot' },
  { id: 'oscillating-hot', label: 'Oscillating hot spot' },
  { id: 'historical-hot', label: 'Historical hot spot' },
  { id: 'new-cold', label: 'New cold spot' },
  { id: 'consecutive-cold', label: 'Consecutive cold spot' },
  { id: 'intensifying-cold', label: 'Intensifying cold spot' },
  { id: 'persistent-cold', label: 'Persistent cold spot' },
  { id: 'diminishing-cold', label: 'Diminishing cold spot' },
  { id: 'sporadic-cold', label: 'Sporadic cold spot' },
  { id: 'oscillating-cold', label: 'Oscillating cold spot' },
  { id: 'historical-cold', label: 'Historical cold spot' },
] as const;

export type EmergingClassId = (typeof EMERGING_CLASSES)[number]['id'];

/** Offset of a hot category's cold mirror (new-hot 1 → new-cold 9). */
const COLD = 8;
const NEW = 1,
  CONSECUTIVE = 2,
  INTENSIFYING = 3,
  PERSISTENT = 4,
  DIMINISHING = 5,
  SPORADIC = 6,
  OSCILLATING = 7,
  HISTORICAL = 8;

/**
 * The category code of an id (its index in EMERGING_CLASSES).
 * @example
 * emergingCode('new-hot'); // 1
 */
export function emergingCode(id: EmergingClassId): number {
  return EMERGING_CLASSES.findIndex((c) => c.id === id);
}

/** The default level of a bin: ArcGIS's 90 %. */
export const EMERGING_ALPHA = 0.1;

export interface EmergingOptions {
  /** A bin is a significant hot (cold) spot when p < alpha and z > 0 (z < 0). Default EMERGING_ALPHA. */
  alpha?: number;
  /** The Mann–Kendall trend of the z-series is significant when its p < trendAlpha. Default: alpha. */
  trendAlpha?: number;
}

/** At least 90 % of n bins, in integers so 9 of 10 counts and 26 of 29 does not. */
const mostly = (count: number, n: number): boolean => count * 10 >= n * 9;

/**
 * The emerging hot spot category code of one unit, from its Gi* z and p over bins [start, start + n) of z and p
 * (time-ordered) and the Mann–Kendall test of that z-series. Allocates nothing.
 * @example
 * classifyEmergingAt(zAll, pAll, unit * nBins, nBins, mannKendallAt(zAll, unit * nBins, nBins)); // 0…16
 */
export function classifyEmergingAt(
  z: Float64Array,
  p: Float64Array,
  start: number,
  n: number,
  trend: Pick<MannKendall, 'z' | 'p'>,
  opts: EmergingOptions = {},
): number {
  if (n === 0) return 0;
  const alpha = opts.alpha ?? EMERGING_ALPHA;
  const trendAlpha = opts.trendAlpha ?? alpha;
  let hot = 0,
    cold = 0;
  for (let t = start; t < start + n; t++) {
    if (p[t]! < alpha) {
      if (z[t]! > 0) hot++;
      else if (z[t]! < 0) cold++;
    }
  }
  const last = start + n - 1;
  const finalSign = p[last]! < alpha ? Math.sign(z[last]!) : 0;
  if (finalSign === 0) {
    if (mostly(hot, n)) return HISTORICAL;
    if (mostly(cold, n)) return HISTORICAL + COLD;
    return 0;
  }
  // From here the final bin is significant, of sign finalSign: "same" are bins of that sign, "other" the opposite.
  const base = finalSign > 0 ? 0 : COLD;
  const same = finalSign > 0 ? hot : cold,
    other = finalSign > 0 ? cold : hot;
  if (mostly(same, n)) {
    if (trend.p < trendAlpha && trend.z !== 0)
      return base + (Math.sign(trend.z) === finalSign ? INTENSIFYING : DIMINISHING);
    return base + PERSISTENT;
  }
  if (other > 0) return base + OSCILLATING;
  if (same === 1) return base + NEW;
  // The final run: bins of the final sign back from the end. Consecutive when it holds every such bin and is ≥ 2 long.
  let run = 0;
  for (let t = last; t >= start && p[t]! < alpha && Math.sign(z[t]!) === finalSign; t--) run++;
  if (run >= 2 && run === same) return base + CONSECUTIVE;
  return base + SPORADIC;
}

/**
 * The emerging hot spot category of one unit's time-ordered Gi* z and p series and the Mann–Kendall result of z.
 * @example
 * // hot (p < 0.1) in the final two of ten bins only
 * const z = new Float64Array([0, 0, 0, 0, 0, 0, 0, 0, 2, 2.5]);
 * const p = z.map(twoSidedP);
 * EMERGING_CLASSES[classifyEmerging(z, p, mannKendall(z))].id; // 'consecutive-hot'
 */
export function classifyEmerging(
  z: Float64Array,
  p: Float64Array,
  trend: Pick<MannKendall, 'z' | 'p'>,
  opts: EmergingOptions = {},
): number {
  if (z.length !== p.length) throw new RangeError(`z and p differ in length: ${z.length} vs ${p.length}`);
  return classifyEmergingAt(z, p, 0, z.length, trend, opts);
}
