// Seeded maps under constant risk (no hot spot anywhere): the old rule, Gi* on rates with the analytic normal p, lights
// up far more maps than its nominal 10 %; the exact neighbourhood test stays within it. Also the multinomial draw.
import { describe, expect, it } from 'vitest';
import { cumulative, Rng } from '../../../data/generate/random.ts';
import {
  exactNeighbourhood,
  multinomialInto,
  oldGiStarOnRates,
  shareOfMaps,
} from '../../../server/stats/null-simulation.ts';
import { fromPairs } from '../../fixtures/stats/grids.ts';

/** A side × side grid of units with queen contiguity (unit = row · side + col), self included. */
function queenGrid(side: number): ReturnType<typeof fromPairs> {
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      if (c + 1 < side) pairs.push([i, i + 1]);
      if (r + 1 < side) pairs.push([i, i + side]);
      if (r + 1 < side && c + 1 < side) pairs.push([i, i + side + 1]);
      if (r + 1 < side && c > 0) pairs.push([i, i + side - 1]);
    }
  }
  return fromPairs(side * side, pairs);
}

// 225 units: with fewer, Gi*'s outlier problem hides (a huge rate inflates S, and z of its neighbours grows like √n).
const W = queenGrid(15);
/** Residents as uneven as the city's: most mahallas 2–12 k, a few of a few hundred (seeded). */
const RESIDENTS = (() => {
  const rng = new Rng(11);
  return Float64Array.from({ length: W.n }, (_, i) => (i % 7 === 3 ? rng.int(150, 900) : rng.int(2000, 12_000)));
})();
const RUNS = 400;
const NOMINAL = 0.1;
/** Two standard errors of a share near the nominal rate over RUNS maps. */
const SLACK = 2 * Math.sqrt((NOMINAL * (1 - NOMINAL)) / RUNS);

const falseAlarms = (rule: ReturnType<typeof exactNeighbourhood>, records: number, seed: number): number =>
  shareOfMaps({ runs: RUNS, rng: new Rng(seed), risk: RESIDENTS, records, rule });

describe('maps simulated under constant risk', () => {
  for (const records of [60, 250]) {
    it(`the old analytic Gi* on rates lights up well over 10 % of maps (${records} records)`, () => {
      expect(falseAlarms(oldGiStarOnRates(RESIDENTS, W), records, 5)).toBeGreaterThan(NOMINAL + 3 * SLACK);
    });

    it(`the exact neighbourhood test lights up at most 10 % of maps, within simulation error (${records} records)`, () => {
      expect(falseAlarms(exactNeighbourhood(RESIDENTS, W), records, 5)).toBeLessThanOrEqual(NOMINAL + SLACK);
    });
  }
});

describe('multinomialInto', () => {
  it('places exactly N records, in proportion to the weights', () => {
    const out = new Float64Array(3);
    const total = new Float64Array(3);
    const rng = new Rng(3);
    for (let r = 0; r < 200; r++) {
      multinomialInto(rng, cumulative([1, 2, 7]), 50, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(50);
      for (let i = 0; i < 3; i++) total[i]! += out[i]!;
    }
    // 10,000 records: shares 0.1, 0.2, 0.7 within ±0.015 (≈ 5 standard errors)
    const share = [0.1, 0.2, 0.7];
    expect(Array.from(total, (t, i) => Math.abs(t / 10_000 - share[i]!) < 0.015)).toEqual([true, true, true]);
  });
});
