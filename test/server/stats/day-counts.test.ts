// Day counts as running sums (window sums, grouping into districts) and sorted day lists (last on or before), checked
// against brute-force counts over hand-made and seeded events.
import { describe, expect, it } from 'vitest';
import {
  after,
  dayCounts,
  dayLists,
  groupDayCounts,
  lastOnOrBefore,
  windowSum,
} from '../../../server/stats/day-counts.ts';

/** A seeded linear congruential generator: the same events on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('dayCounts and windowSum', () => {
  // Unit 0: 2 events on day 10, 1 on day 12; unit 1: 1 on day 11; one event of unit 2 (not held) and one on day 9
  // (before the first day held) are left out.
  const c = dayCounts(2, 10, 3, Int32Array.of(0, 0, 0, 1, 2, 0), Int32Array.of(10, 10, 12, 11, 10, 9));

  it('holds running sums per unit, starting at 0', () => {
    expect([...c.cum]).toEqual([0, 2, 2, 3, 0, 0, 1, 1]);
  });

  it('sums inclusive windows, clipped to the days held', () => {
    expect(windowSum(c, 0, 10, 10)).toBe(2);
    expect(windowSum(c, 0, 11, 12)).toBe(1);
    expect(windowSum(c, 0, 0, 100)).toBe(3);
    expect(windowSum(c, 1, 11, 11)).toBe(1);
  });

  it('gives 0 for empty windows and windows outside the days held', () => {
    expect(windowSum(c, 0, 12, 11)).toBe(0);
    expect(windowSum(c, 0, 13, 40)).toBe(0);
    expect(windowSum(c, 0, -5, 9)).toBe(0);
  });

  it('agrees with a brute-force count over seeded events and windows', () => {
    const rnd = seeded(4);
    const n = 5000;
    const unit = Int32Array.from({ length: n }, () => Math.floor(rnd() * 7));
    const day = Int32Array.from({ length: n }, () => 100 + Math.floor(rnd() * 60));
    const counts = dayCounts(7, 105, 50, unit, day);
    for (let t = 0; t < 300; t++) {
      const u = Math.floor(rnd() * 7);
      const from = 95 + Math.floor(rnd() * 70);
      const to = from + Math.floor(rnd() * 40) - 5;
      let brute = 0;
      for (let i = 0; i < n; i++)
        if (unit[i] === u && day[i]! >= Math.max(from, 105) && day[i]! <= Math.min(to, 154)) brute++;
      expect(windowSum(counts, u, from, to)).toBe(brute);
    }
  });
});

describe('groupDayCounts', () => {
  it('sums units into their groups and leaves out units of group −1', () => {
    const c = dayCounts(3, 0, 2, Int32Array.of(0, 1, 1, 2), Int32Array.of(0, 1, 1, 0));
    const g = groupDayCounts(c, Int32Array.of(0, 0, -1), 1);
    expect(g).toMatchObject({ units: 1, first: 0, days: 2 });
    expect(windowSum(g, 0, 0, 0)).toBe(1);
    expect(windowSum(g, 0, 1, 1)).toBe(2);
  });
});

describe('dayLists and lastOnOrBefore', () => {
  const l = dayLists(3, Int32Array.of(1, 0, 1, 1, 5, -1), Int32Array.of(9, 4, 3, 7, 1, 2));

  it('groups days by key, ascending, leaving out keys outside the range', () => {
    expect([...l.start]).toEqual([0, 1, 4, 4]);
    expect([...l.days]).toEqual([4, 3, 7, 9]);
  });

  it('finds the last day on or before a day, or null', () => {
    expect(lastOnOrBefore(l, 1, 8)).toBe(7);
    expect(lastOnOrBefore(l, 1, 9)).toBe(9);
    expect(lastOnOrBefore(l, 1, 100)).toBe(9);
    expect(lastOnOrBefore(l, 1, 2)).toBeNull();
    expect(lastOnOrBefore(l, 0, 4)).toBe(4);
    expect(lastOnOrBefore(l, 2, 50)).toBeNull();
  });

  it('agrees with a brute-force maximum over seeded days', () => {
    const rnd = seeded(9);
    const key = Int32Array.from({ length: 2000 }, () => Math.floor(rnd() * 20));
    const day = Int32Array.from({ length: 2000 }, () => Math.floor(rnd() * 1000) - 100);
    const lists = dayLists(20, key, day);
    for (let t = 0; t < 300; t++) {
      const k = Math.floor(rnd() * 20);
      const d = Math.floor(rnd() * 1200) - 150;
      const brute = day.reduce<number | null>(
        (best, x, i) => (key[i] === k && x <= d && (best === null || x > best) ? x : best),
        null,
      );
      expect(lastOnOrBefore(lists, k, d)).toBe(brute);
    }
  });
});

describe('after', () => {
  it('gives the first position whose day is later, within the bounds given', () => {
    const days = Int32Array.of(3, 5, 5, 8);
    expect(after(days, 5)).toBe(3);
    expect(after(days, 2)).toBe(0);
    expect(after(days, 8)).toBe(4);
    expect(after(days, 4, 2, 4)).toBe(2);
  });
});
