// Self-crossing rings by the sweep: hand-drawn rings with their crossing points worked out by hand, and seeded random
// rings on which the answer must be turf kinks()'s first kink, point for point.
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { ringCrossing } from '../../../server/geo/ring-crossing.ts';

const flat = (ring: Position[]): Float64Array => Float64Array.from(ring.flat());
const crossing = (ring: Position[]): [number, number] | null => ringCrossing(flat(ring), 0, ring.length);

describe('ringCrossing', () => {
  it('finds nothing on a simple ring, a square or an L with a collinear run', () => {
    expect(
      crossing([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      crossing([
        [0, 0],
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('finds the centre of a bow tie', () => {
    expect(
      crossing([
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
    ).toEqual([0.5, 0.5]);
  });

  it('reports the first crossing in segment order when there are several', () => {
    // A zigzag closed along y = -1: segment 0 (y = x / 2) and segment 2 (y = 3 − x) cross at (2, 1); segment 0 also
    // crosses segment 3 (x = 1) at (1, 0.5), but the pair (0, 2) comes first.
    const ring: Position[] = [
      [0, 0],
      [4, 2],
      [3, 0],
      [1, 2],
      [1, -1],
      [0, -1],
      [0, 0],
    ];
    expect(crossing(ring)).toEqual([2, 1]);
  });

  it('counts a ring touching itself at a vertex (non-neighbouring segments meet)', () => {
    // A figure eight visiting (1, 1) twice: segment 0 (0,0)–(1,1) is collinear with segment 3 (2,2)–(1,1), which turf
    // does not count, and meets segment 4 (1,1)–(0,2) at (1, 1).
    const ring: Position[] = [
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
      [0, 0],
    ];
    expect(crossing(ring)).toEqual([1, 1]);
  });

  it('reads a ring from the middle of a longer array', () => {
    const all = Float64Array.from([9, 9, 9, 9, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0]);
    expect(ringCrossing(all, 2, 5)).toEqual([0.5, 0.5]);
  });

  it("gives turf kinks()'s first kink on 300 seeded random rings", () => {
    const rng = new Rng(13);
    let crossed = 0;
    for (let t = 0; t < 300; t++) {
      const n = rng.int(4, 40);
      const ring: Position[] = [];
      for (let i = 0; i < n; i++) {
        // A star-shaped ring, sometimes with a few vertices pushed across the centre so that it crosses itself.
        const a = (2 * Math.PI * i) / n;
        const r = rng.next() < 0.05 ? -rng.range(0.1, 1) : rng.range(0.5, 1);
        ring.push([69 + r * Math.cos(a), 41 + r * Math.sin(a)]);
      }
      ring.push(ring[0]!);
      const want = kinks({ type: 'Polygon', coordinates: [ring] }).features[0]?.geometry.coordinates ?? null;
      if (want) crossed++;
      expect(crossing(ring)).toEqual(want);
    }
    expect(crossed).toBeGreaterThan(30);
    expect(crossed).toBeLessThan(270);
  });
});
