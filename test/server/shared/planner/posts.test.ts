// Changing the number of posts: vacant posts added at the common base point, vacant posts removed first, plans carried
// over (a removed post's mahallas unassigned), and the proposer giving a new post a whole territory.
import { describe, expect, it } from 'vitest';
import { NORM_DEFAULTS } from '../../../../server/contract/coverage.ts';
import { evaluatePlan } from '../../../../server/shared/planner/evaluate.ts';
import { UNASSIGNED, VACANT } from '../../../../server/shared/planner/model.ts';
import { resizePosts } from '../../../../server/shared/planner/posts.ts';
import { propose } from '../../../../server/shared/planner/propose.ts';
import { workloadCosts } from '../../../../server/shared/planner/workload.ts';
import { drawn, grid, only, post } from './grid.ts';

describe('resizePosts', () => {
  it('adds a vacant post at the base point most posts share, and the proposer gives it a whole territory', () => {
    const model = grid(3, 4, { posts: [post(1), { ...post(2), lon: 69.03 }, post(3)] });
    const plan = drawn(model, '0011 0011 2211');
    const { model: m2, plans, added } = resizePosts(model, [plan], 'D', 4);
    expect(added).toEqual([3]);
    expect(m2.p).toBe(4);
    expect(m2.inspector[3]).toBe(VACANT);
    expect([m2.postLon[3], m2.postLat[3]]).toEqual([69, 41]);
    expect(Array.from(plans[0]!)).toEqual(Array.from(plan));
    const costs = workloadCosts(m2, only({ residents: 1 }));
    for (const p of propose(m2, costs, plans[0]!, { epsilon: 0.2, seed: 4 })) {
      const m = evaluatePlan(m2, costs, p.plan, NORM_DEFAULTS);
      expect(m.posts[3]!.mahallas).toBe(3);
      expect(m.noncontiguous).toEqual([]);
      expect(p.feasible).toBe(true);
    }
  });

  it('removes vacant posts first, then the post with the fewest mahallas, and unassigns their mahallas', () => {
    const model = grid(2, 3, { posts: [post(1), post(null), post(3), post(4)] });
    const plan = drawn(model, '001 223');
    const one = resizePosts(model, [plan], 'D', 3);
    expect(one.removed).toEqual([1]);
    expect(Array.from(one.plans[0]!)).toEqual([0, 0, UNASSIGNED, 1, 1, 2]);
    const two = resizePosts(model, [plan], 'D', 2);
    expect(two.removed).toEqual([1, 3]);
    expect(Array.from(two.plans[0]!)).toEqual([0, 0, UNASSIGNED, 1, 1, UNASSIGNED]);
    expect(Array.from(two.model.inspector)).toEqual([1, 3]);
  });

  it('refuses a count below 1 and an unknown district', () => {
    const model = grid(1, 2, { posts: [post(1)] });
    expect(() => resizePosts(model, [], 'D', 0)).toThrow(/at least 1/);
    expect(() => resizePosts(model, [], 'X', 1)).toThrow(/not in the model/);
  });
});
