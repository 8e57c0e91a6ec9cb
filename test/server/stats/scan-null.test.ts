// The scan's null datasets: multinomial draws whose joint law, marginals and large-N moments match the exact ones.
import { describe, expect, it } from 'vitest';
import { multinomialInto, multinomialPrep } from '../../../server/stats/scan-null.ts';
import { Rng } from '../../../server/shared/random.ts';

/** Pearson's chi-squared of observed against expected frequencies. */
function chiSquared(observed: number[], expected: number[]): number {
  return observed.reduce((s, o, k) => s + (o - expected[k]!) ** 2 / expected[k]!, 0);
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

describe('multinomialInto', () => {
  it('every draw puts all N records somewhere, none where no one lives', () => {
    const pop = new Float64Array([5, 0, 3, 0, 2]);
    const prep = multinomialPrep(1000, pop);
    const out = new Int32Array(5);
    const rng = new Rng(3);
    for (let r = 0; r < 200; r++) {
      multinomialInto(out, prep, rng);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1000);
      expect([out[1], out[3]]).toEqual([0, 0]);
    }
  });

  it('the joint law of 3 records over 3 units (10 outcomes) is multinomial(3; 1/6, 2/6, 3/6)', () => {
    const pop = new Float64Array([1, 2, 3]);
    const p = [1 / 6, 2 / 6, 3 / 6];
    const prep = multinomialPrep(3, pop);
    const outcomes: string[] = [];
    const expected: number[] = [];
    for (let a = 0; a <= 3; a++)
      for (let b = 0; a + b <= 3; b++) {
        const c = 3 - a - b;
        outcomes.push(`${a},${b},${c}`);
        expected.push((6 / (factorial(a) * factorial(b) * factorial(c))) * p[0]! ** a * p[1]! ** b * p[2]! ** c);
      }
    const draws = 30_000;
    const seen = new Map<string, number>();
    const out = new Int32Array(3);
    const rng = new Rng(11);
    for (let r = 0; r < draws; r++) {
      multinomialInto(out, prep, rng);
      const key = out.join(',');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const chi = chiSquared(
      outcomes.map((o) => seen.get(o) ?? 0),
      expected.map((e) => e * draws),
    );
    // 9 degrees of freedom: P(χ² > 27.9) = 0.001
    expect(chi).toBeLessThan(27.9);
    expect([...seen.keys()].every((k) => outcomes.includes(k))).toBe(true);
  });

  it('a unit in the middle of the list gets Binomial(N, its share) (N = 40, share 0.3)', () => {
    const pop = new Float64Array([2, 3, 5]); // unit 1: 3 of 10
    const prep = multinomialPrep(40, pop);
    const draws = 40_000;
    const hist = new Array<number>(41).fill(0);
    const out = new Int32Array(3);
    const rng = new Rng(5);
    for (let r = 0; r < draws; r++) {
      multinomialInto(out, prep, rng);
      hist[out[1]!]!++;
    }
    const pmf = (k: number): number => Math.exp(lnChoose(40, k) + k * Math.log(0.3) + (40 - k) * Math.log(0.7));
    // Cells 5–19 (expected ≥ 40 each) and the two tails pooled: 16 degrees of freedom, P(χ² > 39.3) = 0.001
    const obs = [
      hist.slice(0, 5).reduce((a, b) => a + b, 0),
      ...hist.slice(5, 20),
      hist.slice(20).reduce((a, b) => a + b, 0),
    ];
    const lowTail = [0, 1, 2, 3, 4].reduce((s, k) => s + pmf(k), 0);
    const mid = Array.from({ length: 15 }, (_, k) => pmf(k + 5));
    const exp = [lowTail, ...mid, 1 - lowTail - mid.reduce((a, b) => a + b, 0)].map((e) => e * draws);
    expect(chiSquared(obs, exp)).toBeLessThan(39.3);
  });

  it('with 200,000 records the counts have the multinomial mean and variance', () => {
    const pop = new Float64Array([1, 3, 6]);
    const n = 200_000;
    const prep = multinomialPrep(n, pop);
    const draws = 4000;
    const sum = new Float64Array(3),
      sq = new Float64Array(3);
    const out = new Int32Array(3);
    const rng = new Rng(9);
    for (let r = 0; r < draws; r++) {
      multinomialInto(out, prep, rng);
      for (let i = 0; i < 3; i++) {
        sum[i] = sum[i]! + out[i]!;
        sq[i] = sq[i]! + out[i]! ** 2;
      }
    }
    [0.1, 0.3, 0.6].forEach((p, i) => {
      const mean = sum[i]! / draws;
      const variance = sq[i]! / draws - mean ** 2;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p), `mean of unit ${i}`).toBeLessThan((4 * sd) / Math.sqrt(draws));
      expect(variance / (sd * sd), `variance of unit ${i}`).toBeGreaterThan(0.9);
      expect(variance / (sd * sd), `variance of unit ${i}`).toBeLessThan(1.1);
    });
  });

  it('the same seed gives the same draws', () => {
    const prep = multinomialPrep(500, new Float64Array([4, 1, 7, 2]));
    const run = (seed: number): number[] => {
      const rng = new Rng(seed);
      const out = new Int32Array(4);
      return Array.from({ length: 5 }, () => (multinomialInto(out, prep, rng), [...out])).flat();
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });
});

function lnChoose(n: number, k: number): number {
  let s = 0;
  for (let j = 1; j <= k; j++) s += Math.log(n - k + j) - Math.log(j);
  return s;
}
