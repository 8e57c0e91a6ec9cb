// polygonPerimeterKm: the sum of its rings' segments (holes and parts included), on the same yardstick as shared borders.
import { describe, expect, it } from 'vitest';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { polygonPerimeterKm, segmentLengthM } from '../../../server/geo/metrics.ts';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x, y + s],
  [x + s, y + s],
  [x + s, y],
  [x, y],
];

describe('polygonPerimeterKm', () => {
  it('is the four sides of a 0.01° square at 41° N: 2 × 1.1105 km of meridian and 0.8414 + 0.8412 km of parallel', () => {
    const flat = flattenPolygons([{ type: 'Polygon', coordinates: [square(69, 41, 0.01)] }]);
    const sides =
      segmentLengthM(69, 41, 69, 41.01) * 2 +
      segmentLengthM(69, 41, 69.01, 41) +
      segmentLengthM(69, 41.01, 69.01, 41.01);
    expect(polygonPerimeterKm(flat, 0)).toBeCloseTo(sides / 1000, 12);
    expect(polygonPerimeterKm(flat, 0)).toBeCloseTo(3.9037, 4);
  });

  it('counts the ring around a hole and every part of a multipolygon', () => {
    const one = polygonPerimeterKm(flattenPolygons([{ type: 'Polygon', coordinates: [square(69, 41, 0.01)] }]), 0);
    const hole = polygonPerimeterKm(
      flattenPolygons([{ type: 'Polygon', coordinates: [square(69.003, 41.003, 0.004)] }]),
      0,
    );
    const holed = flattenPolygons([
      { type: 'Polygon', coordinates: [square(69, 41, 0.01), square(69.003, 41.003, 0.004)] },
    ]);
    expect(polygonPerimeterKm(holed, 0)).toBeCloseTo(one + hole, 12);
    const two = flattenPolygons([
      { type: 'MultiPolygon', coordinates: [[square(69, 41, 0.01)], [square(69, 41, 0.01)]] },
    ]);
    expect(polygonPerimeterKm(two, 0)).toBeCloseTo(2 * one, 12);
  });
});
