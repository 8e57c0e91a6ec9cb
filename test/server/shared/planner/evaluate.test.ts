// Golden fixtures for every balance metric on hand-drawn 3×3 and 4×4 grids; expected values worked out by hand in the
// comments (1 km squares: a territory of k squares with i inner borders has perimeter 4k − 2i).
import { describe, expect, it } from 'vitest';
import { NORM_DEFAULTS, type Norms } from '../../../../server/contract/coverage.ts';
import { evaluatePlan } from '../../../../server/shared/planner/evaluate.ts';
import { workloadCosts } from '../../../../server/shared/planner/workload.ts';
import type { DistrictModel } from '../../../../server/shared/planner/model.ts';
import { drawn, grid, id, only, post } from './grid.ts';

const three = (n: number) => Array.from({ length: n }, (_, k) => post(k + 1));
/** Each number of `actual` within 1e-12 of the one of `expected`. */
const close = (actual: number[], expected: number[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
};

const evaluate = (model: DistrictModel, picture: string, w = only({ residents: 1 }), norms: Norms = NORM_DEFAULTS) =>
  evaluatePlan(model, workloadCosts(model, w), drawn(model, picture), norms);

describe('3×3, residents 1…9, three posts', () => {
  // 0 0 1     post 0 = {0, 1, 3}: 1 + 2 + 4 = 7 residents
  // 0 2 1     post 1 = {2, 5, 8}: 3 + 6 + 9 = 18
  // 2 2 1     post 2 = {4, 6, 7}: 5 + 7 + 8 = 20; mean per post 15, so workloads 7/15, 18/15, 20/15, ideal 1
  const model = grid(3, 3, { residents: (k) => k + 1, posts: three(3) });
  const m = evaluate(model, '001 021 221');

  it('workloads and deviations from the ideal (the mean over posts)', () => {
    close(
      m.posts.map((p) => p.workload),
      [7 / 15, 18 / 15, 20 / 15],
    );
    expect(m.districts[0]!.ideal).toBeCloseTo(1, 12);
    close(
      m.posts.map((p) => p.deviation),
      [-8 / 15, 3 / 15, 5 / 15],
    );
    expect(m.topToBottom).toBeCloseTo(13 / 15, 12);
    expect(m.maxAbsDeviation).toBeCloseTo(8 / 15, 12);
    expect(m.posts.map((p) => p.residents)).toEqual([7, 18, 20]);
  });

  it('Polsby–Popper: each territory is 3 squares with 2 inner borders, perimeter 8, 4π·3/64', () => {
    expect(m.posts.map((p) => p.perimeterKm)).toEqual([8, 8, 8]);
    expect(m.posts.map((p) => p.areaKm2)).toEqual([3, 3, 3]);
    for (const p of m.posts) expect(p.polsbyPopper).toBeCloseTo((12 * Math.PI) / 64, 12);
  });

  it('cut edges: 4, 3 and 5 per territory, 6 in the plan (12 borders, 6 inner)', () => {
    expect(m.posts.map((p) => p.cutEdges)).toEqual([4, 3, 5]);
    expect(m.cutEdges).toBe(6);
  });

  it('one piece each, no enclave, nothing unassigned', () => {
    expect(m.posts.map((p) => p.pieces)).toEqual([[[100, 101, 103]], [[102, 105, 108]], [[104, 106, 107]]]);
    expect(m.enclaves).toEqual([]);
    expect(m.noncontiguous).toEqual([]);
    expect(m.unassigned).toEqual([]);
  });
});

describe('3×3, the centre alone', () => {
  // 0 0 0   post 1 = {4} is wholly inside post 0: an enclave. Post 0 is a ring of 8 squares with 8 inner borders:
  // 0 1 0   perimeter 32 − 16 = 16 (12 outside + 4 around the hole), Polsby–Popper 4π·8/256 = π/8.
  // 0 0 0
  const model = grid(3, 3, { posts: three(2) });
  const m = evaluate(model, '000 010 000');

  it('is an enclave of the ring, which is one piece', () => {
    expect(m.enclaves).toEqual([{ post: 1, surroundedBy: 0 }]);
    expect(m.posts[0]!.enclaveOf).toBeNull();
    expect(m.posts[0]!.pieces).toHaveLength(1);
  });

  it('ring perimeter 16, Polsby–Popper π/8; the centre π/4; 4 cut edges', () => {
    expect(m.posts[0]!.perimeterKm).toBe(16);
    expect(m.posts[0]!.polsbyPopper).toBeCloseTo(Math.PI / 8, 12);
    expect(m.posts[1]!.polsbyPopper).toBeCloseTo(Math.PI / 4, 12);
    expect(m.cutEdges).toBe(4);
  });

  it('workloads 8/4.5 and 1/4.5 against an ideal of 1: top-to-bottom 14/9', () => {
    close(
      m.posts.map((p) => p.deviation),
      [7 / 9, -7 / 9],
    );
    expect(m.topToBottom).toBeCloseTo(14 / 9, 12);
  });

  it('is no enclave once a neighbour is unassigned', () => {
    expect(evaluate(model, '0.0 010 000').enclaves).toEqual([]);
  });
});

describe('4×4 with pieces, a corner-only contact and an unassigned mahalla', () => {
  // 0 1 1 1   post 0 = {0, 15}: two pieces, zoomable; post 1 = the rest but 5; 5 unassigned.
  // 1 . 1 1   Post 1: 13 squares; inner borders: 24 borders in all, less the 4 of mahalla 5 and the 4 of 0 and 15 = 16,
  // 1 1 1 1   so perimeter 52 − 32 = 20 and Polsby–Popper 4π·13/400.
  // 1 1 1 0   Cut edges in the plan: the 8 borders around 0, 5 and 15.
  const model = grid(4, 4, { posts: three(2) });
  const m = evaluate(model, '0111 1.11 1111 1110');

  it('counts the pieces and lists their mahallas, largest first', () => {
    expect(m.posts[0]!.pieces).toEqual([[id(0)], [id(15)]]);
    expect(m.posts[1]!.pieces).toHaveLength(1);
    expect(m.noncontiguous).toEqual([0]);
  });

  it('lists the unassigned mahalla and counts cut edges with it', () => {
    expect(m.unassigned).toEqual([id(5)]);
    expect(m.cutEdges).toBe(8);
    expect(m.posts[1]!.perimeterKm).toBe(20);
    expect(m.posts[1]!.polsbyPopper).toBeCloseTo((4 * Math.PI * 13) / 400, 12);
  });

  it('ignores corner-only contacts: two diagonal squares are two pieces', () => {
    expect(evaluate(model, '0111 1011 1111 1111').posts[0]!.pieces).toEqual([[id(0)], [id(5)]]);
  });

  it('two inner squares surrounded by one post are an enclave', () => {
    expect(evaluate(model, '0000 0110 0000 0000').enclaves).toEqual([{ post: 1, surroundedBy: 0 }]);
  });
});

describe('every part of the index', () => {
  it('weights incidents by category: person 1, fraud 3', () => {
    // incidents [person, fraud]: mahalla 0 [2, 0] → 2, mahalla 1 [0, 1] → 3; district 5 for 2 posts: 2.5 a post
    const model = grid(1, 2, {
      categories: ['person', 'fraud'],
      incidents: (k) => (k === 0 ? [2, 0] : [0, 1]),
      posts: three(2),
    });
    const m = evaluate(model, '01', only({ incidents: 1, categories: { fraud: 3 } }));
    close(
      m.posts.map((p) => p.workload),
      [2 / 2.5, 3 / 2.5],
    );
    expect(m.posts.map((p) => p.incidents)).toEqual([2, 1]);
  });

  it('adds applications, joint actions and area in their shares', () => {
    // applications 1, 3 (2 a post); joint actions 0, 4 (2 a post); area 1, 1 (1 a post); weights ½, ¼, ¼ after norming
    const model = grid(1, 2, { applications: (k) => 1 + 2 * k, jointActions: (k) => 4 * k, posts: three(2) });
    const m = evaluate(model, '01', only({ applications: 2, jointActions: 1, areaKm2: 1 }));
    expect(m.posts[0]!.workload).toBeCloseTo(0.5 * 0.5 + 0.25 * 0 + 0.25 * 1, 12);
    expect(m.posts[1]!.workload).toBeCloseTo(0.5 * 1.5 + 0.25 * 2 + 0.25 * 1, 12);
  });

  it('measures distance from the base point along a meridian: 0.01° of latitude is 1.11195 km', () => {
    // one column of three at lat 41, 40.99, 40.98 and the base point at lat 41: 0, 1.11195, 2.22390 km
    const model = grid(3, 1, { posts: [post(1)] });
    const m = evaluate(model, '000', only({ distanceKm: 1 }));
    const km = (6371.0088 * Math.PI) / 18000;
    expect(m.posts[0]!.meanDistanceKm).toBe(Math.round(km * 100) / 100);
    expect(m.posts[0]!.maxDistanceKm).toBe(Math.round(2 * km * 100) / 100);
    expect(m.posts[0]!.workload).toBeCloseTo(1, 12);
  });

  it('flags overloads exactly as the Coverage page: 20 residents over a norm of 10', () => {
    const model = grid(2, 2, { residents: () => 5, posts: three(2) });
    const m = evaluate(model, '00 01', only({ residents: 1 }), { ...NORM_DEFAULTS, normResidents: 10 });
    expect(m.posts[0]!.flags).toEqual([
      { norm: 'normResidents', value: 15, limit: 10, reason: '15 residents, norm 10' },
    ]);
    expect(m.posts[1]!.flags).toEqual([]);
    expect(m.overloaded).toBe(1);
  });
});
