// Areas, centroids and segment lengths against turf and hand-worked values on the fixtures.
import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { polygonAreaKm2, polygonCentroid, segmentLengthM } from '../../../server/geo/metrics.ts';
import { at, loadFixture, U } from './fixtures.ts';

describe('polygonAreaKm2', () => {
  const geoms = loadFixture('shapes');
  const flat = flattenPolygons(geoms);

  it('equals turf.area for every shape, holes and parts included', () => {
    geoms.forEach((g, p) => expect(polygonAreaKm2(flat, p)).toBeCloseTo(area(g) / 1e6, 9));
  });

  it('subtracts the hole: 4×4 units minus 2×2 is three quarters of the square', () => {
    const square = flattenPolygons([
      { type: 'Polygon', coordinates: [[at(6, 0), at(10, 0), at(10, 4), at(6, 4), at(6, 0)]] },
    ]);
    expect(polygonAreaKm2(flat, 1) / polygonAreaKm2(square, 0)).toBeCloseTo(0.75, 3);
  });

  it("gives a 1/64° square at 41.27°N about 1.737 km × 1.306 km on turf's sphere", () => {
    expect(polygonAreaKm2(flattenPolygons(loadFixture('grid-3x3')), 4)).toBeCloseTo(1.7374 * 1.3058, 2);
  });
});

describe('polygonCentroid', () => {
  const flat = flattenPolygons(loadFixture('shapes'));
  const expectAt = (p: number, x: number, y: number): void => {
    const [lon, lat] = polygonCentroid(flat, p);
    expect((lon - 70) / U).toBeCloseTo(x, 9);
    expect((lat - 40) / U).toBeCloseTo(y, 9);
  };

  it('weights the parts of an L by area: (8·(2,1) + 4·(1,3)) / 12', () => expectAt(0, 20 / 12, 20 / 12));
  it('keeps a centred hole from moving the centroid', () => expectAt(1, 8, 2));
  it('averages two equal parts of a multipolygon', () => expectAt(2, 14.5, 2.5));
});

describe('segmentLengthM', () => {
  it('measures a degree of latitude at 41.5°N as 111.06 km and of longitude as 83.50 km', () => {
    expect(segmentLengthM(69, 41, 69, 42) / 111_063).toBeCloseTo(1, 3);
    expect(segmentLengthM(69, 41.5, 70, 41.5) / 83_496).toBeCloseTo(1, 3);
  });
});
