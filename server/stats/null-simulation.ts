// Simulated maps for calibration: records drawn under a stated risk (constant risk given residents, or a planted
// cluster), a hot-spot rule applied to each, and the share of maps where the rule lit something up.
import { giStar } from './gistar.ts';
import { neighbourhoodExcess, neighbourhoodShares } from './neighbourhood-excess.ts';
import type { Weights } from './weights.ts';
import type { Rng } from '../shared/random.ts';
import { multinomialInto, multinomialPrep } from './scan-null.ts';

/** A hot-spot rule as the maps apply it: records per unit in, bins −3…+3 out. */
export type MapRule = (counts: Float64Array) => Int8Array;

/**
 * The rule the maps used before issue 11: Getis–Ord Gi* on rates per 1,000 residents with the analytic normal p, FDR on.
 * @example oldGiStarOnRates(residents, w)(counts); // bins
 */
export function oldGiStarOnRates(residents: Float64Array, w: Weights): MapRule {
  const rate = new Float64Array(w.n);
  return (counts) => {
    for (let i = 0; i < w.n; i++) rate[i] = (counts[i]! * 1000) / Math.max(1, residents[i]!);
    return giStar(rate, w, { fdr: true }).bin;
  };
}

/**
 * Today's rule: the exact neighbourhood test of counts against constant risk given residents, FDR on, with guardrails.
 * @example exactNeighbourhood(residents, w)(counts); // bins
 */
export function exactNeighbourhood(residents: Float64Array, w: Weights): MapRule {
  const share = neighbourhoodShares(residents, w);
  return (counts) => neighbourhoodExcess(counts, share, w, { fdr: true }).bin;
}

/**
 * Share of `runs` simulated maps (N records drawn ∝ `risk`, e.g. residents × relative risk) on which `hit` holds for
 * the rule's bins (by default: any unit significant, hot or cold).
 * @example
 * shareOfMaps({ runs: 1000, rng: new Rng(7), risk: residents, records: 258, rule: exactNeighbourhood(residents, w) }); // ≈ 0.03
 */
export function shareOfMaps(opts: {
  runs: number;
  rng: Rng;
  risk: ArrayLike<number>;
  records: number;
  rule: MapRule;
  hit?: (bin: Int8Array) => boolean;
}): number {
  const { runs, rng, risk, records, rule } = opts;
  const hit = opts.hit ?? ((bin: Int8Array) => bin.some((b) => b !== 0));
  // One sampler for every simulation (the scan's conditional binomials): exact, and no cost per record.
  const prep = multinomialPrep(records, Float64Array.from(risk));
  const drawn = new Int32Array(risk.length);
  const counts = new Float64Array(risk.length);
  let hits = 0;
  for (let r = 0; r < runs; r++) {
    multinomialInto(drawn, prep, rng);
    counts.set(drawn);
    if (hit(rule(counts))) hits++;
  }
  return hits / runs;
}
