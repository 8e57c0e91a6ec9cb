// The planner's model follows the plan in force from its effective day: once a version moving mahalla 2 of Yakkasaroy
// to a vacant post is approved from 2024-03-15, the model of a period ending on or after that day starts from it (the
// proposer counts moves from it), the model of an earlier period keeps the plan of then, as coverage does.
import { describe, expect, it } from 'vitest';
import { loadModelInForce } from '../../../server/services/planner/district-model.ts';
import { movedBetween } from '../../../server/shared/planner/model.ts';
import { greedyBaseline } from '../../../server/shared/planner/propose.ts';
import { DEFAULT_WEIGHTS, workloadCosts } from '../../../server/shared/planner/workload.ts';
import { okBody } from '../../fixtures/api/fixture-app.ts';
import { YAKKASAROY, approvedVacantPost, givenTerritories } from './territories-given.ts';

const BEFORE = { from: '2024-03-01', to: '2024-03-14' };
const AFTER = { from: '2024-03-01', to: '2024-03-31' };

describe('the planner model and the plan in force', () => {
  it('starts from the approved version once it is in force, and from the plan of then before', async () => {
    const w = await givenTerritories();
    const model = (period: typeof BEFORE) =>
      loadModelInForce(w.db, w.store, { districts: [YAKKASAROY], period }).then((m) => Array.from(m.inForce));
    // Inspector 1 (post 0) covers mahallas 1 and 2 in version 1.
    expect([await model(BEFORE), await model(AFTER)]).toEqual([
      [0, 0],
      [0, 0],
    ]);
    await approvedVacantPost(w);
    // From 2024-03-15 mahalla 2 belongs to a vacant post: inspector 1 covers mahalla 1 alone.
    expect([await model(BEFORE), await model(AFTER)]).toEqual([
      [0, 0],
      [0, -1],
    ]);
    // An explicit day decides over the period's end.
    const onDay = await loadModelInForce(w.db, w.store, { districts: [YAKKASAROY], period: AFTER, day: '2024-03-14' });
    expect(Array.from(onDay.inForce)).toEqual([0, 0]);
    // Coverage of the same period agrees with the model.
    const c = await okBody(await w.api('admin').coverage.$get({ query: { ...AFTER, district: YAKKASAROY } }));
    expect(c.inspectors.mahallas).toEqual([1]);
    // The baseline counts moves from the new plan: giving mahalla 2 to inspector 1 again is one move from it.
    const { model: m, inForce } = await loadModelInForce(w.db, w.store, { districts: [YAKKASAROY], period: AFTER });
    const g = greedyBaseline(m, workloadCosts(m, DEFAULT_WEIGHTS), inForce, { epsilon: 0.1, seed: 1 });
    expect(movedBetween(g.plan, inForce).length).toBe(g.moved.length);
    expect(g.moved).toEqual([2]);
  });
});
