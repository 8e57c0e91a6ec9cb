// erfc, Φ and two-sided p against mpmath.erfc / mpmath.ncdf at 40 digits (rounded to doubles), relative error ≤ 1e-12 out to |z| = 8.
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedP } from '../../../server/shared/normal.ts';
import { expectRelative } from '../stats/helpers.ts';

describe('erfc', () => {
  // x, erfc(x): both sides of Cody's interval breaks at 0.46875 and 4, and deep into the tail.
  const golden: [number, number][] = [
    [0.1, 0.8875370839817152],
    [0.46875, 0.507386526782062],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [4, 1.541725790028002e-8],
    [4.5, 1.9661604415428876e-10],
    [6, 2.1519736712498913e-17],
    [10, 2.088487583762545e-45],
    [-1, 1.8427007929497148],
    [-3, 1.9999779095030015],
  ];

  it.each(golden)('erfc(%d) matches mpmath to 1e-14', (x, expected) => expectRelative(erfc(x), expected, 1e-14));

  it('is exactly 1 at 0, 0 far out, 2 far in, and NaN for NaN', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it('gives Φ(1.96) = 0.9750021048517795', () => expectRelative(normalCdf(1.96), 0.9750021048517795, 1e-15));

  it('keeps relative precision in the lower tail', () => {
    expectRelative(normalCdf(-1.96), 0.024997895148220435, 1e-13);
    expectRelative(normalCdf(-3), 0.0013498980316300946, 1e-13);
    expectRelative(normalCdf(-8), 6.220960574271784e-16, 1e-12);
  });

  it('is ½ at 0 and symmetric', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const z of [0.3, 1.2, 2.7, 5]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
  });
});

describe('twoSidedP', () => {
  it('gives 0.05 at the 95 % and 0.01 at the 99 % critical values', () => {
    expectRelative(twoSidedP(1.959963984540054), 0.05000000000000003, 1e-13);
    expectRelative(twoSidedP(2.5758293035489), 0.010000000000000023, 1e-13);
  });

  it('gives the tails at z = 6 and z = 8 to 1e-12 relative', () => {
    expectRelative(twoSidedP(6), 1.973175290075396e-9, 1e-12);
    expectRelative(twoSidedP(-6), 1.973175290075396e-9, 1e-12);
    expectRelative(twoSidedP(8), 1.2441921148543568e-15, 1e-12);
  });

  it('is 1 at z = 0', () => expect(twoSidedP(0)).toBe(1));
});
