// Ratio of ratios with its sandwich interval, checked against the grid-world example worked out by hand
// (test/fixtures/api/cooperation-db.ts) and against simple invariants.
import { describe, expect, it } from 'vitest';
import { momentsOf, ratioOfRatios } from '../../../server/stats/ratio-of-ratios.ts';

describe('ratioOfRatios', () => {
  it('matches the hand-worked two-action example', () => {
    // A=7, B=10, C=17, D=30; u = ±0.2341737; var = 2·Σu² = 0.2193495; se = 0.4683476
    const r = ratioOfRatios(momentsOf([[3, 6, 9, 14], [4, 4, 8, 16]]));
    expect(r.ratio).toBeCloseTo(21 / 17, 12);
    const se = Math.sqrt(2 * 2 * (3 / 7 - 6 / 10 - 9 / 17 + 14 / 30) ** 2);
    expect(se).toBeCloseTo(0.4683476, 6);
    expect(r.low).toBeCloseTo((21 / 17) * Math.exp(-1.959963984540054 * se), 12);
    expect(r.high).toBeCloseTo((21 / 17) * Math.exp(1.959963984540054 * se), 12);
    expect(r.local).toBeCloseTo(0.7, 12);
    expect(r.district).toBeCloseTo(17 / 30, 12);
  });

  it('expands Σu² exactly: the moments give what the per-action sum gives', () => {
    const rows: Array<[number, number, number, number]> = [[5, 2, 40, 33], [0, 3, 12, 20], [7, 7, 25, 22], [1, 0, 18, 9]];
    const m = momentsOf(rows);
    const direct = rows.reduce((s, [a, b, c, d]) => s + (a / m.a - b / m.b - c / m.c + d / m.d) ** 2, 0);
    const se = Math.sqrt(direct * (4 / 3));
    const r = ratioOfRatios(m);
    expect(Math.log((r.high ?? 0) / (r.ratio ?? 1))).toBeCloseTo(1.959963984540054 * se, 12);
  });

  it('is 1 with a zero-width interval when every action moved exactly as its district', () => {
    const r = ratioOfRatios(momentsOf([[2, 4, 10, 20], [3, 6, 15, 30]]));
    expect(r.ratio).toBeCloseTo(1, 12);
    expect(r.low).toBeCloseTo(1, 9);
    expect(r.high).toBeCloseTo(1, 9);
  });

  it('gives a ratio but no interval for a single action', () => {
    const r = ratioOfRatios(momentsOf([[3, 6, 9, 14]]));
    expect(r.ratio).toBeCloseTo((3 / 6) / (9 / 14), 12);
    expect([r.low, r.high]).toEqual([null, null]);
  });

  it('gives nothing when a sum is zero', () => {
    expect(ratioOfRatios(momentsOf([[0, 4, 9, 14], [0, 2, 3, 3]])).ratio).toBeNull();
    expect(ratioOfRatios(momentsOf([])).ratio).toBeNull();
    expect(ratioOfRatios(momentsOf([[3, 0, 9, 14], [1, 0, 3, 3]])).local).toBeNull();
  });
});
