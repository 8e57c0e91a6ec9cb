// Trimming moves after a search (trim.ts) on hand-drawn grids: a swap of two mahallas between two posts goes back only
// as a pair (each alone would push both posts out of the band); nothing goes back that would leave a post in pieces,
// raise the largest deviation above the cap, or touch a pinned mahalla.
import { describe, expect, it } from 'vitest';
import { DistrictSearch } from '../../../../server/shared/planner/district-search.ts';
import type { DistrictModel, Plan } from '../../../../server/shared/planner/model.ts';
import { VARIANTS } from '../../../../server/shared/planner/propose.ts';
import { Scratch, Territories } from '../../../../server/shared/planner/territories.ts';
import { trim } from '../../../../server/shared/planner/trim.ts';
import { workloadCosts } from '../../../../server/shared/planner/workload.ts';
import { drawn, grid, only, post } from './grid.ts';

const fewest = VARIANTS[0]!.objective;

function search(model: DistrictModel, current: Plan, inForce: Plan, epsilon: number, pinned: number[] = []) {
  const pins = new Uint8Array(model.n);
  for (const m of pinned) pins[m] = 1;
  const t = new Territories(model, workloadCosts(model, only({ residents: 1 })), current);
  const rules = { locked: new Uint8Array(model.p), pinned: pins, inForce, epsilon };
  return new DistrictSearch(t, 0, rules, new Scratch(model.n));
}

describe('trim', () => {
  // 2×2, equal residents: in force the columns (post 0 left, post 1 right); now the rows, two mahallas swapped.
  const model = grid(2, 2, { posts: [post(1), post(2)] });
  const inForce = drawn(model, '01 01');
  const rows = drawn(model, '00 11');

  it('hands a swap back as a pair, never one mahalla alone', () => {
    const alone = search(model, rows, inForce, 0.1);
    trim(alone, fewest, 1);
    expect(Array.from(alone.t.plan)).toEqual(Array.from(rows));
    expect(alone.moved).toBe(2);
    const pair = search(model, rows, inForce, 0.1);
    trim(pair, fewest);
    expect(Array.from(pair.t.plan)).toEqual(Array.from(inForce));
    expect(pair.moved).toBe(0);
  });

  it('keeps a pinned mahalla where it is, and so its partner', () => {
    const ds = search(model, rows, inForce, 0.1, [1]);
    trim(ds, fewest);
    expect(Array.from(ds.t.plan)).toEqual(Array.from(rows));
  });

  it('hands back what the band allows, within the cap', () => {
    // 1×4 row, residents 1: in force 0001 (3 against 1: ±50 %), now 0011 (even), mahalla 2 moved.
    const row = grid(1, 4, { posts: [post(1), post(2)] });
    const was = drawn(row, '0001');
    const now = drawn(row, '0011');
    const wide = search(row, now, was, 0.6);
    trim(wide, fewest);
    expect([wide.moved, wide.maxAbs]).toEqual([0, 0.5]);
    const capped = search(row, now, was, 0.6);
    trim(capped, fewest, 3, 0.1);
    expect(Array.from(capped.t.plan)).toEqual(Array.from(now));
    // In a band of ±25 % the hand-back would push both posts out of it.
    const narrow = search(row, now, was, 0.25);
    trim(narrow, fewest);
    expect(narrow.moved).toBe(1);
  });

  it('never leaves a post in pieces', () => {
    // in force post 0 holds both ends of a 1×3 row; now the right end is post 1's: giving it back would split post 0
    const row = grid(1, 3, { posts: [post(1), post(2)] });
    const ds = search(row, drawn(row, '011'), drawn(row, '010'), 5);
    trim(ds, fewest);
    expect(Array.from(ds.t.plan)).toEqual(Array.from(drawn(row, '011')));
  });
});
