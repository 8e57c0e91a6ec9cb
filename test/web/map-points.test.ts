// The base points MapLibre draws (web/map/map-points.ts): a metre radius with pixel bounds as a zoom expression, and
// the GeoJSON whose feature ids lead a picked dot back to its point.
import { describe, expect, it } from 'vitest';
import { metreRadius, pointsGeoJson } from '../../web/map/map-points.ts';
import { basePointDots, buildLayers, LAYER_IDS } from '../../web/map/layers.ts';

/** Web Mercator metres a pixel at `zoom` and `lat` for 512-px tiles (MapLibre's and deck.gl's). */
const metresPerPx = (zoom: number, lat: number): number =>
  (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);

/** MapLibre's exponential interpolation of `expr` (two stops) at `zoom`, clamped outside them as MapLibre does. */
function evaluate(expr: unknown[], zoom: number): number {
  const [, [, base], , z1, r1, z2, r2] = expr as [string, [string, number], unknown, number, number, number, number];
  if (zoom <= z1) return r1;
  if (zoom >= z2) return r2;
  const t = (base ** (zoom - z1) - 1) / (base ** (z2 - z1) - 1);
  return r1 + t * (r2 - r1);
}

describe('metreRadius', () => {
  const lat = 41.3;
  const expr = metreRadius(220, 1.5, 6.5, lat) as unknown[];

  it('is 220 m on the ground between the pixel bounds, at every zoom', () => {
    for (const zoom of [8.7, 9, 9.5, 10, 10.5, 10.7]) {
      expect(evaluate(expr, zoom)).toBeCloseTo(220 / metresPerPx(zoom, lat), 6);
    }
  });

  it('stays at 1.5 px at national zoom and 6.5 px close in', () => {
    expect(evaluate(expr, 5.3)).toBe(1.5);
    expect(evaluate(expr, 14)).toBe(6.5);
    // The bounds are met where the ground radius is that many pixels (golden: Tashkent's latitude).
    expect(expr[3]).toBeCloseTo(8.648, 2);
    expect(expr[5]).toBeCloseTo(10.764, 2);
  });

  it('meets the bounds at higher zooms nearer the equator, where a metre takes fewer pixels', () => {
    const south = metreRadius(220, 1.5, 6.5, 0) as number[];
    expect(south[3]).toBeGreaterThan(expr[3] as number);
  });
});

describe('pointsGeoJson', () => {
  it('gives each point a feature whose id is its index, at its place', () => {
    const points = [
      { id: 7, name: 'A', lon: 69.2, lat: 41.3 },
      { id: 3, name: 'B', lon: 64.4, lat: 39.7 },
    ];
    const fc = pointsGeoJson(points);
    expect(fc.features.map((f) => f.id)).toEqual([0, 1]);
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([
      [69.2, 41.3],
      [64.4, 39.7],
    ]);
  });
});

describe('base points in the hot-spot layers', () => {
  it('are drawn by MapLibre, not deck.gl: the first screen then needs no overlay', () => {
    const basePoints = [{ id: 1, name: 'P', lon: 69.2, lat: 41.3 }];
    const [dots] = buildLayers({ basePoints }, { layers: ['base'], selected: null, metricKey: 'k' });
    expect(dots).toEqual(basePointDots(LAYER_IDS.base, basePoints));
    expect(dots).toMatchObject({ kind: 'map-points', id: LAYER_IDS.base, points: basePoints });
  });
});
