// The proposer on random grid districts (fast-check): every proposal contiguous, locks and pins kept, districts never
// crossed, within ε whenever it says feasible, the same for the same seed, infeasibility reported with its causes; a
// district where a balanced plan is known to exist is always balanced; three proposals differ where there is room.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NORM_DEFAULTS } from '../../../../server/contract/coverage.ts';
import { evaluatePlan } from '../../../../server/shared/planner/evaluate.ts';
import { UNASSIGNED, type DistrictModel, type Plan } from '../../../../server/shared/planner/model.ts';
import { greedyBaseline, propose, proposeWith, type PlanOutcome } from '../../../../server/shared/planner/propose.ts';
import { workloadCosts } from '../../../../server/shared/planner/workload.ts';
import { drawn, grid, id, only, post } from './grid.ts';

const residentsOnly = only({ residents: 1 });
const FAST = { stepsPerMahalla: 80 };

interface Instance {
  model: DistrictModel;
  plan: Plan;
  locked: number[];
  pinned: number[];
  epsilon: number;
  seed: number;
}

/** Random grids of one or two districts (left and right halves), 2–3 posts each, a random (often broken) plan. */
const instanceArb = fc
  .record({
    rows: fc.integer({ min: 3, max: 5 }),
    cols: fc.integer({ min: 3, max: 6 }),
    two: fc.boolean(),
    postsPer: fc.integer({ min: 2, max: 3 }),
    residents: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 30, maxLength: 30 }),
    plan: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 30, maxLength: 30 }),
    locks: fc.array(
      fc.integer({ min: 0, max: 4 }).map((v) => v === 0),
      { minLength: 6, maxLength: 6 },
    ),
    pins: fc.uniqueArray(fc.nat(29), { maxLength: 3 }),
    epsilon: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
    seed: fc.nat(),
  })
  .map((r): Instance => {
    const half = Math.ceil(r.cols / 2);
    const districtOf = (k: number): string => (r.two && k % r.cols >= half ? 'R' : 'L');
    const districts = r.two ? ['L', 'R'] : ['L'];
    const posts = districts.flatMap((d) => Array.from({ length: r.postsPer }, (_, i) => post(i + 1, d)));
    const model = grid(r.rows, r.cols, { residents: (k) => r.residents[k]!, district: districtOf, posts });
    const plan = Int32Array.from({ length: model.n }, (_, k) => {
      const v = r.plan[k]!;
      return v === -1 ? UNASSIGNED : (districtOf(k) === 'R' ? r.postsPer : 0) + (v % r.postsPer);
    });
    return {
      model,
      plan,
      locked: r.locks.slice(0, model.p).flatMap((l, k) => (l ? [k] : [])),
      pinned: r.pins.filter((m) => m < model.n),
      epsilon: r.epsilon,
      seed: r.seed,
    };
  });

const run = (x: Instance) =>
  propose(x.model, workloadCosts(x.model, residentsOnly), x.plan, {
    epsilon: x.epsilon,
    seed: x.seed,
    locked: x.locked,
    pinned: x.pinned,
    anneal: FAST,
  });

/** The hard rules every outcome keeps, whatever else it reports. */
function keepsTheRules(x: Instance, o: PlanOutcome, pinned: readonly number[] = x.pinned): void {
  const { model } = x;
  const m = evaluatePlan(model, workloadCosts(model, residentsOnly), o.plan, NORM_DEFAULTS);
  for (let k = 0; k < model.n; k++) {
    const p = o.plan[k]!;
    if (p !== UNASSIGNED) expect(model.postDistrict[p]).toBe(model.district[k]);
    if (pinned.includes(k)) expect(p).toBe(x.plan[k]);
    if (x.plan[k] !== UNASSIGNED && x.locked.includes(x.plan[k]!)) expect(p).toBe(x.plan[k]);
    if (p !== UNASSIGNED && x.locked.includes(p)) expect(x.plan[k]).toBe(p);
  }
  const excused = new Set(
    o.infeasible
      .filter((i) => i.reason === 'locked-in-pieces' || i.reason === 'pinned-in-pieces')
      .flatMap((i) => i.posts),
  );
  for (const p of m.noncontiguous) expect(excused).toContain(p);
  if (o.feasible) {
    expect(m.maxAbsDeviation).toBeLessThanOrEqual(x.epsilon + 1e-9);
    expect(m.noncontiguous).toEqual([]);
    expect(m.unassigned.every((mid) => pinned.includes(model.index.get(mid)!))).toBe(true);
    expect(o.infeasible).toEqual([]);
  } else {
    expect(o.infeasible.length).toBeGreaterThan(0);
    for (const i of o.infeasible) expect(i.text.length).toBeGreaterThan(10);
  }
}

describe('propose', () => {
  it('keeps every rule in every proposal and in the greedy baseline', () => {
    fc.assert(
      fc.property(instanceArb, (x) => {
        for (const p of run(x)) keepsTheRules(x, p, p.params.pinned);
        keepsTheRules(
          x,
          greedyBaseline(x.model, workloadCosts(x.model, residentsOnly), x.plan, {
            epsilon: x.epsilon,
            seed: 0,
            locked: x.locked,
            pinned: x.pinned,
          }),
        );
      }),
      { numRuns: 40, seed: 120 },
    );
  });

  it('gives the same proposals for the same seed, and each proposal again from its params', () => {
    fc.assert(
      fc.property(instanceArb, (x) => {
        const costs = workloadCosts(x.model, residentsOnly);
        const a = run(x),
          b = run(x);
        expect(a.map((p) => Array.from(p.plan))).toEqual(b.map((p) => Array.from(p.plan)));
        for (const p of a)
          expect(Array.from(proposeWith(x.model, costs, x.plan, x.plan, p.params).plan)).toEqual(Array.from(p.plan));
      }),
      { numRuns: 12, seed: 121 },
    );
  });

  it('always balances a district where a balanced plan exists, moving few mahallas', () => {
    // Columns of a 4×5 grid are a plan with every post at exactly the ideal; the plan in force is that plan with a
    // few random border moves. Within ε = 10 % must be found.
    const arb = fc.record({
      residents: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 15, maxLength: 15 }),
      moves: fc.array(fc.nat(19), { minLength: 1, maxLength: 4 }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ residents, moves, seed }) => {
        // rows 0–2 random, row 3 tops every column up to 40 residents
        const res = (k: number): number =>
          k < 15 ? residents[k]! : 40 - [0, 5, 10].reduce((s, r) => s + residents[r + (k % 5)]!, 0);
        const model = grid(4, 5, { residents: res, posts: [1, 2, 3, 4, 5].map((i) => post(i)) });
        const plan = Int32Array.from({ length: 20 }, (_, k) => k % 5);
        for (const m of moves) plan[m] = Math.min(4, (m % 5) + 1);
        const costs = workloadCosts(model, residentsOnly);
        const out = propose(model, costs, plan, { epsilon: 0.1, seed });
        for (const p of out) {
          expect(p.feasible).toBe(true);
          expect(p.maxAbsDeviation).toBeLessThanOrEqual(0.1 + 1e-9);
          expect(evaluatePlan(model, costs, p.plan, NORM_DEFAULTS).noncontiguous).toEqual([]);
        }
        expect(out[0]!.moved.length).toBeLessThanOrEqual(2 * moves.length);
      }),
      { numRuns: 25, seed: 122 },
    );
  });

  it('moves no more mahallas than the greedy baseline and balances at least as well where a balanced plan exists', () => {
    // The same family: the greedy baseline often walks a longer way round, or stops short of the band.
    const arb = fc.record({
      residents: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 15, maxLength: 15 }),
      moves: fc.array(fc.nat(19), { minLength: 1, maxLength: 6 }),
      seed: fc.nat(),
      epsilon: fc.constantFrom(0.1, 0.2),
    });
    let fewer = 0;
    fc.assert(
      fc.property(arb, ({ residents, moves, seed, epsilon }) => {
        const res = (k: number): number =>
          k < 15 ? residents[k]! : 40 - [0, 5, 10].reduce((s, r) => s + residents[r + (k % 5)]!, 0);
        const model = grid(4, 5, { residents: res, posts: [1, 2, 3, 4, 5].map((i) => post(i)) });
        const plan = Int32Array.from({ length: 20 }, (_, k) => k % 5);
        for (const m of moves) plan[m] = Math.min(4, (m % 5) + 1);
        const costs = workloadCosts(model, residentsOnly);
        const [p] = propose(model, costs, plan, { epsilon, seed, anneal: FAST });
        const g = greedyBaseline(model, costs, plan, { epsilon, seed });
        expect(p!.outside).toBeLessThanOrEqual(g.outside);
        expect(p!.moved.length).toBeLessThanOrEqual(g.moved.length);
        if (p!.moved.length < g.moved.length) fewer++;
      }),
      { numRuns: 40, seed: 123 },
    );
    // …and on many of them strictly fewer
    expect(fewer).toBeGreaterThan(10);
  });

  it('is never beaten by the greedy baseline on every count in a district', () => {
    fc.assert(
      fc.property(instanceArb, (x) => {
        const costs = workloadCosts(x.model, residentsOnly);
        const o = { epsilon: x.epsilon, seed: x.seed, locked: x.locked, pinned: x.pinned, anneal: FAST };
        for (const code of x.model.districts) {
          const g = greedyBaseline(x.model, costs, x.plan, { ...o, districts: [code] });
          for (const p of propose(x.model, costs, x.plan, { ...o, districts: [code] })) {
            const beaten =
              g.outside <= p.outside &&
              g.maxAbsDeviation <= p.maxAbsDeviation + 1e-9 &&
              g.moved.length <= p.moved.length &&
              (g.outside < p.outside ||
                g.maxAbsDeviation < p.maxAbsDeviation - 1e-9 ||
                g.moved.length < p.moved.length);
            expect(beaten).toBe(false);
          }
        }
      }),
      { numRuns: 30, seed: 124 },
    );
  });

  it('names the mahalla that alone outweighs the band, and reports the best deviation reached', () => {
    // 3×3 of residents 1 but the centre with 20: the ideal for 3 posts is 28/3 ≈ 9.33, far below 20.
    const model = grid(3, 3, { residents: (k) => (k === 4 ? 20 : 1), posts: [post(1), post(2), post(3)] });
    const [p] = propose(model, workloadCosts(model, residentsOnly), drawn(model, '001 021 221'), {
      epsilon: 0.1,
      seed: 3,
    });
    expect(p!.feasible).toBe(false);
    expect(p!.infeasible.find((i) => i.reason === 'mahalla-outweighs-band')?.mahallas).toEqual([id(4)]);
    expect(p!.infeasible.find((i) => i.reason === 'not-found')?.text).toMatch(/largest deviation reached is \d+\.\d %/);
    expect(p!.maxAbsDeviation).toBeGreaterThan(0.1);
  });

  it('reports a locked post outside the band and pins that outweigh it', () => {
    const model = grid(3, 3, { posts: [post(1), post(2), post(3)] });
    const costs = workloadCosts(model, residentsOnly);
    const plan = drawn(model, '000 001 122');
    const locked = propose(model, costs, plan, { epsilon: 0.1, seed: 1, locked: [0] })[0]!;
    expect(locked.infeasible.map((i) => i.reason)).toContain('locked-out-of-band');
    const pinned = propose(model, costs, plan, { epsilon: 0.1, seed: 1, pinned: [0, 1, 2, 3, 4] })[0]!;
    expect(pinned.infeasible.find((i) => i.reason === 'pins-outweigh-band')?.mahallas).toEqual([0, 1, 2, 3, 4].map(id));
  });

  it('reports mahallas no post may take', () => {
    // post 0 (locked) walls off the right column from post 1
    const model = grid(3, 3, { posts: [post(1), post(2)] });
    const out = propose(model, workloadCosts(model, residentsOnly), drawn(model, '10. 10. 10.'), {
      epsilon: 0.5,
      seed: 1,
      locked: [0],
    })[0]!;
    expect(out.infeasible.find((i) => i.reason === 'unreachable')?.mahallas).toEqual([id(2), id(5), id(8)]);
  });

  it('offers three different plans where there is room', () => {
    const model = grid(5, 6, { residents: (k) => 3 + ((k * 7) % 5), posts: [1, 2, 3, 4, 5].map((i) => post(i)) });
    const plan = drawn(model, '001122 001122 033442 333444 333444');
    const out = propose(model, workloadCosts(model, residentsOnly), plan, { epsilon: 0.15, seed: 9 });
    expect(out.map((p) => p.kind)).toEqual(['fewest-changes', 'most-even', 'most-compact']);
    expect(out.map((p) => p.sameAs)).toEqual([null, null, null]);
    const keys = new Set(out.map((p) => Array.from(p.plan).join()));
    expect(keys.size).toBe(3);
    for (const p of out) expect(p.feasible).toBe(true);
  });
});
