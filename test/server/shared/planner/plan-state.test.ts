// PlanState: strokes keep every metric equal to a full evaluation, undo/redo round-trip exactly, the rules of painting
// (district border, pins, locks) hold, a preview predicts the stroke without making it, history survives a reload.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NORM_DEFAULTS } from '../../../../server/contract/coverage.ts';
import { evaluatePlan, type PlanMetrics } from '../../../../server/shared/planner/evaluate.ts';
import { deltaFromJson, deltaToJson } from '../../../../server/shared/planner/history.ts';
import { UNASSIGNED } from '../../../../server/shared/planner/model.ts';
import { PlanState } from '../../../../server/shared/planner/plan-state.ts';
import { DEFAULT_WEIGHTS, workloadCosts } from '../../../../server/shared/planner/workload.ts';
import { drawn, grid, post } from './grid.ts';

// Two districts side by side on a 4×6 grid: columns 0–2 are district A (posts 0, 1), 3–5 district B (posts 2, 3).
const model = grid(4, 6, {
  residents: (k) => 500 + ((k * 37) % 11) * 100,
  incidents: (k) => [(k * 7) % 5, (k * 3) % 4],
  categories: ['person', 'fraud'],
  applications: (k) => k % 3,
  jointActions: (k) => (k % 4 === 0 ? 2 : 0),
  district: (k) => (k % 6 < 3 ? 'A' : 'B'),
  posts: [
    post(1, 'A'),
    post(2, 'A'),
    { ...post(3, 'B'), lon: 69.05 },
    { inspectorId: null, district: 'B', lon: 69.04, lat: 40.98 },
  ],
});
const costs = workloadCosts(model, DEFAULT_WEIGHTS);
const start = drawn(model, '001223 011233 011.33 001223');
const fresh = (): PlanState => new PlanState(model, costs, start, NORM_DEFAULTS);

/** Metrics with floats to 9 digits: incremental sums and a fresh sum differ in the last bits only. */
const rounded = (m: PlanMetrics): unknown =>
  JSON.parse(JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));

const strokeArb = fc.record({
  mahallas: fc.uniqueArray(fc.integer({ min: 0, max: model.n - 1 }), { minLength: 1, maxLength: 5 }),
  post: fc.integer({ min: -1, max: model.p - 1 }),
});

describe('PlanState', () => {
  it('keeps every metric equal to a full evaluation after each stroke, undo and redo', () => {
    fc.assert(
      fc.property(fc.array(strokeArb, { maxLength: 12 }), fc.nat(12), (strokes, undos) => {
        const s = fresh();
        for (const k of strokes) {
          s.paint(k.mahallas, k.post);
          expect(rounded(s.metrics())).toEqual(rounded(evaluatePlan(model, costs, s.plan, NORM_DEFAULTS)));
        }
        for (let i = 0; i < undos; i++) s.undo();
        expect(rounded(s.metrics())).toEqual(rounded(evaluatePlan(model, costs, s.plan, NORM_DEFAULTS)));
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('undoing every stroke gives back the starting plan, redoing every one the painted plan', () => {
    fc.assert(
      fc.property(fc.array(strokeArb, { minLength: 1, maxLength: 15 }), (strokes) => {
        const s = fresh();
        for (const k of strokes) s.paint(k.mahallas, k.post);
        const painted = s.plan.slice();
        while (s.undo());
        expect(s.plan).toEqual(start);
        while (s.redo());
        expect(s.plan).toEqual(painted);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('never paints across the district border, over a pin or into or out of a locked post', () => {
    const s = fresh();
    s.pin(2);
    s.lock(1);
    // 3 is in district B; 2 is pinned; 7 belongs to locked post 1; 0 has post 0 already
    const stroke = s.paint([3, 2, 7, 0], 0);
    expect(stroke.skipped).toEqual([
      { mahalla: 3, reason: 'other-district' },
      { mahalla: 2, reason: 'pinned' },
      { mahalla: 7, reason: 'locked' },
    ]);
    expect(Array.from(stroke.delta.mahallas)).toEqual([]);
    expect(s.paint([6], 1).skipped).toEqual([{ mahalla: 6, reason: 'locked' }]);
    expect(s.erase([7]).skipped).toEqual([{ mahalla: 7, reason: 'locked' }]);
    s.lock(1, false);
    expect(Array.from(s.paint([7], 0).delta.mahallas)).toEqual([7]);
  });

  it('a stroke beside a territory it does not touch updates whether that territory is an enclave', () => {
    // 0 2 0   the centre (post 1) is not surrounded while mahalla 1 is post 2's; painting 1 into post 0 encloses it
    // 0 1 0
    // 0 0 0
    const small = grid(3, 3, { posts: [post(1), post(2), post(3)] });
    const c = workloadCosts(small, DEFAULT_WEIGHTS);
    const s = new PlanState(small, c, drawn(small, '020 010 000'), NORM_DEFAULTS);
    expect(s.metrics().enclaves).toEqual([]);
    s.paint([1], 0);
    expect(s.metrics().enclaves).toEqual([{ post: 1, surroundedBy: 0 }]);
    s.undo();
    expect(s.metrics().enclaves).toEqual([]);
  });

  it('weighs again and judges against new norms without losing the plan or its history', () => {
    const s = fresh();
    s.paint([0, 6], 1);
    const heavier = workloadCosts(model, { ...DEFAULT_WEIGHTS, residents: 1, distanceKm: 0.5 });
    const strict = { ...NORM_DEFAULTS, normResidents: 1000 };
    s.reweigh(heavier);
    s.setNorms(strict);
    expect(rounded(s.metrics())).toEqual(rounded(evaluatePlan(model, heavier, s.plan, strict)));
    expect(s.metrics().overloaded).toBeGreaterThan(0);
    s.undo();
    expect(s.plan).toEqual(start);
    expect(rounded(s.metrics())).toEqual(rounded(evaluatePlan(model, heavier, start, strict)));
  });

  it('erases to unassigned and a new stroke clears the redo stack', () => {
    const s = fresh();
    s.erase([0, 1]);
    expect(s.plan[0]).toBe(UNASSIGNED);
    expect(s.metrics().unassigned).toEqual([100, 101, 115]);
    s.undo();
    s.paint([2], 0);
    expect(s.redo()).toBeNull();
  });

  it('previews what a stroke would do to the posts it touches, without doing it', () => {
    fc.assert(
      fc.property(strokeArb, (k) => {
        const s = fresh();
        const preview = s.preview(k.mahallas, k.post);
        expect(s.plan).toEqual(start);
        const before = s.metrics();
        s.paint(k.mahallas, k.post);
        const after = s.metrics();
        for (const row of preview.posts) {
          expect(row.before.workload).toBeCloseTo(before.posts[row.post]!.workload, 9);
          expect(row.after.workload).toBeCloseTo(after.posts[row.post]!.workload, 9);
          expect(row.after.deviation).toBeCloseTo(after.posts[row.post]!.deviation, 9);
          expect(row.after.mahallas).toBe(after.posts[row.post]!.mahallas);
          expect(row.after.residents).toBe(after.posts[row.post]!.residents);
        }
        const changed = after.posts.filter((p, i) => p.mahallas !== before.posts[i]!.mahallas).map((p) => p.post);
        expect(preview.posts.map((r) => r.post)).toEqual(expect.arrayContaining(changed));
      }),
      { numRuns: 100, seed: 14 },
    );
  });

  it('keeps its undo history across a reload as JSON, and refuses a history that does not lead to the plan', () => {
    const s = fresh();
    s.paint([0, 6], 1);
    s.paint([5], 2);
    s.undo();
    const json = JSON.stringify({
      done: s.history().done.map((d) => deltaToJson(model, d)),
      undone: s.history().undone.map((d) => deltaToJson(model, d)),
    });
    const kept = JSON.parse(json) as {
      done: Parameters<typeof deltaFromJson>[1][];
      undone: Parameters<typeof deltaFromJson>[1][];
    };
    const reloaded = new PlanState(model, costs, s.plan, NORM_DEFAULTS);
    reloaded.restoreHistory({
      done: kept.done.map((d) => deltaFromJson(model, d)),
      undone: kept.undone.map((d) => deltaFromJson(model, d)),
    });
    reloaded.redo();
    expect(reloaded.plan[5]).toBe(2);
    while (reloaded.undo());
    expect(reloaded.plan).toEqual(start);

    const other = fresh();
    expect(() => other.restoreHistory({ done: kept.done.map((d) => deltaFromJson(model, d)), undone: [] })).toThrow(
      /does not lead to this plan/,
    );
    expect(other.history()).toEqual({ done: [], undone: [] });
  });
});
