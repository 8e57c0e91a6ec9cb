// The fast paths of the emerging hot spots (issue 15) give the very same numbers as the straightforward ones: BH
// q-values read from sorted values, Mann–Kendall counted by merge sort, binomial tails with their logarithms and
// ln Γ kept, the exact tests on prepared columns. Property tests over random inputs with many ties, zeros, ones and NaN, compared with toEqual / toBe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialLower,
  binomialLowerAt,
  binomialP,
  binomialUpper,
  binomialUpperAt,
  lnGamma,
  lnGammaKept,
  lnGammaUpTo,
} from '../../../server/shared/binomial.ts';
import { neighbourhoodExcessInto, prepareExcess } from '../../../server/stats/neighbourhood-excess.ts';
import type { Weights } from '../../../server/stats/weights.ts';
import { bhAdjusted, bhAdjustedBelow } from '../../../server/stats/fdr.ts';
import { mannKendallAt, pairwiseCount, sortedCount } from '../../../server/stats/mann-kendall.ts';

const SEED = 15;

/** BH by its definition: q of the unit at (stable) rank k is min over ranks j ≥ k of p(j)·m/j, capped at 1. */
function bhByDefinition(p: Float64Array): Float64Array {
  const m = p.length;
  const key = (i: number): number => (Number.isNaN(p[i]!) ? Infinity : p[i]!);
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => key(i) - key(j) || i - j);
  const q = new Float64Array(m);
  for (let k = 1; k <= m; k++) {
    const i = order[k - 1]!;
    if (Number.isNaN(p[i]!)) {
      q[i] = NaN;
      continue;
    }
    let least = 1;
    for (let j = k; j <= m; j++)
      if (!Number.isNaN(p[order[j - 1]!]!)) least = Math.min(least, (p[order[j - 1]!]! * m) / j);
    q[i] = least;
  }
  return q;
}

/** p-values as the exact test gives them: many exactly 1, some 0 or −0, repeats, the odd NaN. */
const pValue = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, 0.05, 0.1, 1e-300) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);

describe('fast paths equal the straightforward ones', () => {
  it('bhAdjusted: the q-values of the definition, double for double', () => {
    fc.assert(
      fc.property(fc.array(pValue, { maxLength: 300 }), (ps) => {
        const p = Float64Array.from(ps);
        expect(bhAdjusted(p)).toEqual(bhByDefinition(p));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('bhAdjustedBelow: the q-values of the definition below alpha, 1 elsewhere, NaN kept', () => {
    // Levels the p-values sit on or an ulp beside, and p-values at alpha·j/m, where a product rounds across alpha.
    const alpha = fc.constantFrom(0.1, 0.05, 0.01, 0.1 + 2 ** -56, 0.1 - 2 ** -56, 1);
    const ps = fc.array(fc.oneof(pValue, fc.constantFrom(0.1, 0.05, 0.1 * (1 + 2 ** -52))), { maxLength: 300 });
    fc.assert(
      fc.property(ps, alpha, fc.boolean(), (values, a, onGrid) => {
        const m = values.length;
        // On the grid: p(j) = a·j/m exactly as written, so every q sits on a rounding of a.
        const p = onGrid ? Float64Array.from(values, (_, j) => (a * (j + 1)) / m) : Float64Array.from(values);
        const want = bhByDefinition(p).map((q) => (q < a || Number.isNaN(q) ? q : 1));
        expect(bhAdjustedBelow(p, a)).toEqual(want);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('Mann–Kendall: the sorted count gives the pairwise S and tie sum, so the same z and p', () => {
    // z-series as the cube holds them: repeats (0 where p = 1, the ±38 cap), −0, and values close together.
    const z = fc.oneof(
      fc.constantFrom(0, -0, 38, -38, 1.5, -1.5),
      fc.double({ min: -40, max: 40, noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(z, { maxLength: 200 }), fc.nat(5), (xs, pad) => {
        const x = new Float64Array(pad + xs.length);
        x.set(xs, pad);
        const n = xs.length;
        expect(sortedCount(x, pad, n)).toEqual(pairwiseCount(x, pad, n));
        const mk = mannKendallAt(x, pad, n);
        const [s, ties] = pairwiseCount(x, pad, n);
        const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
        expect([mk.s, mk.varS]).toEqual([s, varS]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('Mann–Kendall: a non-finite value leaves the sorted count to the pairwise one', () => {
    const x = Float64Array.from({ length: 30 }, (_, i) => (i === 7 ? NaN : i % 5));
    expect(sortedCount(x, 0, 30)).toBeNull();
    expect(mannKendallAt(x, 0, 30).s).toBe(pairwiseCount(x, 0, 30)[0]);
  });

  it('ln Γ kept at integers is lnGamma, computed or kept, small or beyond the table', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 3_000_000 })), (x) => {
        expect(lnGammaKept(x)).toBe(lnGamma(x));
        expect(lnGammaKept(x)).toBe(lnGamma(x));
      }),
      { seed: SEED, numRuns: 300 },
    );
    for (const x of [0.5, 2.5, 1e7 + 0.25]) expect(lnGammaKept(x)).toBe(lnGamma(x));
  });

  it('binomial tails with the logarithms computed once are the tails computed per call', () => {
    const n = fc.integer({ min: 0, max: 200_000 });
    const p = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1e-9, 0.5, 1 - 1e-9));
    fc.assert(
      fc.property(n, fc.double({ min: -0.1, max: 1.1, noNaN: true }), p, (total, at, pr) => {
        const k = Math.round(at * total);
        const b = binomialP(pr);
        expect(binomialUpperAt(k, total, b)).toBe(binomialUpper(k, total, pr));
        expect(binomialLowerAt(k, total, b)).toBe(binomialLower(k, total, pr));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
  it('ln Γ up to a bound is a table of lnGamma at every integer below it, and none beyond the kept range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200_000 }), (upTo) => {
        const table = lnGammaUpTo(upTo)!;
        for (const x of [1, 2, upTo >> 1, upTo - 1]) expect(table[x]).toBe(lnGamma(x));
      }),
      { seed: SEED, numRuns: 50 },
    );
    expect(lnGammaUpTo(1 << 22)).toBeNull();
  });

  it('the exact tests on prepared columns are the two-sided binomial tails of each neighbourhood, zero weights left out', () => {
    // A chain 0 – 1 – 2 – 3 with self weights, and one neighbour entry of weight 0 (unit 3 sees unit 1 at weight 0).
    const w: Weights = {
      n: 4,
      offsets: new Uint32Array([0, 2, 5, 8, 11]),
      neighbours: new Uint32Array([0, 1, 0, 1, 2, 1, 2, 3, 1, 2, 3]),
      weights: new Float64Array([1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1]),
    };
    const share = new Float64Array([0.3, 0.55, 0.6, 0.35]);
    const prep = prepareExcess(share, w);
    const out = () => ({
      observed: new Float64Array(4),
      expected: new Float64Array(4),
      p: new Float64Array(4),
      z: new Float64Array(4),
    });
    const counts = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(counts, (c) => {
        const x = Float64Array.from(c);
        const a = out(),
          b = out();
        const total = neighbourhoodExcessInto(x, w, share, a, prep);
        neighbourhoodExcessInto(x, w, share, b);
        expect(b).toEqual(a);
        const members = [
          [0, 1],
          [0, 1, 2],
          [1, 2, 3],
          [2, 3],
        ];
        members.forEach((m, i) => {
          const o = m.reduce((s, j) => s + x[j]!, 0);
          const e = total * share[i]!;
          const tail = o > e ? binomialUpper(o, total, share[i]!) : o < e ? binomialLower(o, total, share[i]!) : 0.5;
          expect(a.observed[i]).toBe(o);
          expect(a.p[i]).toBe(Math.min(1, 2 * tail));
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
