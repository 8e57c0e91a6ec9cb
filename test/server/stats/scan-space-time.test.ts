// The space-time permutation scan: a cylinder worked by hand, the Monte Carlo p against the permutation distribution
// enumerated exactly, calibration over seeded datasets without space-time interaction, an emerging cluster found,
// and a mahalla busy all along that is no emerging cluster.
import { describe, expect, it } from 'vitest';
import { spaceTimeScan } from '../../../server/stats/scan-space-time.ts';
import { scanLlr } from '../../../server/stats/scan-llr.ts';
import { clusterMembers } from '../../../server/stats/scan.ts';
import { circularWindows } from '../../../server/stats/scan-windows.ts';
import { multinomialInto, multinomialPrep } from '../../../server/stats/scan-null.ts';
import { Rng } from '../../../server/shared/random.ts';
import { expectClose } from './helpers.ts';

// Two units far apart, one resident each: circles of at most half the residents are the units alone.
const PAIR = circularWindows(new Float64Array([0, 10]), new Float64Array(2), new Float64Array([1, 1]), 0.5)!;

describe('spaceTimeScan by hand', () => {
  // unit 0: 1, 1, 1, 9 a week; unit 1: 3, 3, 3, 3 (N = 24, the last week 12, the last two 16)
  const r = spaceTimeScan(new Int32Array([1, 1, 1, 9, 3, 3, 3, 3]), 4, PAIR, {
    draws: 999,
    seed: 1,
    maxWeeks: 2,
    maxClusters: 5,
  });

  it('finds unit 0 in the last week: 9 observed, 12 × 12 / 24 = 6 expected, LLR 9 ln 1.5 + 15 ln(15/18)', () => {
    // unit 0 in the last two weeks: 10 of 12 × 16 / 24 = 8: 10 ln 1.25 + 14 ln(14/16) = 0.3637, smaller
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]).toMatchObject({ centre: 0, size: 1, weeks: 1, observed: 9, expected: 6 });
    expectClose(r.clusters[0]!.llr, 9 * Math.log(1.5) + 15 * Math.log(15 / 18));
    expectClose(r.clusters[0]!.relativeRisk, 9 / 6 / (15 / 18));
    expect(r).toMatchObject({ records: 24, draws: 999, seed: 1, maxWeeks: 2 });
  });

  it('never looks further back than half the weeks', () => {
    const long = spaceTimeScan(new Int32Array([1, 1, 1, 9, 3, 3, 3, 3]), 4, PAIR, {
      draws: 99,
      seed: 1,
      maxWeeks: 8,
      maxClusters: 1,
    });
    expect(long.maxWeeks).toBe(2);
  });

  // 6 records: unit 0 has 3, unit 1 has 3, over 4 weeks (oldest first). Under the null every distinct arrangement of
  // the 6 week labels over the records is equally likely: 6! / (1! 1! 2! 2!) = 180 of them, enumerated.
  it.each([
    ['unit 0 holds both records of the last week (k = 1)', [0, 1, 0, 2], [1, 0, 2, 0]],
    ['unit 0 holds both records of the last two weeks (k = 2)', [1, 0, 1, 1], [1, 2, 0, 0]],
  ])('matches the permutation distribution enumerated exactly: %s', (_what, unit0, unit1) => {
    const weekTotals = unit0.map((c, t) => c + unit1[t]!);
    const labels = weekTotals.flatMap((n, t) => Array.from({ length: n }, () => t));
    const maxLlr = (c: number[][]): number => {
      const tot = c.map((row) => row.reduce((a, b) => a + b, 0));
      let best = 0;
      for (let k = 1; k <= 2; k++) {
        const inWeeks = [c[0]!, c[1]!].reduce((s, row) => s + row.slice(4 - k).reduce((a, b) => a + b, 0), 0);
        for (const u of [0, 1]) {
          const cu = c[u]!.slice(4 - k).reduce((a, b) => a + b, 0);
          best = Math.max(best, scanLlr(cu, (tot[u]! * inWeeks) / 6, 6));
        }
      }
      return best;
    };
    const obs = maxLlr([unit0, unit1]);
    // distinct permutations of the labels over records 0–2 (unit 0) and 3–5 (unit 1)
    const seen = new Set<string>();
    let hits = 0;
    const permute = (rest: number[], chosen: number[]): void => {
      if (rest.length === 0) {
        const key = chosen.join('');
        if (seen.has(key)) return;
        seen.add(key);
        const c = [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ];
        chosen.forEach((week, rec) => c[rec < 3 ? 0 : 1]![week]!++);
        if (maxLlr(c) >= obs - 1e-12) hits++;
        return;
      }
      rest.forEach((v, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...chosen, v]));
    };
    permute(labels, []);
    expect(seen.size).toBe(180);
    const exact = hits / 180;
    const draws = 9999;
    const r = spaceTimeScan(new Int32Array([...unit0, ...unit1]), 4, PAIR, {
      draws,
      seed: 3,
      maxWeeks: 2,
      maxClusters: 1,
    });
    expectClose(r.clusters[0]!.llr, obs);
    expect(Math.abs(r.clusters[0]!.p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / draws));
  });
});

const PLUS = [34, 43, 44, 45, 54];

/**
 * A 10 × 10 lattice with unequal residents (the plus at `plusPop` each when given), and weekly counts drawn from
 * `risk(unit, week)` × residents.
 */
function lattice(seed: number, plusPop?: number) {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: 100 }, (_, i) => i % 10);
  const y = Float64Array.from({ length: 100 }, (_, i) => Math.floor(i / 10));
  const pop = Float64Array.from({ length: 100 }, (_, u) => {
    const p = rng.int(200, 3000);
    return plusPop !== undefined && PLUS.includes(u) ? plusPop : p;
  });
  return { pop, w: circularWindows(x, y, pop, 0.1)! };
}
const WEEKS = 8;
function weekly(pop: Float64Array, perWeek: number, rng: Rng, risk: (u: number, t: number) => number): Int32Array {
  const counts = new Int32Array(100 * WEEKS);
  const one = new Int32Array(100);
  for (let t = 0; t < WEEKS; t++) {
    multinomialInto(
      one,
      multinomialPrep(
        perWeek,
        pop.map((p, u) => p * risk(u, t)),
      ),
      rng,
    );
    one.forEach((c, u) => (counts[u * WEEKS + t] = c));
  }
  return counts;
}

describe('spaceTimeScan by simulation', () => {
  it('without space-time interaction, p ≤ 0.05 in about 5 % of 200 seeded datasets (99 draws each)', () => {
    const { pop, w } = lattice(1);
    const rng = new Rng(5);
    let significant = 0;
    for (let k = 0; k < 200; k++) {
      // busy weeks and busy units, but no unit busier in some weeks than in others
      const counts = weekly(pop, 40 + 10 * (k % 3), rng, (u) => (u % 7 === 0 ? 2 : 1));
      const r = spaceTimeScan(counts, WEEKS, w, { draws: 99, seed: k + 1, maxWeeks: 4, maxClusters: 1 });
      if ((r.clusters[0]?.p ?? 1) <= 0.05) significant++;
    }
    expect(significant / 200).toBeGreaterThan(0.015);
    expect(significant / 200).toBeLessThan(0.1);
  });

  it('finds a plus of units at 4× risk in the last week only, as the most likely cluster of 1 week', () => {
    const { pop, w } = lattice(2, 2000);
    const rng = new Rng(9);
    let found = 0;
    for (let k = 0; k < 10; k++) {
      const counts = weekly(pop, 150, rng, (u, t) => (t === WEEKS - 1 && PLUS.includes(u) ? 4 : 1));
      const top = spaceTimeScan(counts, WEEKS, w, { draws: 99, seed: k + 1, maxWeeks: 4, maxClusters: 1 }).clusters[0]!;
      const members = Array.from(clusterMembers(w, top));
      if (top.p <= 0.01 && top.weeks === 1 && PLUS.filter((u) => members.includes(u)).length >= 3) found++;
    }
    expect(found).toBeGreaterThanOrEqual(8);
  });

  it('does not call a plus busy in every week emerging (the spatial scan would)', () => {
    const { pop, w } = lattice(3);
    const rng = new Rng(11);
    const counts = weekly(pop, 60, rng, (u) => (PLUS.includes(u) ? 4 : 1));
    const top = spaceTimeScan(counts, WEEKS, w, { draws: 99, seed: 1, maxWeeks: 4, maxClusters: 1 }).clusters[0];
    expect(top?.p ?? 1).toBeGreaterThan(0.05);
  });
});
