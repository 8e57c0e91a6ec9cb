// The change map's family of tests: exact p per mahalla, Benjamini–Hochberg over the mahallas compared only, and the
// count of changes chance alone would colour, on hand-worked fixtures (p-values summed exactly in Python fractions).
import { describe, expect, it } from 'vitest';
import { changeTests } from '../../../server/stats/change-fdr.ts';

// Four mahallas, equal periods. 30 vs 10: p = 0.0022214; 12 vs 8: p = 0.5034447; 12 vs 4: p = 0.0768127; 4 vs 1: too
// few (5 < 10 events). BH over the three compared, ranked 0.00222 (k=1), 0.0768 (2), 0.503 (3):
// q = min(0.00222·3, 0.0768·3/2) = 0.0066643, 0.0768·3/2 = 0.1152191, 0.503·3/3 = 0.5034447.
const NOW = [30, 12, 12, 4];
const BEFORE = [10, 8, 4, 1];

describe('changeTests', () => {
  const t = changeTests(NOW, BEFORE, 30, 30, 0.1);

  it('gives each compared mahalla its exact two-sided p, none to the one with too few events', () => {
    expect(t.p[0]).toBeCloseTo(0.0022214337732293643, 12);
    expect(t.p[1]).toBeCloseTo(0.5034446716308594, 12);
    expect(t.p[2]).toBeCloseTo(0.076812744140625, 12);
    expect(t.p[3]).toBeNaN();
    expect([t.tested, t.tooFew]).toEqual([3, 1]);
  });

  it('adjusts over the three compared only (m = 3, not 4)', () => {
    expect(t.q[0]).toBeCloseTo(0.0022214337732293643 * 3, 12);
    expect(t.q[1]).toBeCloseTo(0.5034446716308594, 12);
    expect(t.q[2]).toBeCloseTo(0.076812744140625 * 1.5, 12);
    expect(t.q[3]).toBeNaN();
  });

  it('colours what survives the FDR: 12 vs 4 passes p < 0.1 alone but not after BH', () => {
    expect(Array.from(t.sign)).toEqual([1, 0, 0, 0]);
    expect([t.up, t.down]).toEqual([1, 0]);
  });

  it('counts what chance alone would colour without the correction: the tests’ exact sizes at 10 %', () => {
    // Sizes at α = 0.1, summed in Python: n = 40: 0.0806904677519924; n = 20: 5425/131072; n = 16: 2517/32768.
    expect(t.chanceUncorrected).toBeCloseTo(0.0806904677519924 + 5425 / 131072 + 2517 / 32768, 12);
  });

  it('marks a fall as −1', () => {
    const down = changeTests([10, 30], [30, 10], 7, 7, 0.1);
    expect(Array.from(down.sign)).toEqual([-1, 1]);
    expect([down.up, down.down]).toEqual([1, 1]);
  });

  it('judges unequal periods per day: 179 in 60 days against 148 in 59 is not coloured', () => {
    const leap = changeTests([179], [148], 60, 59, 0.1);
    expect(leap.p[0]).toBeCloseTo(0.13160985284204396, 9);
    expect(Array.from(leap.sign)).toEqual([0]);
    // Read as equally long periods, the same counts would be coloured (p = 0.09697).
    expect(Array.from(changeTests([179], [148], 1, 1, 0.1).sign)).toEqual([1]);
  });

  it('tests nothing when every mahalla has too few events', () => {
    const none = changeTests([3, 0], [2, 0], 31, 31, 0.1);
    expect([none.tested, none.tooFew, none.up, none.down, none.chanceUncorrected]).toEqual([0, 2, 0, 0, 0]);
  });
});
