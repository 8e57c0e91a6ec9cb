// Residents apportioned to H3 cells: every resident lands in exactly one cell, in proportion to area, and a mahalla too
// small for a fine cell goes whole to the cell of its label point.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { apportionResidents, fineResolution } from '../../../server/geo/h3-residents.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

describe('fineResolution', () => {
  it('picks the first resolution that splits the mahalla into 32 or more cells, at most 3 below the target', () => {
    expect(fineResolution(0.5, 8)).toBe(10); // 0.5 km² ≈ 4.7 resolution-9 cells, ≈ 33 resolution-10 cells
    expect(fineResolution(50, 6)).toBe(8); // ≈ 68 resolution-8 cells
    expect(fineResolution(0.5, 5)).toBe(8); // would need 10: capped at 5 + 3
    expect(fineResolution(1, 14)).toBe(15);
  });
});

describe('apportionResidents', () => {
  it('keeps every resident, and splits two equal halves of a square equally at a coarse resolution', () => {
    // Two 0.02° × 0.02° squares side by side (≈ 3.7 km² each) near Tashkent.
    const left = {
      geometry: square(69.2, 41.2, 69.22, 41.22),
      population: 9000,
      areaKm2: 3.7,
      label: [69.21, 41.21] as const,
    };
    const right = {
      geometry: square(69.22, 41.2, 69.24, 41.22),
      population: 3000,
      areaKm2: 3.7,
      label: [69.23, 41.21] as const,
    };
    for (const res of [5, 7, 8, 9]) {
      const cells = apportionResidents([left, right], res);
      expect(sum(cells)).toBeCloseTo(12_000, 6);
      expect([...cells.keys()].every((c) => getResolution(c) === res)).toBe(true);
    }
    // At resolution 9 (≈ 0.1 km² cells), each cell's residents come from the squares it lies over: a cell centred deep
    // in the left square holds ≈ 9,000 × its area share, 3 × as many residents as one deep in the right square.
    const at9 = apportionResidents([left, right], 9);
    const l = at9.get(latLngToCell(41.21, 69.21, 9)) ?? 0;
    const r = at9.get(latLngToCell(41.21, 69.23, 9)) ?? 0;
    expect(l / r).toBeGreaterThan(2.5);
    expect(l / r).toBeLessThan(3.5);
    expect(l / 9000).toBeGreaterThan(0.02); // ≈ 0.105 / 3.7 of the square
    expect(l / 9000).toBeLessThan(0.04);
  });

  it('gives a mahalla too small for a fine cell wholly to the cell of its label point', () => {
    const tiny = {
      geometry: square(69.25, 41.3, 69.2501, 41.3001),
      population: 120,
      areaKm2: 0.0001,
      label: [69.25005, 41.30005] as const,
    };
    const cells = apportionResidents([tiny], 7);
    expect([...cells.entries()]).toEqual([[latLngToCell(41.30005, 69.25005, 7), 120]]);
    const [lat, lng] = cellToLatLng([...cells.keys()][0]!);
    expect(Math.abs(lat - 41.3) + Math.abs(lng - 69.25)).toBeLessThan(0.1);
  });

  it('leaves out mahallas without residents', () => {
    const empty = {
      geometry: square(69.2, 41.2, 69.22, 41.22),
      population: 0,
      areaKm2: 3.7,
      label: [69.21, 41.21] as const,
    };
    expect(apportionResidents([empty], 8).size).toBe(0);
  });
});
