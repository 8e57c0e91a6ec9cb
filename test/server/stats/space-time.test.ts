// spaceTimeExcess is the exact neighbourhood test per time slice, Mann–Kendall per unit and classifyEmerging per unit,
// wired on unit-major data, with the map's guardrails applied bin by bin.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { classifyEmerging, EMERGING_CLASSES } from '../../../server/stats/emerging.ts';
import { bhAdjusted } from '../../../server/stats/fdr.ts';
import { mannKendall } from '../../../server/stats/mann-kendall.ts';
import { neighbourhoodExcess, neighbourhoodShares } from '../../../server/stats/neighbourhood-excess.ts';
import { countCube, spaceTimeExcess, spaceTimeExcessOfRows } from '../../../server/stats/space-time.ts';
import {
  classifyUnits,
  CLAIMS,
  SLICE_CLAIMS,
  testSlices,
  UNIT_CLAIMS,
  transposeInto,
  type SliceOut,
  unitOut,
} from '../../../server/stats/space-time-parts.ts';
import { gridWeights, loadGridFixture } from '../../fixtures/stats/grids.ts';

const W = gridWeights(loadGridFixture()); // 6×6 queen grid, unit = row·6 + col, self weight 1
const N = W.n;
const SHARE = neighbourhoodShares(new Float64Array(N).fill(1000), W);

/** Seeded Poisson counts, unit-major, with rate(u, t). */
function counts(nBins: number, seed: number, rate: (u: number, t: number) => number): Float64Array {
  const rng = new Rng(seed);
  const out = new Float64Array(N * nBins);
  for (let u = 0; u < N; u++) for (let t = 0; t < nBins; t++) out[u * nBins + t] = rng.poisson(rate(u, t));
  return out;
}
const column = (m: Float64Array, nBins: number, t: number): Float64Array =>
  Float64Array.from({ length: N }, (_, u) => m[u * nBins + t]!);
const row = (m: Float64Array, nBins: number, u: number): Float64Array => m.slice(u * nBins, (u + 1) * nBins);

describe('spaceTimeExcess', () => {
  const B = 16;
  // The top-left 2×3 block (units 0–2, 6–8) runs hot and hotter (rate 6 + 3t); the rest stays at 3.
  const x = counts(B, 7, (u, t) => (u % 6 < 3 && u < 12 ? 6 + 3 * t : 3));

  it("gives each time slice exactly the z of the map's test on that slice, and the p it was judged on", () => {
    for (const fdr of [false, true]) {
      const res = spaceTimeExcess(x, SHARE, N, B, W, { fdr });
      for (let t = 0; t < B; t++) {
        const own = column(x, B, t);
        const slice = neighbourhoodExcess(own, SHARE, W, { fdr });
        expect(column(res.z, B, t)).toEqual(slice.z);
        // With fdr, the q where it is below the classes' level (0.10), else 1.
        const judged = fdr ? bhAdjusted(slice.p).map((q) => (q < 0.1 || Number.isNaN(q) ? q : 1)) : slice.p;
        expect(column(res.p, B, t)).toEqual(judged.map((q, u) => (slice.z[u]! > 0 && own[u] === 0 ? 1 : q)));
        expect(res.binRecords[t]).toBe(slice.records);
      }
    }
  });

  it('gives each unit the Mann–Kendall trend of its z-series, its final z, and the category classifyEmerging gives', () => {
    const res = spaceTimeExcess(x, SHARE, N, B, W);
    for (let u = 0; u < N; u++) {
      const z = row(res.z, B, u),
        mk = mannKendall(z);
      expect([res.trendZ[u], res.trendP[u], res.finalZ[u]]).toEqual([mk.z, mk.p, z[B - 1]]);
      expect(res.category[u]).toBe(classifyEmerging(z, row(res.p, B, u), mk));
    }
  });

  it('finds the warming block an intensifying hot spot, and no hot spot far from it', () => {
    const ids = Array.from(spaceTimeExcess(x, SHARE, N, B, W).category, (c) => EMERGING_CLASSES[c]!.id);
    for (const u of [0, 1, 6, 7]) expect(ids[u]).toBe('intensifying-hot');
    // Far units keep their rate while the block takes a growing share of each bin's records: at most a cold trend.
    for (const u of [21, 28, 35]) expect(ids[u]).not.toMatch(/-hot$/);
  });

  it('finds a block that lights up only in the last three bins a consecutive hot spot', () => {
    const y = counts(B, 11, (u, t) => (u % 6 < 3 && u < 12 && t >= B - 3 ? 25 : 3));
    const res = spaceTimeExcess(y, SHARE, N, B, W);
    expect(EMERGING_CLASSES[res.category[7]!]!.id).toBe('consecutive-hot');
  });

  it('calls every unit no pattern when the counts follow the residents exactly', () => {
    const res = spaceTimeExcess(new Float64Array(N * B).fill(5), SHARE, N, B, W);
    expect(res.category.every((c) => c === 0)).toBe(true);
    expect(res.z.every((v) => v === 0)).toBe(true);
  });

  it('judges nothing significant in a bin with too few records, and says which bins those were', () => {
    // Bin 3 holds 12 records, all in unit 0: significant on its own p, but below the 20 the map needs.
    const y = counts(B, 5, () => 3);
    for (let u = 0; u < N; u++) y[u * B + 3] = u === 0 ? 12 : 0;
    const res = spaceTimeExcess(y, SHARE, N, B, W);
    expect(
      Array.from(res.binTooFew)
        .map((f, t) => (f ? t : -1))
        .filter((t) => t >= 0),
    ).toEqual([3]);
    expect(res.z[0 * B + 3]).toBeGreaterThan(3);
    expect(column(res.p, B, 3).every((p) => p === 1)).toBe(true);
  });

  it('never makes a unit hot in a bin where it has no record of its own', () => {
    // Unit 7's eight neighbours hold 30 records each in the last bin, unit 7 none.
    const y = counts(B, 9, () => 2);
    for (const u of [0, 1, 2, 6, 8, 12, 13, 14]) y[u * B + B - 1] = 30;
    y[7 * B + B - 1] = 0;
    const res = spaceTimeExcess(y, SHARE, N, B, W);
    expect(res.z[7 * B + B - 1]).toBeGreaterThan(5);
    expect(res.p[7 * B + B - 1]).toBe(1);
    expect(res.p[1 * B + B - 1]).toBeLessThan(0.01);
  });

  const sliceOut = (): SliceOut => ({
    zByBin: new Float64Array(N * B),
    pByBin: new Float64Array(N * B),
    binRecords: new Float64Array(B),
    binTooFew: new Uint8Array(B),
  });

  it('tests every slice the same when passes take every k-th one as when one takes them all', () => {
    const byBin = transposeInto(x, N, B, new Float64Array(N * B));
    const out = sliceOut;
    const whole = out();
    testSlices(byBin, SHARE, N, 0, B, W, true, 0.1, whole);
    for (const step of [2, 3]) {
      const parts = out();
      for (let k = 0; k < step; k++) {
        testSlices(byBin, SHARE, N, k, B, W, true, 0.1, parts, { step });
        // Pass k writes its own slices only: those of later passes are still untouched.
        for (let t = 0; t < B; t++) expect(parts.binRecords[t]! > 0).toBe(t % step <= k);
      }
      expect(parts).toEqual(whole);
    }
  });

  it('tests just the slices a caller claims from the shared counter, each as when one caller takes them all', () => {
    const byBin = transposeInto(x, N, B, new Float64Array(N * B));
    const whole = sliceOut(),
      parts = sliceOut();
    testSlices(byBin, SHARE, N, 0, B, W, true, 0.1, whole);
    // Another worker has claimed slices 0–4 already: this one takes 5 … B − 1, then the other's run fills 0–4.
    const claims = new Int32Array(CLAIMS);
    claims[SLICE_CLAIMS] = 5;
    testSlices(byBin, SHARE, N, 0, B, W, true, 0.1, parts, { claims });
    for (let t = 0; t < B; t++) expect(parts.binRecords[t]! > 0).toBe(t >= 5);
    expect(claims[SLICE_CLAIMS]).toBeGreaterThan(B - 1);
    testSlices(byBin, SHARE, N, 0, 5, W, true, 0.1, parts, { claims: new Int32Array(CLAIMS) });
    expect(parts).toEqual(whole);
  });

  it('refuses counts, shares or weights of the wrong size', () => {
    expect(() => spaceTimeExcess(new Float64Array(N * B - 1), SHARE, N, B, W)).toThrow(/expected 36 × 16/);
    expect(() => spaceTimeExcess(new Float64Array(10 * B), SHARE, 10, B, W)).toThrow(/weights cover 36/);
    expect(() => spaceTimeExcess(new Float64Array(N * B), SHARE.subarray(1), N, B, W)).toThrow(/36 entries/);
  });
});

describe('countCube', () => {
  it('scatters grouped rows onto units × bins in the order of the unit ids, leaving out unknown ids and bins', () => {
    const cube = countCube(
      [7, 3, 12],
      new Int32Array([3, 7, 3, 99, 12, 7, -1]),
      new Int32Array([0, 1, 1, 0, 2, 5, 0]),
      new Int32Array([2, 5, 4, 8, 1, 9, 6]),
      3,
    );
    expect(Array.from(cube)).toEqual([0, 5, 0, 2, 4, 0, 0, 0, 1]);
  });

  it('lays the same cube out bin-major when asked, and the rows give the result of the unit-major cube', () => {
    const rows = [new Int32Array([3, 7, 3, 12]), new Int32Array([0, 1, 1, 2]), new Int32Array([2, 5, 4, 1])] as const;
    expect(Array.from(countCube([7, 3, 12], ...rows, 3, true))).toEqual([0, 2, 0, 5, 4, 0, 0, 0, 1]);
    // Every unit of the 6 × 6 grid, its counts as rows (zeros left out): the same answer, array for array.
    const B = 12;
    const x = counts(B, 11, (u, t) => (u < 6 ? 2 + t : 3));
    const ids = Array.from({ length: N }, (_, u) => 100 + u);
    const cells = Array.from(x.keys()).filter((c) => x[c]! > 0);
    const fromRows = spaceTimeExcessOfRows(
      ids,
      Int32Array.from(cells, (c) => 100 + Math.floor(c / B)),
      Int32Array.from(cells, (c) => c % B),
      Int32Array.from(cells, (c) => x[c]!),
      SHARE,
      B,
      W,
    );
    expect(fromRows).toEqual(spaceTimeExcess(x, SHARE, N, B, W));
  });
});

describe('classifyUnits', () => {
  it('gives each unit of any range, odd ones included, the trend and class of its own series', () => {
    // Units go in pairs (their series sorted together), the odd one out alone: 7 units of 40 bins, z with many ties.
    const nUnits = 7,
      nBins = 40,
      rng = new Rng(8);
    const zByBin = Float64Array.from({ length: nUnits * nBins }, () => [0, 0, 1.5, -2, 3.1, -0.4][rng.int(0, 5)]!);
    const pByBin = Float64Array.from({ length: nUnits * nBins }, () => (rng.next() < 0.3 ? 0.01 : 1));
    const whole = unitOut(nUnits, nBins),
      split = unitOut(nUnits, nBins);
    classifyUnits(zByBin, pByBin, nUnits, nBins, 0, nUnits, {}, whole);
    for (const [u0, u1] of [
      [0, 3],
      [3, 4],
      [4, 7],
    ] as const)
      classifyUnits(zByBin, pByBin, nUnits, nBins, u0, u1, {}, split);
    expect(split).toEqual(whole);
    // Claimed in runs of units from a shared counter (as the workers do): a run already taken is left alone.
    const claimed = unitOut(nUnits, nBins);
    const claims = new Int32Array(CLAIMS);
    classifyUnits(zByBin, pByBin, nUnits, nBins, 0, nUnits, {}, claimed, claims);
    expect(claimed).toEqual(whole);
    expect(claims[UNIT_CLAIMS]).toBe(2); // the one run of 7 units, then a claim past the end
    const late = unitOut(nUnits, nBins);
    classifyUnits(zByBin, pByBin, nUnits, nBins, 0, nUnits, {}, late, claims);
    expect(late).toEqual(unitOut(nUnits, nBins));
    for (let u = 0; u < nUnits; u++) {
      const z = Float64Array.from({ length: nBins }, (_, t) => zByBin[t * nUnits + u]!);
      const p = Float64Array.from({ length: nBins }, (_, t) => pByBin[t * nUnits + u]!);
      const mk = mannKendall(z);
      expect([whole.trendZ[u], whole.trendP[u], whole.finalZ[u]]).toEqual([mk.z, mk.p, z[nBins - 1]]);
      expect(whole.category[u]).toBe(classifyEmerging(z, p, mk));
    }
  });
});
