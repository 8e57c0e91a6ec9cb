// Circular scan windows: hand-listed circles on a line and a 3×3 grid, and every centre of random point sets (with
// ties and the neighbour search's doubling) against a brute-force list of circles.
import { describe, expect, it } from 'vitest';
import { circularWindows, projectKm, type ScanWindows } from '../../../server/stats/scan-windows.ts';
import { Rng } from '../../../server/shared/random.ts';

const list = (w: ScanWindows, c: number, a: ArrayLike<number>): number[] =>
  Array.from(a).slice(w.offsets[c], w.offsets[c + 1]);

describe('circularWindows by hand', () => {
  it('3×3 grid, one resident each, circles of at most 4.5 residents', () => {
    // corner 0: {0}, then 1 and 3 at 1 → {0,1,3}, then 4 at √2 → 4 residents; 2 and 6 at 2 would make 6.
    // edge 1: {1}, then 0, 2, 4 at 1 → 4 residents; 3 and 5 at √2 would make 6.
    // centre 4: {4}; its four sides at 1 would make 5.
    const x = new Float64Array([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    const y = new Float64Array([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const w = circularWindows(x, y, new Float64Array(9).fill(1), 0.5)!;
    expect(list(w, 0, w.members)).toEqual([0, 1, 3, 4]);
    expect(list(w, 0, w.closes)).toEqual([1, 0, 1, 1]);
    expect(list(w, 1, w.members)).toEqual([1, 0, 2, 4]);
    expect(list(w, 1, w.closes)).toEqual([1, 0, 0, 1]);
    expect(list(w, 4, w.members)).toEqual([4]);
    expect(list(w, 8, w.members)).toEqual([8, 5, 7, 4]);
    expect(list(w, 0, w.popCum)).toEqual([1, 2, 3, 4]);
    expect(list(w, 0, w.radius)[3]).toBeCloseTo(Math.SQRT2, 6);
  });

  it('a unit holding more than the cap on its own is the centre of no window', () => {
    const w = circularWindows(new Float64Array([0, 5, 6]), new Float64Array(3), new Float64Array([10, 1, 1]), 0.5)!;
    expect(list(w, 0, w.members)).toEqual([]);
    expect(list(w, 1, w.members)).toEqual([1, 2]);
    expect(list(w, 1, w.closes)).toEqual([1, 1]);
  });

  it('refuses (null) when the lists would hold more entries than allowed', () => {
    const x = new Float64Array([0, 1, 2, 3]);
    const pop = new Float64Array(4).fill(1);
    expect(circularWindows(x, new Float64Array(4), pop, 0.5, 100)).not.toBeNull();
    // centres 0 and 3 hold 2 entries each, 1 and 2 one each (their two neighbours tie): 6 in all
    expect(circularWindows(x, new Float64Array(4), pop, 0.5, 6)?.members.length).toBe(6);
    expect(circularWindows(x, new Float64Array(4), pop, 0.5, 5)).toBeNull();
  });

  it('projects degrees to km about the mean latitude', () => {
    const { x, y } = projectKm(new Float64Array([69.2, 69.3]), new Float64Array([41.3, 41.3]));
    const km = (Math.PI / 180) * 6371.0088;
    expect(x[1]! - x[0]!).toBeCloseTo(0.1 * km * Math.cos((41.3 * Math.PI) / 180), 9);
    expect(y[0]).toBeCloseTo(41.3 * km, 9);
  });
});

/** Every circle centred on c, by brute force: the distinct distances, each taking every unit within it. */
function bruteCircles(x: Float64Array, y: Float64Array, pop: Float64Array, share: number, c: number): number[][] {
  const total = pop.reduce((a, b) => a + b, 0);
  const d = Array.from(x, (_, j) => (x[j]! - x[c]!) ** 2 + (y[j]! - y[c]!) ** 2);
  const radii = [...new Set(d)].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const r of radii) {
    const inside = d.flatMap((dj, j) => (dj <= r ? [j] : []));
    if (inside.reduce((s, j) => s + pop[j]!, 0) > share * total * (1 + 1e-12)) break;
    out.push(inside.sort((a, b) => a - b));
  }
  return out;
}

describe('circularWindows against brute force', () => {
  // With most units empty a circle needs many neighbours: the first search (23 at 5 %) is too short and doubles.
  it.each([
    [0.05, 1, 0],
    [0.2, 2, 0],
    [0.5, 3, 0],
    [0.05, 4, 0.9],
  ])('150 points on a coarse lattice (many ties), max share %s (seed %s, %s of units empty)', (share, seed, empty) => {
    const rng = new Rng(seed);
    const n = 150;
    const x = Float64Array.from({ length: n }, () => rng.int(0, 20));
    const y = Float64Array.from({ length: n }, () => rng.int(0, 20));
    const pop = Float64Array.from({ length: n }, () => (rng.next() < empty ? 0 : rng.int(0, 50)));
    const w = circularWindows(x, y, pop, share)!;
    for (let c = 0; c < n; c++) {
      const members = list(w, c, w.members);
      const closes = list(w, c, w.closes);
      const got = closes.flatMap((f, k) => (f === 1 ? [members.slice(0, k + 1).sort((a, b) => a - b)] : []));
      expect(got, `centre ${c}`).toEqual(bruteCircles(x, y, pop, share, c));
    }
  });
});
