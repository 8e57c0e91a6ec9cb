// dissolve: golden outlines of hand-made groups (test/fixtures/geo/dissolve-golden.json), orientation-proofing,
// and what is left when neighbours' borders do not match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { dissolve } from '../../../server/geo/dissolve.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { GRID_ORIGIN, U, loadFixture, voronoiCells } from './fixtures.ts';

interface Case {
  name: string;
  fixture: 'grid-3x3' | 'split-border';
  members: number[];
  expected: Position[][][];
}

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/geo/dissolve-golden.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const ORIGIN = { 'grid-3x3': GRID_ORIGIN, 'split-border': [70, 40] } as const;

/** Degrees → fixture units, rounded to 1e-6 unit so the gap case reads as a short decimal. */
const toUnits = (parts: Position[][][], origin: readonly [number, number]): Position[][][] =>
  parts.map((part) =>
    part.map((ring) =>
      ring.map(([x, y]) => [
        Math.round(((x! - origin[0]) / U) * 1e6) / 1e6,
        Math.round(((y! - origin[1]) / U) * 1e6) / 1e6,
      ]),
    ),
  );

describe('dissolve on golden fixtures', () => {
  it.each(golden.cases)('$name', (c) => {
    const flat = flattenPolygons(loadFixture(c.fixture));
    expect(toUnits(dissolve(flat, c.members), ORIGIN[c.fixture])).toEqual(c.expected);
  });
});

describe('dissolve whatever the input orientation', () => {
  it('cancels a shared side when one member is stored clockwise', () => {
    const [a, b] = loadFixture('grid-3x3') as Polygon[];
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[...b!.coordinates[0]!].reverse()] };
    expect(toUnits(dissolve(flattenPolygons([a!, clockwise]), [0, 1]), GRID_ORIGIN)).toEqual([
      [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    ]);
  });
});

describe('dissolve on a Voronoi tessellation (neighbours share exact vertices)', () => {
  const cells = voronoiCells(60, 7, [69.2, 41.2, 69.3, 41.3]);
  const flat = flattenPolygons(cells);
  const ringArea = (ring: Position[]): number =>
    ring.reduce((s, p, i) => (i === 0 ? 0 : s + ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!), 0) / 2;

  it('gives all 60 cells one outer ring: the box, 4 corners', () => {
    const all = Array.from({ length: 60 }, (_, i) => i);
    const out = dissolve(flat, all);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect(out[0]![0]).toHaveLength(5);
    expect(ringArea(out[0]![0]!)).toBeCloseTo(0.01, 12);
  });

  it('keeps the area of any group: outline area = sum of member areas', () => {
    const members = [3, 4, 5, 11, 17, 23, 40];
    const expected = members.reduce((s, m) => s + Math.abs(ringArea(cells[m]!.coordinates[0]!)), 0);
    const got = dissolve(flat, members).reduce((s, part) => s + part.reduce((t, ring) => t + ringArea(ring), 0), 0);
    expect(got).toBeCloseTo(expected, 12);
  });
});

describe('dissolve where borders do not match (imported boundaries)', () => {
  const sq = (x0: number, x1: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [x0, 0],
        [x1, 0],
        [x1, 1],
        [x0, 1],
        [x0, 0],
      ],
    ],
  });

  it('keeps a 1e-5 degree overlap as a seam inside the outline, covering both members', () => {
    // The strip x 1..1.00001 is walked along both its sides: the outline still spans 0..2 and shows the seam.
    expect(dissolve(flattenPolygons([sq(0, 1.00001), sq(1, 2)]), [0, 1])).toEqual([
      [
        [
          [0, 0],
          [1.00001, 0],
          [1.00001, 1],
          [1, 1],
          [1, 0],
          [2, 0],
          [2, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    ]);
  });

  it('keeps both outlines across a 1e-5 degree gap', () => {
    expect(dissolve(flattenPolygons([sq(0, 0.99999), sq(1, 2)]), [0, 1])).toEqual([
      [
        [
          [0, 0],
          [0.99999, 0],
          [0.99999, 1],
          [0, 1],
          [0, 0],
        ],
      ],
      [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0],
        ],
      ],
    ]);
  });
});
