// The editor's pure helpers: a version's posts and assignments become a model and a plan, the plan becomes the save
// body again, neighbouring territories get different colours, and the local copy (plan, undo history, locks, pins)
// survives a JSON round trip and rebuilds the same PlanState.
import { describe, expect, it } from 'vitest';
import { PlanState } from '../../server/shared/planner/plan-state.ts';
import { DEFAULT_WEIGHTS, workloadCosts } from '../../server/shared/planner/workload.ts';
import { NORM_DEFAULTS } from '../../server/contract/coverage.ts';
import {
  buildEditorModel,
  fromLocal,
  localCopy,
  planFromAssignments,
  postSlots,
  saveBody,
} from '../../web/views/planner/plan-model.ts';
import type { PlannerModelJson, VersionDetail } from '../../web/queries/territories.ts';

// Four 1 km squares in a row: 1 | 2 | 3 | 4.
const mahalla = (id: number) => ({
  id,
  district: '1726294',
  residents: 1000 * id,
  incidents: [id],
  applications: 0,
  jointActions: 0,
  areaKm2: 1,
  perimeterKm: 4,
  lon: 69 + id / 100,
  lat: 41,
});
const json = {
  district: '1726294',
  period: { from: '2026-08-01', to: '2026-10-29' },
  mahallas: [1, 2, 3, 4].map(mahalla),
  adjacency: { a: [1, 2, 3], b: [2, 3, 4], sharedKm: [1, 1, 1] },
  categories: ['theft'],
  days: 90,
  bases: [{ inspectorId: 70, district: '1726294', lon: 69.01, lat: 41 }],
} as unknown as PlannerModelJson;
const posts = [
  { id: 70, inspector: 70, label: null },
  { id: 71, inspector: null, label: 'Vacant post 71' },
];
const detail = { name: 'Draft', reason: 'why', posts } as unknown as VersionDetail;

describe('planner page model', () => {
  it('places an inspector at their base point and a vacant post at the mean base point', () => {
    const model = buildEditorModel(json, posts);
    expect(model.p).toBe(2);
    expect([model.postLon[0], model.postLon[1]]).toEqual([69.01, 69.01]);
    expect(Array.from(model.inspector)).toEqual([70, -1]);
  });

  it('reads assignments by post number and writes them back, unknown posts left unassigned', () => {
    const model = buildEditorModel(json, posts);
    const plan = planFromAssignments(model, posts, [
      { mahalla: 1, post: 70 },
      { mahalla: 2, post: 70 },
      { mahalla: 3, post: 71 },
      { mahalla: 4, post: 99 },
    ]);
    expect(Array.from(plan)).toEqual([0, 0, 1, -1]);
    expect(saveBody(model, detail, plan, 5)).toEqual({
      name: 'Draft',
      reason: 'why',
      version: 5,
      posts,
      assignments: [
        { mahalla: 1, post: 70 },
        { mahalla: 2, post: 70 },
        { mahalla: 3, post: 71 },
      ],
    });
  });

  it('gives neighbouring territories different colours', () => {
    const model = buildEditorModel(json, posts);
    const slots = postSlots(model, Int32Array.of(0, 0, 1, 1));
    expect(slots[0]).not.toBe(slots[1]);
  });

  it('keeps the plan, its undo history, locks and pins through a JSON round trip', () => {
    const model = buildEditorModel(json, posts);
    const costs = workloadCosts(model, DEFAULT_WEIGHTS);
    const s = new PlanState(model, costs, Int32Array.of(0, 0, 1, 1), NORM_DEFAULTS);
    s.paint([1], 1);
    s.paint([0], -1);
    s.undo();
    s.lock(1);
    s.pin(3);
    const copy = JSON.parse(JSON.stringify(localCopy(model, s.plan, s.history(), 4, s.locked, s.pinned))) as ReturnType<
      typeof localCopy
    >;
    expect(copy.version).toBe(4);
    expect(copy.locked).toEqual([1]);
    expect(copy.pinned).toEqual([4]);
    const back = fromLocal(model, copy);
    expect(Array.from(back.plan)).toEqual([0, 1, 1, 1]);
    const t = new PlanState(model, costs, back.plan, NORM_DEFAULTS);
    t.restoreHistory(back.history);
    t.redo();
    expect(Array.from(t.plan)).toEqual([-1, 1, 1, 1]);
    t.undo();
    t.undo();
    expect(Array.from(t.plan)).toEqual([0, 0, 1, 1]);
  });
});
