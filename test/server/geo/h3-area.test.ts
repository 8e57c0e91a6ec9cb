// The H3 study area: the size guard that keeps the whole country at resolution 7 or coarser, and the covering cells.
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { coverCells, estimateCells, H3_MAX_CELLS, maxResolutionFor } from '../../../server/geo/h3-area.ts';
import { square } from './fixtures.ts';

describe('maxResolutionFor', () => {
  it('allows resolution 9 for a city, 7 for the whole country, 5 at the very least', () => {
    expect(maxResolutionFor(335)).toBe(9); // Tashkent city
    expect(maxResolutionFor(448_900)).toBe(7); // Uzbekistan
    expect(maxResolutionFor(1e9)).toBe(5);
  });

  it('is the finest resolution whose estimate stays within the limit', () => {
    const res = maxResolutionFor(448_900);
    expect(estimateCells(448_900, res)).toBeLessThanOrEqual(H3_MAX_CELLS);
    expect(estimateCells(448_900, res + 1)).toBeGreaterThan(H3_MAX_CELLS);
  });
});

describe('coverCells', () => {
  it('covers a polygon smaller than a cell with the cell it lies in (overlap, not centre containment)', () => {
    const tiny = square(69.25, 41.3, 69.26, 41.31); // ≈ 1 km², a resolution-5 cell is ≈ 250 km²
    expect(coverCells([tiny], 5)).toContain(latLngToCell(41.305, 69.255, 5));
  });

  it('returns each cell once, sorted, for overlapping and multi-part input', () => {
    const a = square(69.2, 41.2, 69.3, 41.3);
    const cells = coverCells([a, a, { type: 'MultiPolygon', coordinates: [a.coordinates] }], 8);
    expect(new Set(cells).size).toBe(cells.length);
    expect([...cells].sort()).toEqual(cells);
    expect(cells.length).toBeGreaterThan(estimateCells(8.4 * 11.1 * 0.9, 8) * 0.8); // ≈ 93 km² of 0.74 km² cells
  });
});
