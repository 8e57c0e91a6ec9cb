// The exact neighbourhood test against enumerated nulls: on a few units every multinomial outcome of N records can be
// listed with its probability, so each p-value and the size of the whole map rule are checked without approximation.
import { describe, expect, it } from 'vitest';
import {
  excessBins,
  MIN_RECORDS,
  neighbourhoodExcess,
  neighbourhoodShares,
  tooFewToTest,
} from '../../../server/stats/neighbourhood-excess.ts';
import type { Weights } from '../../../server/stats/weights.ts';
import { bhAdjusted } from '../../../server/stats/fdr.ts';
import { chain, fromPairs } from '../../fixtures/stats/grids.ts';
import { expectAllClose, expectClose } from './helpers.ts';

/** Every way to put n records into m units, with its multinomial probability under shares pi. */
function outcomes(n: number, pi: readonly number[]): Array<{ x: Float64Array; prob: number }> {
  const lnFact = [0];
  for (let k = 1; k <= n; k++) lnFact.push(lnFact[k - 1]! + Math.log(k));
  const out: Array<{ x: Float64Array; prob: number }> = [];
  const x = new Float64Array(pi.length);
  const walk = (i: number, left: number): void => {
    if (i === pi.length - 1) {
      x[i] = left;
      let ln = lnFact[n]!;
      for (let j = 0; j < pi.length; j++) ln += x[j]! * Math.log(pi[j]!) - lnFact[x[j]!]!;
      out.push({ x: x.slice(), prob: Math.exp(ln) });
      return;
    }
    for (let k = 0; k <= left; k++) {
      x[i] = k;
      walk(i + 1, left - k);
    }
  };
  walk(0, n);
  return out;
}

/** Records in unit i's neighbourhood (membership by any nonzero weight). */
function neighbourhoodCount(x: Float64Array, w: Weights, i: number): number {
  let o = 0;
  for (let k = w.offsets[i]!; k < w.offsets[i + 1]!; k++) o += x[w.neighbours[k]!]!;
  return o;
}

/** The exact distribution of unit i's neighbourhood count, from the enumeration alone: pmf[o] = P(O_i = o). */
function neighbourhoodPmf(all: ReturnType<typeof outcomes>, w: Weights, i: number, n: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  for (const { x, prob } of all) pmf[neighbourhoodCount(x, w, i)]! += prob;
  return pmf;
}

/** Twice the smaller tail of a pmf at the observed count, capped at 1. */
function pOf(pmf: Float64Array, observed: number): number {
  let up = 0,
    down = 0;
  pmf.forEach((m, o) => {
    if (o >= observed) up += m;
    if (o <= observed) down += m;
  });
  return Math.min(1, 2 * Math.min(up, down));
}

// The API fixture's chain of four mahallas (1–2–3–4, self included) and its residents.
const W4 = chain(4);
const RESIDENTS = new Float64Array([1000, 2000, 3000, 500]);
const PI = Array.from(RESIDENTS, (r) => r / 6500);

describe('neighbourhoodShares', () => {
  it("sums each neighbourhood's residents over the whole area's", () => {
    expectAllClose(neighbourhoodShares(RESIDENTS, W4), [3000 / 6500, 6000 / 6500, 5500 / 6500, 3500 / 6500], 1e-15);
  });
});

describe('neighbourhoodExcess on enumerated nulls', () => {
  for (const n of [4, 5, 6]) {
    it(`gives every unit the exact p of its neighbourhood count, for every outcome of ${n} records over 4 units`, () => {
      const all = outcomes(n, PI);
      const pmf = [0, 1, 2, 3].map((i) => neighbourhoodPmf(all, W4, i, n));
      const share = neighbourhoodShares(RESIDENTS, W4);
      for (const { x } of all) {
        const r = neighbourhoodExcess(x, share, W4, { fdr: false });
        for (let i = 0; i < 4; i++) expectClose(r.p[i], pOf(pmf[i]!, r.observed[i]!), 1e-12, `unit ${i}`);
        expect(r.records).toBe(n);
      }
    });
  }

  it('holds its size: P(p ≤ α) ≤ α for every unit and level, 6 records over 4 units', () => {
    const all = outcomes(6, PI);
    const share = neighbourhoodShares(RESIDENTS, W4);
    const ps = all.map(({ x, prob }) => ({ p: neighbourhoodExcess(x, share, W4, { fdr: false }).p, prob }));
    for (const alpha of [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8]) {
      for (let i = 0; i < 4; i++) {
        const size = ps.reduce((s, o) => s + (o.p[i]! <= alpha ? o.prob : 0), 0);
        expect(size, `unit ${i} at ${alpha}`).toBeLessThanOrEqual(alpha + 1e-12);
      }
    }
  });

  it('lights up a map by chance at most 10 % of the time: every outcome of 24 records over a 2×2 queen block and a tail', () => {
    // 0 1 / 2 3 all touch (queen), 4 hangs off 3. Residents uneven, as in the city (a 200-resident unit beside 9,000).
    const w = fromPairs(5, [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ]);
    const residents = new Float64Array([9000, 200, 4000, 1500, 300]);
    const total = residents.reduce((a, b) => a + b, 0);
    const n = 24;
    const all = outcomes(
      n,
      Array.from(residents, (r) => r / total),
    );
    expect(all.length).toBe(20475); // C(28, 4)
    // The oracle: p from each neighbourhood's enumerated distribution, BH over the 5 units, no hot unit without records.
    const pmf = [0, 1, 2, 3, 4].map((i) => neighbourhoodPmf(all, w, i, n));
    const share = neighbourhoodShares(residents, w);
    let alarm = 0,
      expected = 0;
    for (const { x, prob } of all) {
      if (neighbourhoodExcess(x, share, w, { fdr: true }).bin.some((b) => b !== 0)) alarm += prob;
      const o = [0, 1, 2, 3, 4].map((i) => neighbourhoodCount(x, w, i));
      const q = bhAdjusted(Float64Array.from(o, (oi, i) => pOf(pmf[i]!, oi)));
      const lit = o.some((oi, i) => q[i]! < 0.1 && (oi < n * share[i]! || x[i]! > 0));
      if (lit) expected += prob;
    }
    expectClose(alarm, expected, 1e-12);
    expect(alarm).toBeLessThanOrEqual(0.1);
    expect(alarm).toBeGreaterThan(0.005); // not trivially silent
  });

  it('computes the worked example: 3 records all in one of two equal halves, p = 2 × 1/8', () => {
    const w = fromPairs(2, []); // two units, no neighbours: each neighbourhood is the unit itself
    const r = neighbourhoodExcess(new Float64Array([3, 0]), new Float64Array([0.5, 0.5]), w, { fdr: false });
    expectAllClose(r.p, [0.25, 0.25], 1e-15);
    expectAllClose(r.expected, [1.5, 1.5], 1e-15);
    expectAllClose(r.z, [1.1503493803760079, -1.1503493803760079], 1e-12); // Φ⁻¹(1 − 0.125)
  });

  it('gives p = 1 and z = 0 to a neighbourhood without residents and to one that is the whole area', () => {
    const w = fromPairs(3, [[0, 1]]);
    const r = neighbourhoodExcess(new Float64Array([5, 7, 9]), new Float64Array([1, 1, 0]), w, { fdr: false });
    expect(Array.from(r.p)).toEqual([1, 1, 1]);
    expect(Array.from(r.z)).toEqual([0, 0, 0]);
  });
});

describe('guardrails', () => {
  it('never makes a unit without records of its own hot, whatever its neighbours hold', () => {
    // A star: hub 0 (no record of its own) and spokes 1–4 (12 records each); units 5–19 a quiet chain, 2 records.
    const pairs: Array<[number, number]> = [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ];
    for (let i = 5; i < 19; i++) pairs.push([i, i + 1]);
    const w = fromPairs(20, pairs);
    const counts = new Float64Array(20);
    counts.set([0, 12, 12, 12, 12], 0);
    counts[10] = counts[15] = 1;
    const r = neighbourhoodExcess(counts, neighbourhoodShares(new Float64Array(20).fill(1000), w), w, { fdr: true });
    expect(r.z[0]).toBeGreaterThan(5); // 48 of 50 records where 12.5 are expected
    expect(r.bin[0]).toBe(0);
    expect(r.heldBack[0]).toBe(1);
    expect(Array.from(r.bin.subarray(1, 5)).every((b) => b > 0)).toBe(true);
    expect(r.heldBack.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('says too few below 20 records, with the count and what is needed, and paints nothing', () => {
    const share = neighbourhoodShares(RESIDENTS, W4);
    const r = neighbourhoodExcess(new Float64Array([19, 0, 0, 0]), share, W4, { fdr: true });
    expect(r.tooFew).toEqual({ records: 19, needed: MIN_RECORDS });
    expect(Array.from(r.bin)).toEqual([0, 0, 0, 0]);
    expect(r.p[0]).toBeLessThan(1e-6); // the test is still computed and returned; only the bins are withheld
    expect(neighbourhoodExcess(new Float64Array([20, 0, 0, 0]), share, W4, { fdr: true }).tooFew).toBeNull();
  });

  it('says too few when no unit can reach q < 0.10 whatever the records do, and names the least N that could', () => {
    // One unit whose neighbourhood holds half the residents, among 99,999 whose neighbourhoods hold all of them (their
    // count is always N: p = 1). Its best p is 2·0.5^N, and BH over 100,000 units needs p ≤ 0.1 / 100,000, so
    // 2^(1 − N) ≤ 1e-6: N ≥ 21.
    const share = new Float64Array(100_000).fill(1);
    share[0] = 0.5;
    expect(tooFewToTest(share, 20, true)).toEqual({ records: 20, needed: 21 });
    expect(tooFewToTest(share, 21, true)).toBeNull();
    expect(tooFewToTest(share, 20, false)).toBeNull(); // without FDR 2·0.5^20 < 0.10
    expect(tooFewToTest(new Float64Array([0.5, 0.5]), 3, true)).toEqual({ records: 3, needed: 20 });
  });
});

describe('excessBins', () => {
  it('bins by level, drops FDR losses, and holds back hot units without records', () => {
    const z = new Float64Array([3, 3, -2, 1.7, 2.7]);
    const p = new Float64Array([0.002, 0.002, 0.04, 0.09, 0.007]);
    const own = new Float64Array([4, 0, 0, 2, 1]);
    const raw = excessBins(z, p, own, false);
    expect(Array.from(raw.bin)).toEqual([3, 0, -2, 1, 3]);
    expect(Array.from(raw.heldBack)).toEqual([0, 1, 0, 0, 0]);
    // BH q: 0.002·5/2 = 0.005 (×2), 0.007·5/3 ≈ 0.0117, 0.04·5/4 = 0.05, 0.09
    const fdr = excessBins(z, p, own, true);
    expect(Array.from(fdr.bin)).toEqual([3, 0, -1, 1, 2]);
    expect(Array.from(fdr.lostToFdr)).toEqual([0, 0, 0, 0, 0]);
    const lost = excessBins(new Float64Array([2, 2]), new Float64Array([0.08, 0.5]), new Float64Array([1, 1]), true);
    expect(Array.from(lost.bin)).toEqual([0, 0]);
    expect(Array.from(lost.lostToFdr)).toEqual([1, 0]);
  });
});
