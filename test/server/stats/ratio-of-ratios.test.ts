// Ratio of ratios with its sandwich interval, checked against the grid-world example worked out by hand
// (test/fixtures/api/cooperation-db.ts) and against simple invariants.
import { describe, expect, it } from 'vitest';
import { momentsOf, ratioOfRatios, windowMoments } from '../../../server/stats/ratio-of-ratios.ts';
import { dayCounts, groupDayCounts } from '../../../server/stats/day-counts.ts';

describe('ratioOfRatios', () => {
  it('matches the hand-worked two-action example', () => {
    // A=7, B=10, C=17, D=30; u = ±0.2341737; var = 2·Σu² = 0.2193495; se = 0.4683476
    const r = ratioOfRatios(
      momentsOf([
        [3, 6, 9, 14],
        [4, 4, 8, 16],
      ]),
    );
    expect(r.ratio).toBeCloseTo(21 / 17, 12);
    const se = Math.sqrt(2 * 2 * (3 / 7 - 6 / 10 - 9 / 17 + 14 / 30) ** 2);
    expect(se).toBeCloseTo(0.4683476, 6);
    expect(r.low).toBeCloseTo((21 / 17) * Math.exp(-1.959963984540054 * se), 12);
    expect(r.high).toBeCloseTo((21 / 17) * Math.exp(1.959963984540054 * se), 12);
    expect(r.local).toBeCloseTo(0.7, 12);
    expect(r.district).toBeCloseTo(17 / 30, 12);
  });

  it('expands Σu² exactly: the moments give what the per-action sum gives', () => {
    const rows: Array<[number, number, number, number]> = [
      [5, 2, 40, 33],
      [0, 3, 12, 20],
      [7, 7, 25, 22],
      [1, 0, 18, 9],
    ];
    const m = momentsOf(rows);
    const direct = rows.reduce((s, [a, b, c, d]) => s + (a / m.a - b / m.b - c / m.c + d / m.d) ** 2, 0);
    const se = Math.sqrt(direct * (4 / 3));
    const r = ratioOfRatios(m);
    expect(Math.log((r.high ?? 0) / (r.ratio ?? 1))).toBeCloseTo(1.959963984540054 * se, 12);
  });

  it('is 1 with a zero-width interval when every action moved exactly as its district', () => {
    const r = ratioOfRatios(
      momentsOf([
        [2, 4, 10, 20],
        [3, 6, 15, 30],
      ]),
    );
    expect(r.ratio).toBeCloseTo(1, 12);
    expect(r.low).toBeCloseTo(1, 9);
    expect(r.high).toBeCloseTo(1, 9);
  });

  it('gives a ratio but no interval for a single action', () => {
    const r = ratioOfRatios(momentsOf([[3, 6, 9, 14]]));
    expect(r.ratio).toBeCloseTo(3 / 6 / (9 / 14), 12);
    expect([r.low, r.high]).toEqual([null, null]);
  });

  it('gives nothing when a sum is zero', () => {
    expect(
      ratioOfRatios(
        momentsOf([
          [0, 4, 9, 14],
          [0, 2, 3, 3],
        ]),
      ).ratio,
    ).toBeNull();
    expect(ratioOfRatios(momentsOf([])).ratio).toBeNull();
    expect(
      ratioOfRatios(
        momentsOf([
          [3, 0, 9, 14],
          [1, 0, 3, 3],
        ]),
      ).local,
    ).toBeNull();
  });
});

describe('windowMoments', () => {
  // Mahallas 0 and 1 form district 0, mahalla 2 district 1; events (mahalla, day) and actions (day, mahalla, kind).
  const events: Array<[number, number]> = [
    [0, 8],
    [0, 9],
    [0, 10],
    [0, 11],
    [0, 13],
    [1, 9],
    [1, 12],
    [1, 12],
    [2, 11],
    [0, 30],
  ];
  const local = dayCounts(
    3,
    0,
    40,
    Int32Array.from(events, (e) => e[0]),
    Int32Array.from(events, (e) => e[1]),
  );
  const district = groupDayCounts(local, Int32Array.of(0, 0, 1), 2);
  const at = (m: number, from: number, to: number): number =>
    events.filter(([u, d]) => u === m && d >= from && d <= to).length;

  it('counts 2-day windows around an action by hand, its own day in neither', () => {
    // action on day 10 in mahalla 0 (w = 2): after = days 11–12 → 1; before = 8–9 → 2;
    // rest of district 0 (mahalla 1): after 2 (day 12 twice), before 1 (day 9).
    const actions = {
      day: Int32Array.of(10),
      mahalla: Int32Array.of(0),
      district: Int32Array.of(0),
      kind: Int32Array.of(1),
    };
    const [none, one] = windowMoments(actions, local, district, 2, 2);
    expect(none).toEqual(momentsOf([]));
    expect(one).toEqual(momentsOf([[1, 2, 2, 1]]));
  });

  it('sums per kind what per-action counts give, for seeded actions', () => {
    let s = 3;
    const rnd = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 200;
    const mahalla = Int32Array.from({ length: n }, () => Math.floor(rnd() * 3));
    const actions = {
      day: Int32Array.from({ length: n }, () => Math.floor(rnd() * 40)),
      mahalla,
      district: mahalla.map((m) => (m === 2 ? 1 : 0)),
      kind: Int32Array.from({ length: n }, () => Math.floor(rnd() * 3)),
    };
    const w = 4;
    const got = windowMoments(actions, local, district, w, 3);
    for (let kind = 0; kind < 3; kind++) {
      const rows: Array<[number, number, number, number]> = [];
      actions.day.forEach((d, i) => {
        if (actions.kind[i] !== kind) return;
        const m = actions.mahalla[i]!;
        const rest = m === 2 ? [] : [1 - m];
        const other = (from: number, to: number): number => rest.reduce((t, r) => t + at(r, from, to), 0);
        rows.push([at(m, d + 1, d + w), at(m, d - w, d - 1), other(d + 1, d + w), other(d - w, d - 1)]);
      });
      expect(got[kind]).toEqual(momentsOf(rows));
    }
  });
});
