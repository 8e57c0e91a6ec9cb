// Gi* against closed forms worked by hand (3×3 grid, chain) and an independent numpy/scipy fixture, plus its invariances.
import { describe, expect, it } from 'vitest';
import { giStar, giStarBins } from '../../../server/stats/gistar.ts';
import { chain, fromPairs, gridWeights, loadGridFixture, QUEEN_3X3, ROOK_3X3 } from '../../fixtures/stats/grids.ts';
import { expectAllClose, expectClose, expectRelative } from './helpers.ts';

// One value of 1 in the centre of the 3×3 grid, 0 elsewhere: n = 9, X̄ = 1/9, Σx²/n = 1/9,
// S² = 1/9 − 1/81 = 8/81, S = 2√2/9. Binary weights with self weight 1, so Σw² = Σw per unit, and
// z = (Σwx − X̄ Σw) / (S · sqrt((9 Σw − (Σw)²) / 8)).
const CENTRE = new Float64Array([0, 0, 0, 0, 1, 0, 0, 0, 0]);

describe('Gi* on the 3×3 grid with a single high centre', () => {
  it('rook: centre z = 2/√5, edge √5/2, corner −1/√2', () => {
    // centre: Σw = 5 (4 sides + itself), Σwx = 1: num = 1 − 5/9 = 4/9; sqrt((45 − 25)/8) = √(5/2); den = (2√2/9)√(5/2) = 2√5/9
    //   → z = (4/9) / (2√5/9) = 2/√5 = 0.894427191
    // edge (1): Σw = 4 (0, 2, 4, itself), Σwx = 1: num = 1 − 4/9 = 5/9; den = (2√2/9)·sqrt((36 − 16)/8) = 2√5/9 → z = √5/2
    // corner (0): Σw = 3 (1, 3, itself), Σwx = 0: num = −3/9;
    //   den = (2√2/9)·sqrt((27 − 9)/8) = (2√2/9)(3/2) = √2/3 → z = −1/√2
    const { z, p } = giStar(CENTRE, fromPairs(9, ROOK_3X3));
    const c = 2 / Math.sqrt(5),
      e = Math.sqrt(5) / 2,
      k = -1 / Math.sqrt(2);
    expectAllClose(z, [k, e, k, e, c, e, k, e, k]);
    expectClose(p[4], 0.37109336952269756); // mpmath: 2Φ(−2/√5)
    expectClose(p[0], 0.4795001221869534); // 2Φ(−1/√2) = erfc(1/2)
  });

  it('queen: corner √5/2, edge 1/√2, and the centre, whose neighbourhood is the whole grid, 0 with p = 1', () => {
    // corner (0): Σw = 4 (1, 3, 4, itself), Σwx = 1 — the same numbers as the rook edge → z = √5/2
    // edge (1): Σw = 6 (0, 2, 3, 4, 5, itself), Σwx = 1: num = 1 − 6/9 = 1/3; den = (2√2/9)·sqrt((54 − 36)/8) = √2/3 → z = 1/√2
    // centre: Σw = 9 = n, so n Σw² − (Σw)² = 0: no variance to test against → z = 0, p = 1 (the numerator is 0 too)
    const { z, p } = giStar(CENTRE, fromPairs(9, QUEEN_3X3));
    const e = Math.sqrt(5) / 2,
      k = 1 / Math.sqrt(2);
    expectAllClose(z, [e, k, e, k, 0, k, e, k, e]);
    expect(p[4]).toBe(1);
  });
});

describe('Gi* on the chain 0 – 1 – 2 – 3 – 4 with x = 1…5', () => {
  // X̄ = 3, Σx²/n = 55/5 = 11, S = √(11 − 9) = √2.
  // end (0): Σw = 2, Σwx = 1 + 2 = 3: num = 3 − 6 = −3; den = √2·sqrt((10 − 4)/4) = √3 → z = −√3
  // (1): Σw = 3, Σwx = 6: num = 6 − 9 = −3; den = √2·sqrt((15 − 9)/4) = √3 → z = −√3
  // (2): Σwx = 9 = X̄ Σw → z = 0; units 3, 4 mirror 1, 0.
  const x = new Float64Array([1, 2, 3, 4, 5]);
  const r3 = Math.sqrt(3);

  it('gives z = [−√3, −√3, 0, √3, √3] and p = 2Φ(−√3) = 0.0833', () => {
    const { z, p, bin, lostToFdr } = giStar(x, chain(5));
    expectAllClose(z, [-r3, -r3, 0, r3, r3]);
    expectAllClose(p, [0.08326451666355042, 0.08326451666355042, 1, 0.08326451666355042, 0.08326451666355042]);
    expect(Array.from(bin)).toEqual([-1, -1, 0, 1, 1]);
    expect(lostToFdr).toBe(0);
  });

  it('loses all four 90 % units to FDR: their BH-adjusted p is 0.0833 · 5/4 = 0.104 > 0.10', () => {
    const { bin, lostToFdr } = giStar(x, chain(5), { fdr: true });
    expect(Array.from(bin)).toEqual([0, 0, 0, 0, 0]);
    expect(lostToFdr).toBe(4);
  });
});

const grid = loadGridFixture();

describe('Gi* on the 6×6 queen grid of gistar-grid.json (independent numpy/scipy values)', () => {
  const x = Float64Array.from(grid.x);
  for (const c of grid.cases) {
    const w = gridWeights(grid, c.selfWeight);

    it(`matches z, p and bins to 1e-9 with self weight ${c.selfWeight}`, () => {
      const res = giStar(x, w);
      expectAllClose(res.z, c.z);
      c.p.forEach((p, i) => expectRelative(res.p[i]!, p, 1e-9)); // relative: some p are 1e-7
      expect(Array.from(res.bin)).toEqual(c.bin);
    });

    it(`matches the FDR-corrected bins with self weight ${c.selfWeight}`, () => {
      const res = giStar(x, w, { fdr: true });
      expect(Array.from(res.bin)).toEqual(c.binFdr);
      expect(res.lostToFdr).toBe(c.lostToFdr);
    });
  }
});

describe('Gi* invariances', () => {
  const w = gridWeights(grid);
  const x = Float64Array.from(grid.x);
  const base = giStar(x, w).z;

  it('negating x negates z', () =>
    expectAllClose(
      giStar(
        x.map((v) => -v),
        w,
      ).z,
      Array.from(base, (v) => -v),
    ));
  it('adding a constant leaves z unchanged', () =>
    expectAllClose(
      giStar(
        x.map((v) => v + 1e6),
        w,
      ).z,
      Array.from(base),
    ));
  it('scaling by a positive constant leaves z unchanged', () =>
    expectAllClose(
      giStar(
        x.map((v) => v * 7.25),
        w,
      ).z,
      Array.from(base),
    ));

  it('gives z = 0, p = 1 everywhere when all values are equal (S = 0), even ones that do not sum exactly', () => {
    const { z, p, bin } = giStar(new Float64Array(grid.n).fill(0.1), w);
    expect(z.every((v) => v === 0)).toBe(true);
    expect(p.every((v) => v === 1)).toBe(true);
    expect(bin.every((v) => v === 0)).toBe(true);
  });

  it('refuses values whose length differs from the weights', () => {
    expect(() => giStar(new Float64Array(3), w)).toThrow(/36 entries/);
  });
});

describe('giStarBins', () => {
  it('bins by p at 1 / 5 / 10 % and signs by z', () => {
    const z = new Float64Array([3, 2.1, 1.7, 1.6, -3, -2.1, -1.7]);
    const p = new Float64Array([0.009, 0.049, 0.099, 0.1, 0.009, 0.049, 0.099]);
    expect(Array.from(giStarBins(z, p, false).bin)).toEqual([3, 2, 1, 0, -3, -2, -1]);
  });
});
