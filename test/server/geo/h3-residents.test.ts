// Residents apportioned to H3 cells: every resident lands in exactly one cell, in proportion to the area a cell
// shares with the mahalla, and a mahalla no listed cell overlaps goes whole to the cell of its label point.
import { describe, expect, it } from 'vitest';
import { cellArea, cellToBoundary, getResolution, latLngToCell } from 'h3-js';
import { apportionResidents, clippedArea } from '../../../server/geo/h3-residents.ts';
import { coverCells } from '../../../server/geo/h3-area.ts';
import { square } from './fixtures.ts';

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

describe('clippedArea', () => {
  it('is the area of a ring inside a convex window, for convex and concave rings', () => {
    const window = [
      [1, 1],
      [3, 1],
      [3, 3],
      [1, 3],
    ];
    expect(clippedArea(square(0, 0, 2, 2).coordinates[0]!.slice(0, -1), window)).toBeCloseTo(1, 12);
    // An L: [0, 2] × [0, 1] and [0, 1] × [1, 2] (area 3). Against [1, 3]² it shares only edges; against [0.5, 2.5]² it
    // shares [0.5, 2] × [0.5, 1] and [0.5, 1] × [1, 2]: 0.75 + 0.5.
    const l = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    expect(clippedArea(l, window)).toBeCloseTo(0, 12);
    expect(
      clippedArea(l, [
        [0.5, 0.5],
        [2.5, 0.5],
        [2.5, 2.5],
        [0.5, 2.5],
      ]),
    ).toBeCloseTo(1.25, 12);
    expect(
      clippedArea(l, [
        [-1, -1],
        [4, -1],
        [4, 4],
        [-1, 4],
      ]),
    ).toBeCloseTo(3, 12);
  });
});

describe('apportionResidents', () => {
  // Two 0.02° × 0.02° squares side by side (≈ 3.7 km² each) near Tashkent.
  const left = { geometry: square(69.2, 41.2, 69.22, 41.22), population: 9000, label: [69.21, 41.21] as const };
  const right = { geometry: square(69.22, 41.2, 69.24, 41.22), population: 3000, label: [69.23, 41.21] as const };
  const cover = (res: number): string[] => coverCells([left.geometry, right.geometry], res);

  it('keeps every resident, on cells of the resolution asked', () => {
    for (const res of [5, 7, 8, 9]) {
      const cells = apportionResidents([left, right], cover(res), res);
      expect(sum(cells)).toBeCloseTo(12_000, 6);
      expect([...cells.keys()].every((c) => getResolution(c) === res)).toBe(true);
    }
  });

  it('gives a cell wholly inside a mahalla its area share of the residents', () => {
    // Resolution 9 cells (≈ 0.1 km²) deep inside each square: 9,000 × cell / square, and 3 × the right one's.
    const at9 = apportionResidents([left, right], cover(9), 9);
    const l = latLngToCell(41.21, 69.21, 9),
      r = latLngToCell(41.21, 69.23, 9);
    expect((at9.get(l) ?? 0) / (at9.get(r) ?? 1)).toBeCloseTo(3 * (cellArea(l, 'km2') / cellArea(r, 'km2')), 2);
    // Planar degrees against the geodesic km²: the same within 0.5 % over a cell and a 2 km square at 41° N.
    const squareKm2 = 0.02 * 111.2 * 0.02 * 111.2 * Math.cos((41.21 * Math.PI) / 180);
    expect((at9.get(l) ?? 0) / 9000).toBeCloseTo(cellArea(l, 'km2') / squareKm2, 2);
  });

  it('splits a mahalla across a cell border by the area on each side', () => {
    // At resolution 5 (≈ 250 km² cells) both squares usually fall in one cell; wherever cells meet, shares follow area.
    const at7 = apportionResidents([left], cover(7), 7);
    for (const [cell, n] of at7) {
      const hex = cellToBoundary(cell, true).slice(0, -1);
      const area = clippedArea(left.geometry.coordinates[0]!.slice(0, -1), hex);
      expect(n).toBeCloseTo((9000 * area) / (0.02 * 0.02), 3);
    }
  });

  it('gives a mahalla no listed cell overlaps wholly to the cell of its label point', () => {
    const far = {
      geometry: square(69.25, 41.3, 69.2501, 41.3001),
      population: 120,
      label: [69.25005, 41.30005] as const,
    };
    expect([...apportionResidents([far], cover(7), 7).entries()]).toEqual([[latLngToCell(41.30005, 69.25005, 7), 120]]);
    expect([...apportionResidents([far], [], 7).entries()]).toEqual([[latLngToCell(41.30005, 69.25005, 7), 120]]);
  });

  it('leaves out mahallas without residents', () => {
    expect(apportionResidents([{ ...left, population: 0 }], cover(8), 8).size).toBe(0);
  });
});
