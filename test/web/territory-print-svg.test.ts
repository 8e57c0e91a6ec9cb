// The printed annex's map: projection of lon/lat onto the sheet's SVG box, path data of polygons (holes and
// multipolygons), the scale bar and the framing of a territory with its neighbours, on hand-worked squares.
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import {
  boxOf,
  fitProjection,
  grow,
  overlaps,
  pathOf,
  scaleBar,
  territoryMap,
} from '../../web/views/territory-print/svg-map.ts';

/** A square of side `s` degrees with its south-west corner at lon, lat (closed ring, GeoJSON order). */
const square = (lon: number, lat: number, s = 0.01): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + s, lat],
      [lon + s, lat + s],
      [lon, lat + s],
      [lon, lat],
    ],
  ],
});

describe('fitProjection', () => {
  it('maps the north-west corner to the top left and the south-east to the bottom right at the equator', () => {
    // Mid latitude 0: no longitude shrink; 2° × 1° into 200 × 100 is 100 units a degree, no margins.
    const p = fitProjection([0, -0.5, 2, 0.5], 200, 100);
    expect(p.project(0, 0.5)).toEqual([0, 0]);
    expect(p.project(2, -0.5)).toEqual([200, 100]);
    expect(p.project(1, 0)).toEqual([100, 50]);
    expect(p.kmPerUnit).toBeCloseTo(1.1132, 6);
  });

  it('shrinks longitude by cos(mid latitude) and centres the narrower side', () => {
    // At 60° a degree of longitude is half a degree of latitude: 2° × 1° is a 1 × 1 square, 100 units wide,
    // centred in 200 (50 units either side).
    const p = fitProjection([0, 59.5, 2, 60.5], 200, 100);
    const [x0, y0] = p.project(0, 60.5);
    const [x1, y1] = p.project(2, 59.5);
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([50, 0, 150, 100]);
  });
});

describe('pathOf', () => {
  const p = fitProjection([0, -0.5, 2, 0.5], 200, 100);

  it('draws a closed ring once, with Z for the closing edge', () => {
    expect(pathOf(square(0, -0.5, 1), p)).toBe('M0 100L100 100L100 0L0 0Z');
  });

  it('keeps holes as their own subpath and draws every polygon of a multipolygon', () => {
    const withHole: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, -0.5],
          [2, -0.5],
          [2, 0.5],
          [0, 0.5],
          [0, -0.5],
        ],
        [
          [0.5, -0.25],
          [0.5, 0.25],
          [1, 0.25],
          [0.5, -0.25],
        ],
      ],
    };
    expect(pathOf(withHole, p)).toBe('M0 100L200 100L200 0L0 0ZM50 75L50 25L100 25Z');
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        (square(0, -0.5, 0.5) as { coordinates: number[][][] }).coordinates,
        (square(1.5, 0, 0.5) as { coordinates: number[][][] }).coordinates,
      ],
    };
    expect(pathOf(multi, p)).toBe('M0 100L50 100L50 50L0 50ZM150 50L200 50L200 0L150 0Z');
  });

  it('drops points that round onto the previous one, and rings too small to show', () => {
    const tiny: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.0001, 0],
          [0.0001, 0.0001],
          [0, 0],
        ],
      ],
    };
    expect(pathOf(tiny, p)).toBe('');
    expect(pathOf({ type: 'Point', coordinates: [0, 0] }, p)).toBe('');
  });
});

describe('boxes', () => {
  it('bounds geometries, grows by a share of the larger side, and counts touching boxes as overlapping', () => {
    expect(boxOf([square(0, 0, 1), square(2, 1, 1)])).toEqual([0, 0, 3, 2]);
    expect(boxOf([])).toBeNull();
    expect(grow([0, 0, 2, 1], 0.5)).toEqual([-1, -1, 3, 2]);
    expect(overlaps([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(overlaps([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
  });
});

describe('scaleBar', () => {
  it('picks the longest round length that fits', () => {
    expect(scaleBar(0.01, 300)).toEqual({ km: 2, width: 200 });
    expect(scaleBar(1.1132, 50)).toEqual({ km: 50, width: 44.9 });
    expect(scaleBar(10, 1)).toEqual({ km: 10, width: 1 });
    // Nothing round fits: the shortest length is drawn anyway (a too-short bar beats none).
    expect(scaleBar(1000, 0.00005)).toEqual({ km: 0.1, width: 0 });
  });
});

describe('territoryMap', () => {
  // A 3 × 3 grid of 0.01° squares at the equator (ids 1–9, row by row from the south-west) and one far away (10).
  const grid = Array.from({ length: 9 }, (_, k) => ({
    id: k + 1,
    geometry: square((k % 3) * 0.01, Math.floor(k / 3) * 0.01),
  }));
  const features = [...grid, { id: 10, geometry: square(1, 1) }];

  it('frames the territory with a tenth around it and draws the neighbours that reach in, own mahallas last', () => {
    const m = territoryMap(features, new Set([5]), 1000, 1000);
    // The frame is the middle square grown by 0.001° a side: the eight neighbours touch it, the far square does not.
    expect(m.shapes.map((s) => [s.id, s.member])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
      [5, true],
    ]);
    // 0.012° into 1000 units: the middle square spans 0.01 / 0.012 of the width, centred.
    expect(m.shapes.at(-1)?.d).toBe('M83.3 916.7L916.7 916.7L916.7 83.3L83.3 83.3Z');
    expect(m.project(0.015, 0.015).map((v) => Math.round(v * 10) / 10)).toEqual([500, 500]);
  });

  it('frames the whole district when the territory has no mahallas', () => {
    const m = territoryMap(grid, new Set(), 300, 300);
    expect(m.shapes).toHaveLength(9);
    expect(m.shapes.every((s) => !s.member)).toBe(true);
  });
});
