// spaceTimeGiStar is Gi* per time slice, Mann–Kendall per unit and classifyEmerging per unit, wired on unit-major data.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { classifyEmerging, EMERGING_CLASSES } from '../../../server/stats/emerging.ts';
import { bhAdjusted } from '../../../server/stats/fdr.ts';
import { giStar } from '../../../server/stats/gistar.ts';
import { mannKendall } from '../../../server/stats/mann-kendall.ts';
import { spaceTimeGiStar } from '../../../server/stats/space-time.ts';
import { gridWeights, loadGridFixture } from '../../fixtures/stats/grids.ts';

const W = gridWeights(loadGridFixture()); // 6×6 queen grid, unit = row·6 + col, self weight 1
const N = W.n;

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

describe('spaceTimeGiStar', () => {
  const B = 16;
  // The top-left 2×3 block (units 0–2, 6–8) runs hot and hotter (rate 6 + 3t); the rest stays at 3.
  const x = counts(B, 7, (u, t) => (u % 6 < 3 && u < 12 ? 6 + 3 * t : 3));

  it('gives each time slice exactly the z of giStar on that slice, and the p it was judged on', () => {
    for (const fdr of [false, true]) {
      const res = spaceTimeGiStar(x, N, B, W, { fdr });
      for (let t = 0; t < B; t++) {
        const slice = giStar(column(x, B, t), W);
        expect(column(res.z, B, t)).toEqual(slice.z);
        expect(column(res.p, B, t)).toEqual(fdr ? bhAdjusted(slice.p) : slice.p);
      }
    }
  });

  it('gives each unit the Mann–Kendall trend of its z-series, its final z, and the category classifyEmerging gives', () => {
    const res = spaceTimeGiStar(x, N, B, W);
    for (let u = 0; u < N; u++) {
      const z = row(res.z, B, u),
        mk = mannKendall(z);
      expect([res.trendZ[u], res.trendP[u], res.finalZ[u]]).toEqual([mk.z, mk.p, z[B - 1]]);
      expect(res.category[u]).toBe(classifyEmerging(z, row(res.p, B, u), mk));
    }
  });

  it('finds the warming block an intensifying hot spot, and nothing far from it', () => {
    const ids = Array.from(spaceTimeGiStar(x, N, B, W).category, (c) => EMERGING_CLASSES[c]!.id);
    for (const u of [0, 1, 6, 7]) expect(ids[u]).toBe('intensifying-hot');
    for (const u of [21, 28, 35]) expect(ids[u]).toBe('none');
  });

  it('finds a block that lights up only in the last three bins a consecutive hot spot', () => {
    const y = counts(B, 11, (u, t) => (u % 6 < 3 && u < 12 && t >= B - 3 ? 25 : 3));
    const res = spaceTimeGiStar(y, N, B, W);
    expect(EMERGING_CLASSES[res.category[7]!]!.id).toBe('consecutive-hot');
  });

  it('calls every unit no pattern when all counts are equal', () => {
    const res = spaceTimeGiStar(new Float64Array(N * B).fill(5), N, B, W);
    expect(res.category.every((c) => c === 0)).toBe(true);
    expect(res.z.every((v) => v === 0)).toBe(true);
  });

  it('refuses counts or weights of the wrong size', () => {
    expect(() => spaceTimeGiStar(new Float64Array(N * B - 1), N, B, W)).toThrow(/expected 36 × 16/);
    expect(() => spaceTimeGiStar(new Float64Array(10 * B), 10, B, W)).toThrow(/weights cover 36/);
  });
});
