// Kulldorff's Poisson scan: LLRs and clusters worked by hand on a line of five units, the Monte Carlo p-value against
// the null distribution enumerated exactly, calibration over seeded null datasets, and a planted cluster found.
import { describe, expect, it } from 'vitest';
import { clusterMembers, scanLlr, spatialScan } from '../../../server/stats/scan.ts';
import { circularWindows } from '../../../server/stats/scan-windows.ts';
import { multinomialInto, multinomialPrep } from '../../../server/stats/scan-null.ts';
import { Rng } from '../../../server/shared/random.ts';
import { expectClose } from './helpers.ts';

// Five units 1 km apart on a line, one resident each; circles of at most 2.5 residents:
// {0}, {0,1}, {1}, {2}, {3}, {4}, {3,4} (unit 2's neighbours 1 and 3 tie, and with them it holds 3).
const LINE = circularWindows(new Float64Array([0, 1, 2, 3, 4]), new Float64Array(5), new Float64Array(5).fill(1), 0.5)!;
const ONES = new Float64Array(5).fill(1);
const WINDOWS = [[0], [0, 1], [1], [2], [3], [4], [3, 4]];

describe('scanLlr', () => {
  it('is c ln(c/e) + (N − c) ln((N − c)/(N − e)) in the direction asked, else 0', () => {
    expectClose(scanLlr(6, 2, 10), 6 * Math.log(3) + 4 * Math.log(4 / 8));
    expectClose(scanLlr(7, 4, 10), 7 * Math.log(7 / 4) + 3 * Math.log(3 / 6));
    expect(scanLlr(1, 2, 10)).toBe(0);
    expect(scanLlr(2, 2, 10)).toBe(0);
    expectClose(scanLlr(0, 4, 10, 'low'), 10 * Math.log(10 / 6));
    expect(scanLlr(6, 2, 10, 'low')).toBe(0);
    expectClose(scanLlr(6, 2, 10, 'both'), scanLlr(6, 2, 10));
    expectClose(scanLlr(0, 4, 10, 'both'), scanLlr(0, 4, 10, 'low'));
  });
});

describe('spatialScan on the line, records 4, 3, 0, 0, 3 (N = 10, E = 2 a unit)', () => {
  const r = spatialScan(new Int32Array([4, 3, 0, 0, 3]), ONES, LINE, { draws: 999, seed: 1 });

  it('the most likely cluster is {0, 1}: 7 observed, 4 expected, LLR 7 ln(7/4) + 3 ln(1/2), RR (7/4)/(3/6) = 3.5', () => {
    // Other windows: {0} 4 ln 2 + 6 ln(6/8) = 1.0465; {1} and {4} 3 ln 1.5 + 7 ln(7/8) = 0.2817; the rest ≤ expected.
    const [top] = r.clusters;
    expect(Array.from(clusterMembers(LINE, top!))).toEqual([0, 1]);
    expectClose(top!.llr, 7 * Math.log(7 / 4) + 3 * Math.log(0.5));
    expect(top).toMatchObject({ observed: 7, expected: 4, radius: 1 });
    expectClose(top!.relativeRisk, 3.5);
  });

  it('the one secondary cluster sharing no unit with it is {4} (LLR 0.2817, RR (3/2)/(7/8))', () => {
    expect(r.clusters).toHaveLength(2);
    const second = r.clusters[1]!;
    expect(Array.from(clusterMembers(LINE, second))).toEqual([4]);
    expectClose(second.llr, 3 * Math.log(1.5) + 7 * Math.log(7 / 8));
    expectClose(second.relativeRisk, 1.5 / (7 / 8));
    // its p-value ranks it among the largest LLRs of the null datasets, so it is larger than the primary's
    expect(second.p).toBeGreaterThan(r.clusters[0]!.p);
  });

  it('stamps draws, seed and direction, and keeps the null maxima sorted', () => {
    expect(r).toMatchObject({ records: 10, residents: 5, draws: 999, seed: 1, rate: 'high' });
    expect(r.nullMax).toHaveLength(999);
    expect(r.nullMax.every((v, k) => k === 0 || v >= r.nullMax[k - 1]!)).toBe(true);
  });

  it('low-rate clusters: {2} and {3} hold none of the 2 expected each; {0}… are not low', () => {
    const low = spatialScan(new Int32Array([4, 3, 0, 0, 3]), ONES, LINE, { draws: 99, rate: 'low' });
    // {2}: 0 of 2 → 10 ln(10/8) = 2.2314, the same for {3}: the first found (centre 2) wins, then {3}.
    expect(low.clusters.map((c) => Array.from(clusterMembers(LINE, c)))).toEqual([[2], [3]]);
    expectClose(low.clusters[0]!.llr, 10 * Math.log(10 / 8));
    expect(low.clusters[0]!.relativeRisk).toBe(0);
    const both = spatialScan(new Int32Array([4, 3, 0, 0, 3]), ONES, LINE, { draws: 99, rate: 'both' });
    // both directions, by LLR: {2} and {3} (2.23 each), {0, 1} (1.84), {4} (0.28)
    expect(both.clusters.map((c) => Array.from(clusterMembers(LINE, c)))).toEqual([[2], [3], [0, 1], [4]]);
  });

  it('the same seed gives the same p-values, another seed other null maxima', () => {
    const again = spatialScan(new Int32Array([4, 3, 0, 0, 3]), ONES, LINE, { draws: 999, seed: 1 });
    expect(again.clusters).toEqual(r.clusters);
    const other = spatialScan(new Int32Array([4, 3, 0, 0, 3]), ONES, LINE, { draws: 999, seed: 2 });
    expect(Array.from(other.nullMax)).not.toEqual(Array.from(r.nullMax));
  });

  it('finds nothing without records', () => {
    expect(spatialScan(new Int32Array(5), ONES, LINE).clusters).toEqual([]);
  });
});

describe('the Monte Carlo p-value against the exact null', () => {
  it('4 records on the line: p of the observed 3, 1, 0, 0, 0 matches the enumerated 5⁴ equally likely datasets', () => {
    // Under the null each record lands on each unit with probability 1/5: enumerate all 625 sequences.
    const maxLlr = (c: number[]): number =>
      Math.max(
        ...WINDOWS.map((win) =>
          scanLlr(
            win.reduce((s, u) => s + c[u]!, 0),
            (4 * win.length) / 5,
            4,
          ),
        ),
      );
    const observed = maxLlr([3, 1, 0, 0, 0]);
    let hits = 0;
    for (let s = 0; s < 625; s++) {
      const c = [0, 0, 0, 0, 0];
      for (let r = 0, v = s; r < 4; r++, v = Math.floor(v / 5)) c[v % 5]!++;
      if (maxLlr(c) >= observed - 1e-12) hits++;
    }
    const exact = hits / 625;
    const draws = 9999;
    const r = spatialScan(new Int32Array([3, 1, 0, 0, 0]), ONES, LINE, { draws, seed: 7 });
    expectClose(r.clusters[0]!.llr, observed);
    // Monte Carlo error of a proportion near `exact` over 9,999 draws: 4 standard errors
    expect(Math.abs(r.clusters[0]!.p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / draws));
  });
});

/** A 10×10 lattice of units with unequal residents (200–3,000), 1 km apart. */
function lattice(seed: number) {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: 100 }, (_, i) => i % 10);
  const y = Float64Array.from({ length: 100 }, (_, i) => Math.floor(i / 10));
  const pop = Float64Array.from({ length: 100 }, () => rng.int(200, 3000));
  return { pop, w: circularWindows(x, y, pop, 0.5)! };
}

describe('calibration and power on a 10×10 lattice', () => {
  it('under constant risk, p ≤ 0.05 in about 5 % of 400 seeded datasets (99 draws each)', () => {
    const { pop, w } = lattice(1);
    const prep = multinomialPrep(300, pop);
    const rng = new Rng(2024);
    const counts = new Int32Array(100);
    let significant = 0;
    const runs = 400;
    for (let k = 0; k < runs; k++) {
      multinomialInto(counts, prep, rng);
      const p = spatialScan(counts, pop, w, { draws: 99, seed: k + 1, maxClusters: 1 }).clusters[0]?.p ?? 1;
      if (p <= 0.05) significant++;
    }
    // Exactly 5 % in theory (rank of 1 among 100 exchangeable maxima); 400 runs: standard error 1.1 points
    expect(significant / runs).toBeGreaterThan(0.02);
    expect(significant / runs).toBeLessThan(0.085);
  });

  it('finds a planted cluster (a unit and its 4 sides) at 3× risk as the most likely cluster, p = 0.01', () => {
    const { pop, w } = lattice(3);
    const planted = [34, 43, 44, 45, 54];
    const risk = Float64Array.from(pop, (p, i) => (planted.includes(i) ? 3 * p : p));
    const rng = new Rng(77);
    const counts = new Int32Array(100);
    let found = 0;
    for (let k = 0; k < 20; k++) {
      multinomialInto(counts, multinomialPrep(400, risk), rng);
      const top = spatialScan(counts, pop, w, { draws: 99, seed: k + 1, maxClusters: 1 }).clusters[0]!;
      const members = Array.from(clusterMembers(w, top));
      const hit = planted.filter((u) => members.includes(u)).length;
      // 0.01 = 1 / (99 + 1), the smallest p-value 99 draws can give
      if (top.p <= 0.01 && hit >= 4 && members.length <= 9) found++;
    }
    expect(found).toBeGreaterThanOrEqual(17);
  });
});
