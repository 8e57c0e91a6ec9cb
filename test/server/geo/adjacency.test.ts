// computeAdjacency on hand-checked fixtures: rook and queen neighbours of a 3×3 grid, borders split at different
// vertices, partial overlaps, point contacts, gaps and near-collinear sides. Expected metres come from the standard
// lengths of a degree (latitude 111.04 km at 40°N, 111.06 km at 41.3°N; longitude 85.32 km at 40.06°N, 83.79 km at 41.27°N).
import { describe, expect, it } from 'vitest';
import { computeAdjacency, type Adjacency } from '../../../server/geo/adjacency.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { loadFixture, voronoiCells } from './fixtures.ts';

/** Pairs as "a-b" → shared metres, for readable comparisons. */
const asMap = (adj: Adjacency): Map<string, number> =>
  new Map(Array.from(adj.a, (a, i) => [`${a}-${adj.b[i]}`, adj.sharedM[i]!]));

/** Within 0.5 % (the accuracy promised for shared lengths). */
const expectNear = (metres: number | undefined, expected: number): void =>
  expect(Math.abs(metres! / expected - 1)).toBeLessThan(0.005);

describe('computeAdjacency on the 3×3 grid of 1/64° squares', () => {
  const pairs = asMap(computeAdjacency(flattenPolygons(loadFixture('grid-3x3'))));
  const SIDE_NS = 111_060 / 64; // a north–south side: 1/64° of latitude ≈ 1735 m
  const SIDE_EW = 83_790 / 64; // an east–west side: 1/64° of longitude at 41.27°N ≈ 1309 m

  it('finds the 12 rook pairs with their side lengths', () => {
    for (const key of ['0-1', '1-2', '3-4', '4-5', '6-7', '7-8']) expectNear(pairs.get(key), SIDE_NS);
    for (const key of ['0-3', '3-6', '1-4', '4-7', '2-5', '5-8']) expectNear(pairs.get(key), SIDE_EW);
  });

  it('finds the 8 queen-only pairs with no shared length', () => {
    for (const key of ['0-4', '1-3', '1-5', '2-4', '3-7', '4-6', '4-8', '5-7']) expect(pairs.get(key)).toBe(0);
    expect(pairs.size).toBe(20);
  });

  it('gives a corner square 2 rook and 1 queen neighbours, the centre 4 and 4', () => {
    const of = (k: number): number[] =>
      [...pairs].filter(([key]) => key.split('-').map(Number).includes(k)).map(([, m]) => m);
    expect(of(0).filter((m) => m > 0)).toHaveLength(2);
    expect(of(0).filter((m) => m === 0)).toHaveLength(1);
    expect(of(4).filter((m) => m > 0)).toHaveLength(4);
    expect(of(4).filter((m) => m === 0)).toHaveLength(4);
  });
});

describe('computeAdjacency on borders split at different vertices', () => {
  const geoms = loadFixture('split-border');

  it('sums the overlapping pieces, whatever vertices each side uses', () => {
    const pairs = asMap(computeAdjacency(flattenPolygons(geoms)));
    expect([...pairs.keys()]).toEqual(['0-1', '0-5', '1-2', '1-5', '2-3']);
    expectNear(pairs.get('0-1'), (4 / 64) * 111_035); // A|B: 4 units, split at y=1 on A's side and y=3 on B's
    expectNear(pairs.get('0-5'), (4 / 64) * 85_317); // A|F: F's side is 5e-9° off A's, inside the tolerance
    expectNear(pairs.get('1-2'), (2 / 64) * 111_035); // B|C: partial overlap, y 2..4
    expect(pairs.get('1-5')).toBe(0); // F's corner touches B's
    expect(pairs.get('2-3')).toBe(0); // C and D meet at one point
  });

  it('bridges a gap only when the tolerance allows it', () => {
    const wide = asMap(computeAdjacency(flattenPolygons(geoms), 2e-5));
    expectNear(wide.get('0-4'), (4 / 64) * 111_035);
  });
});

describe('computeAdjacency on a Voronoi tessellation', () => {
  it('is symmetric in input order and finds every cell a neighbour', () => {
    const cells = voronoiCells(300, 9, [69.0, 41.0, 69.5, 41.4]);
    const adj = computeAdjacency(flattenPolygons(cells));
    const reversed = computeAdjacency(flattenPolygons([...cells].reverse()));
    const n = cells.length;
    const flip = new Map(
      Array.from(reversed.a, (a, i) => [`${n - 1 - reversed.b[i]!}-${n - 1 - a}`, reversed.sharedM[i]!]),
    );
    for (const [key, m] of asMap(adj)) expect(flip.get(key)).toBeCloseTo(m, 6);
    expect(flip.size).toBe(adj.a.length);
    const degree = new Int32Array(n);
    for (let i = 0; i < adj.a.length; i++) {
      degree[adj.a[i]!]!++;
      degree[adj.b[i]!]!++;
    }
    expect(Math.min(...degree)).toBeGreaterThan(0);
  });
});
