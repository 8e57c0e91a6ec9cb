// Shared-edge matching on hand-drawn unit squares: which pairs may overlap, and the holes of the union, each worked
// out by hand; plus vertex ids.
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverageEdges } from '../../../server/geo/coverage-edges.ts';
import { gapRings } from '../../../server/geo/coverage-gaps.ts';
import { overlapPairs } from '../../../server/geo/coverage-overlaps.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { vertexIds } from '../../../server/geo/vertex-ids.ts';

const rect = (x0: number, y0: number, x1: number, y1: number, cw = false): Polygon => {
  const ring: Position[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return { type: 'Polygon', coordinates: [cw ? ring.reverse() : ring] };
};
const sq = (x: number, y: number): Polygon => rect(x, y, x + 1, y + 1);
/** The 3 × 3 block of unit squares from (0, 0) without the middle one, which becomes a hole of the union. */
const ringOfEight = [sq(0, 0), sq(1, 0), sq(2, 0), sq(0, 1), sq(2, 1), sq(0, 2), sq(1, 2), sq(2, 2)];
/** A ring's vertices from its lowest-leftmost one, keeping its direction (rings may start anywhere). */
const canonical = (ring: Position[]): Position[] => {
  const open = ring.slice(0, -1);
  let k = 0;
  open.forEach((p, i) => {
    const q = open[k]!;
    if (p[0]! < q[0]! || (p[0] === q[0] && p[1]! < q[1]!)) k = i;
  });
  const out = [...open.slice(k), ...open.slice(0, k)];
  return [...out, out[0]!];
};

describe('vertexIds', () => {
  it('numbers distinct coordinate pairs in order of first appearance', () => {
    const { ids, count } = vertexIds(Float64Array.from([0, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1e-300]));
    expect([...ids]).toEqual([0, 1, 0, 2, 1, 3]);
    expect(count).toBe(4);
  });
});

describe('coverageEdges', () => {
  it('turns every ring so that its polygon lies on the left and drops repeated vertices', () => {
    const cw = rect(0, 0, 1, 1, true);
    cw.coordinates[0]!.splice(1, 0, [0, 1]); // (0,0) (0,1) (0,1) (1,1) (1,0) (0,0): one repeated vertex
    const flat = flattenPolygons([cw]);
    const e = coverageEdges(flat);
    const at = (v: number): number[] => [flat.coords[2 * v]!, flat.coords[2 * v + 1]!];
    expect(Array.from(e.from, (a, i) => [at(a), at(e.to[i]!)])).toEqual([
      [
        [0, 1],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 1],
      ],
      [
        [1, 0],
        [1, 1],
      ],
      [
        [0, 0],
        [1, 0],
      ],
    ]);
  });
});

describe('overlapPairs', () => {
  it('clears neighbours that share borders or only corners, whatever the rings’ direction', () => {
    expect(overlapPairs(flattenPolygons([sq(0, 0), rect(1, 0, 2, 1, true), sq(1, 1), sq(0, 1)]))).toEqual([]);
  });

  it('clears a border where one side has an extra vertex on it (a T-junction)', () => {
    // A 2 × 1 rectangle under two unit squares: its top edge (0,1)–(2,1) meets their bottoms at (1, 1).
    expect(overlapPairs(flattenPolygons([rect(0, 0, 2, 1), sq(0, 1), sq(1, 1)]))).toEqual([]);
  });

  it('finds crossing borders, a polygon inside another, and a duplicate', () => {
    // 0 and 1 share an edge; 2 straddles both (borders cross); 3 lies inside 0; 4 repeats 1 the other way round.
    const polys = [sq(0, 0), sq(1, 0), rect(0.5, 0.25, 1.5, 0.75), rect(0.1, 0.1, 0.2, 0.2), rect(1, 0, 2, 1, true)];
    expect(overlapPairs(flattenPolygons(polys))).toEqual([
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 4],
      [2, 4],
    ]);
  });

  it('finds two bars crossing like a plus sign, where no vertex nor edge test point lies inside the other', () => {
    expect(overlapPairs(flattenPolygons([rect(0, 1, 10, 2), rect(4.5, -10, 5.5, 13)]))).toEqual([[0, 1]]);
  });

  it('finds an overlap whose borders touch without crossing (one edge runs inside the other)', () => {
    // (1,0)–(1,1) of the second lies inside the first, its ends on the first's edges: no crossing, no inner vertex.
    expect(overlapPairs(flattenPolygons([rect(0, 0, 2, 1), rect(1, 0, 3, 1)]))).toEqual([[0, 1]]);
  });
});

describe('gapRings', () => {
  it('finds no hole in a tiling, however its rings run', () => {
    expect(gapRings(flattenPolygons([sq(0, 0), rect(1, 0, 2, 1, true), sq(0, 1), sq(1, 1)]))).toEqual([]);
  });

  it('finds the empty middle of a ring of eight squares, clockwise', () => {
    expect(gapRings(flattenPolygons(ringOfEight)).map(canonical)).toEqual([
      [
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 1],
        [1, 1],
      ],
    ]);
  });

  it('finds a thin strip left beside a square whose neighbours have no vertex at its corners', () => {
    // The middle square starts at x = 1.25: the strip 1–1.25 is bounded by the middle's west side and by the
    // neighbours' edges, which run on past its corners (the spikes this leaves are dropped).
    const rings = gapRings(flattenPolygons([...ringOfEight, rect(1.25, 1, 2, 2)]));
    expect(rings.map(canonical)).toEqual([
      [
        [1, 1],
        [1, 2],
        [1.25, 2],
        [1.25, 1],
        [1, 1],
      ],
    ]);
  });

  it('keeps two holes that touch at a corner apart, and ignores the outline', () => {
    // A 4 × 4 block of unit squares without (1, 1) and (2, 2): two holes meeting at the point (2, 2).
    const block: Polygon[] = [];
    for (let x = 0; x < 4; x++)
      for (let y = 0; y < 4; y++) if (!((x === 1 && y === 1) || (x === 2 && y === 2))) block.push(sq(x, y));
    const rings = gapRings(flattenPolygons(block)).map(canonical);
    expect(rings.sort((a, b) => a[0]![0]! - b[0]![0]!)).toEqual([
      [
        [1, 1],
        [1, 2],
        [2, 2],
        [2, 1],
        [1, 1],
      ],
      [
        [2, 2],
        [2, 3],
        [3, 3],
        [3, 2],
        [2, 2],
      ],
    ]);
  });
});
