// normalQuantile inverts normalCdf to full precision, tails included; zEquivalent signs and caps it.
import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from '../../../server/shared/normal.ts';
import { normalQuantile, Z_CAP, zEquivalent } from '../../../server/stats/normal-quantile.ts';
import { expectClose, expectRelative } from './helpers.ts';

describe('normalQuantile', () => {
  it('gives the textbook quantiles', () => {
    expectClose(normalQuantile(0.5), 0, 0);
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectClose(normalQuantile(0.95), 1.6448536269514722, 1e-14);
    expectClose(normalQuantile(0.995), 2.5758293035489004, 1e-14);
    expectClose(normalQuantile(0.025), -1.959963984540054, 1e-14);
  });

  it('is the inverse of normalCdf from 1e-300 to 1 − 1e-12, in every branch of the algorithm', () => {
    for (let e = -300; e <= -1; e += 0.37) {
      const p = 10 ** e;
      expectRelative(normalCdf(normalQuantile(p)), p, 1e-12);
    }
    for (let p = 0.05; p < 1; p += 0.0137) expectRelative(normalCdf(normalQuantile(p)), p, 1e-14);
    expectRelative(1 - normalCdf(normalQuantile(1 - 1e-12)), 1e-12, 1e-3);
  });

  it('is ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([-Infinity, Infinity]);
    expect([normalQuantile(-0.1), normalQuantile(1.1), normalQuantile(NaN)]).toEqual([NaN, NaN, NaN]);
  });
});

describe('zEquivalent', () => {
  it('is the |z| whose two-sided normal p is p, signed by the direction', () => {
    for (const p of [0.5, 0.1, 0.01, 1e-6, 1e-40]) {
      const z = zEquivalent(p, 1);
      expectRelative(twoSidedP(z), p, 1e-12);
      expect(zEquivalent(p, -1)).toBe(-z);
    }
  });

  it('is 0 for p = 1 or no direction, and capped where p underflowed to 0', () => {
    expect([zEquivalent(1, 1), zEquivalent(0.01, 0)]).toEqual([0, 0]);
    expect([zEquivalent(0, 1), zEquivalent(0, -1)]).toEqual([Z_CAP, -Z_CAP]);
  });
});
