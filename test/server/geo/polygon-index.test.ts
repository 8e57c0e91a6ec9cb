// PolygonIndex on hand-checked fixtures: inside, outside, holes, multipolygons, and points exactly on shared edges and
// vertices, which must land in exactly one polygon (the one east / north / north-east of them), whatever the grid.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import {
  JOIN_BATCH_MIN,
  PolygonIndex,
  pointInFlatPolygon,
  type GridOptions,
} from '../../../server/geo/polygon-index.ts';
import { at, GRID_ORIGIN, loadFixture, mismatches } from './fixtures.ts';

/** Grid settings to run every golden case under: the defaults, one top cell holding everything, sub-grids forced four deep. */
const GRIDS: Array<[string, GridOptions]> = [
  ['default grid', {}],
  ['one cell, no sub-grids', { cellsPerEdge: 1e-9, maxDepth: 0 }],
  ['sub-grids forced 4 deep', { cellsPerEdge: 0.05, splitCost: 0, splitFactor: 2, maxDepth: 4 }],
];

/** [x, y] in fixture units → expected polygon; the comment says why (hand-checked). */
type Case = [x: number, y: number, expected: number, why: string];

const GRID_CASES: Case[] = [
  ...Array.from({ length: 9 }, (_, k): Case => [(k % 3) + 0.5, Math.floor(k / 3) + 0.5, k, 'centre of square k']),
  [1, 0.5, 1, 'on the edge shared by 0 and 1: goes east'],
  [0.5, 1, 3, 'on the edge shared by 0 and 3: goes north'],
  [1, 1, 4, 'vertex shared by 0, 1, 3, 4: goes north-east'],
  [2, 2, 8, 'vertex shared by 4, 5, 7, 8'],
  [2, 1.5, 5, 'edge 4|5'],
  [1.5, 2, 7, 'edge 4|7'],
  [0, 0.5, 0, 'outer west edge: the square east of it'],
  [0.5, 0, 0, 'outer south edge: the square north of it'],
  [3, 0.5, -1, 'outer east edge: nothing east of it'],
  [0.5, 3, -1, 'outer north edge: nothing north of it'],
  [0, 0, 0, 'south-west corner'],
  [3, 0, -1, 'south-east corner'],
  [0, 3, -1, 'north-west corner'],
  [3, 3, -1, 'north-east corner'],
  [-0.5, 1, -1, 'west of the grid'],
  [1.5, 3.5, -1, 'north of the grid'],
];

const SHAPE_CASES: Case[] = [
  [1, 1, 0, 'L: lower arm'],
  [3, 1, 0, 'L: lower arm, east end'],
  [1, 3, 0, 'L: upper arm'],
  [3, 3, -1, 'L: the notch'],
  [2, 3, -1, 'L: on the inner vertical edge, the notch is east of it'],
  [3, 2, -1, 'L: on the inner horizontal edge, the notch is north of it'],
  [0, 1, 0, 'L: on the outer west edge'],
  [6.5, 2, 1, 'holed square: in the ring'],
  [8, 0.5, 1, 'holed square: south of the hole'],
  [7.25, 2, -1, 'in the hole, west of the island'],
  [7, 2, -1, "on the hole's west edge: the hole is east of it"],
  [9, 2, 1, "on the hole's east edge: the ring is east of it"],
  [8, 2, 3, 'island inside the hole'],
  [13, 1, 2, 'multipolygon: first part'],
  [16, 4, 2, 'multipolygon: second part'],
  [14.5, 2.5, -1, 'between the two parts'],
  [1, 7, 4, 'west of the slanted edge'],
  [4, 7, 5, 'east of the slanted edge'],
  [3, 6, 5, 'lower end of the slanted edge: north-east of it is 5'],
  [2, 9, -1, 'upper end of the slanted edge: north of it is outside'],
];

describe.each(GRIDS)('PolygonIndex (%s)', (_name, options) => {
  const grid = new PolygonIndex(flattenPolygons(loadFixture('grid-3x3')), options);
  const shapes = new PolygonIndex(flattenPolygons(loadFixture('shapes')), options);

  it.each(GRID_CASES)('3×3 grid (%d, %d) → %d: %s', (x, y, expected) => {
    expect(grid.locate(...at(x, y, GRID_ORIGIN))).toBe(expected);
  });

  it.each(SHAPE_CASES)('shapes (%d, %d) → %d: %s', (x, y, expected) => {
    expect(shapes.locate(...at(x, y))).toBe(expected);
  });

  it('answers the same through locate, locateRange and a batched locateMany', () => {
    const pts = [...GRID_CASES, ...GRID_CASES].flatMap(([x, y]) => [at(x, y, GRID_ORIGIN)]);
    const repeat = Math.ceil(JOIN_BATCH_MIN / pts.length); // at the batching threshold
    const lons = Float64Array.from({ length: pts.length * repeat }, (_, i) => pts[i % pts.length]![0]);
    const lats = Float64Array.from({ length: pts.length * repeat }, (_, i) => pts[i % pts.length]![1]);
    const one = Int32Array.from(lons, (lon, i) => grid.locate(lon, lats[i]!));
    const range = new Int32Array(lons.length);
    grid.locateRange(lons, lats, range, 0, lons.length);
    expect(grid.locateMany(lons, lats)).toEqual(one);
    expect(range).toEqual(one);
  });

  it('gives every golden answer in batches of any size, a short last batch included', () => {
    const n = JOIN_BATCH_MIN + 2000; // batches of 5000 or 4096 end with a short one; 1e9 is one batch
    const lons = new Float64Array(n),
      lats = new Float64Array(n);
    const expected = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [x, y, want] = GRID_CASES[(i * 7) % GRID_CASES.length]!; // interleaved, so each batch is unsorted
      [lons[i], lats[i]] = at(x, y, GRID_ORIGIN);
      expected[i] = want;
    }
    for (const batch of [4096, 5000, 1e9]) {
      expect(mismatches(grid.locateMany(lons, lats, new Int32Array(n), batch), expected), `batch ${batch}`).toEqual({
        count: 0,
        first: [],
      });
    }
  });
});

describe('PolygonIndex.locateMany', () => {
  const grid = new PolygonIndex(flattenPolygons(loadFixture('grid-3x3')));

  it('refuses a batch size below 1 and arrays of different lengths', () => {
    const two = new Float64Array(5000);
    expect(() => grid.locateMany(two, two, new Int32Array(5000), 0)).toThrow(RangeError);
    expect(() => grid.locateMany(two, new Float64Array(4999))).toThrow(RangeError);
  });
});

describe('points on shared edges', () => {
  const geoms = loadFixture('shapes');
  const slanted = at(2.5, 7.5); // exactly on the edge (3,6)–(2,9): x = 3 - (y - 6) / 3

  it('land in exactly one polygon by the reference kernel too', () => {
    const flat = flattenPolygons(geoms);
    for (const [x, y] of [slanted, at(3, 6), at(2 + 1 / 3, 8)]) {
      const owners = Array.from({ length: flat.count }, (_, p) => p).filter((p) => pointInFlatPolygon(flat, p, x, y));
      expect(owners).toHaveLength(1);
    }
  });

  it('go to the same polygon whatever the ring orientation and the polygon order', () => {
    const owner = new PolygonIndex(flattenPolygons(geoms)).locate(...slanted);
    expect([4, 5]).toContain(owner);
    const reversed = geoms.map((g, k): Polygon | typeof g =>
      k === 5 ? { type: 'Polygon', coordinates: (g as Polygon).coordinates.map((ring) => [...ring].reverse()) } : g,
    );
    const order = [5, 3, 1, 4, 0, 2];
    const shuffled = new PolygonIndex(flattenPolygons(order.map((k) => reversed[k]!)));
    expect(order[shuffled.locate(...slanted)]).toBe(owner);
  });

  it('rejects NaN and points off the grid', () => {
    const index = new PolygonIndex(flattenPolygons(geoms));
    expect(index.locate(NaN, 40.01)).toBe(-1);
    expect(index.locate(70.01, NaN)).toBe(-1);
    expect(index.locate(0, 0)).toBe(-1);
  });

  it('has nothing to find in an empty set of polygons', () => {
    expect(
      new PolygonIndex(flattenPolygons([])).locateMany(new Float64Array([0, 70]), new Float64Array([0, 40])),
    ).toEqual(new Int32Array([-1, -1]));
  });
});
