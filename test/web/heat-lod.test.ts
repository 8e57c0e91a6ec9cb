// Heat map level of detail: bins at national and regional zoom, finer as the map zooms in, points only at district
// zoom with few enough records.
import { describe, expect, it } from 'vitest';
import { HEAT_LOD, chooseHeatLod, heatBox, heatResolution } from '../../web/map/heat-lod.ts';

describe('heatResolution', () => {
  it('picks, zoom by zoom over Tashkent (41.3° N), the coarsest cells under 12 px (worked from the H3 edge table)', () => {
    // metres a pixel at zoom z: 78,271.5 × cos 41.3° / 2^z; edges 26,072 (4), 9,854 (5), 3,725 (6), 1,406 (7), 531 m (8)
    expect([4, 5, 6, 7, 8, 9, 10, 14].map((z) => heatResolution(z, 41.3))).toEqual([4, 5, 5, 6, 7, 8, 8, 8]);
  });

  it('never leaves the resolutions the server serves, however far out or in', () => {
    expect(heatResolution(0, 0)).toBe(HEAT_LOD.minRes);
    expect(heatResolution(22, 41)).toBe(HEAT_LOD.maxRes);
  });

  it('grows finer (never coarser) as the map zooms in', () => {
    const res = Array.from({ length: 40 }, (_, i) => heatResolution(i / 2, 40));
    expect(res.every((r, i) => i === 0 || r >= res[i - 1]!)).toBe(true);
  });
});

describe('chooseHeatLod', () => {
  it('draws the country and a region from bins, whatever the count', () => {
    expect(chooseHeatLod({ zoom: 5.5, lat: 41, count: 10_000_000 })).toEqual({ kind: 'bins', res: 5 });
    expect(chooseHeatLod({ zoom: 8, lat: 41, count: 1_000 })).toEqual({ kind: 'bins', res: 7 });
  });

  it('draws points at district zoom when at most 200,000 records are selected', () => {
    expect(chooseHeatLod({ zoom: 11, lat: 41.3, count: 200_000 })).toEqual({ kind: 'points' });
    expect(chooseHeatLod({ zoom: 13, lat: 41.3, count: 0 })).toEqual({ kind: 'points' });
  });

  it('keeps bins at district zoom when the records are too many or not yet counted', () => {
    expect(chooseHeatLod({ zoom: 12, lat: 41.3, count: 200_001 })).toEqual({ kind: 'bins', res: 8 });
    expect(chooseHeatLod({ zoom: 12, lat: 41.3, count: null })).toEqual({ kind: 'bins', res: 8 });
  });
});

describe('heatBox', () => {
  const parse = (s: string | null) => {
    const [west = NaN, south = NaN, east = NaN, north = NaN] = (s ?? '').split(',').map(Number);
    return { west, south, east, north };
  };
  // The view's corners on a Mercator map of px pixels (512-px tiles), by the inverse projection.
  const viewOf = (v: { lon: number; lat: number; zoom: number }, px: [number, number]) => {
    const worldPx = 512 * 2 ** v.zoom;
    const y = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) * (worldPx / 2);
    const lat = (yy: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * yy) / worldPx))) * 180) / Math.PI;
    const dLon = (px[0] / 2) * (360 / worldPx);
    return {
      west: v.lon - dLon,
      east: v.lon + dLon,
      north: lat(y(v.lat) - px[1] / 2),
      south: lat(y(v.lat) + px[1] / 2),
    };
  };

  it('covers the whole view, with room, at regional zoom anywhere in the country, on wide and tall screens', () => {
    for (const zoom of [7, 8, 8.7, 9.5, 10.5])
      for (const [lon, lat] of [
        [56.1, 45.5],
        [64.4, 39.8],
        [69.24, 41.31],
        [73.1, 37.3],
      ] as const)
        for (const px of [
          [1920, 1080],
          [800, 1400],
        ] as [number, number][]) {
          const b = parse(heatBox({ lon, lat, zoom }, px));
          const v = viewOf({ lon, lat, zoom }, px);
          expect(b.west).toBeLessThan(v.west);
          expect(b.east).toBeGreaterThan(v.east);
          expect(b.south).toBeLessThan(v.south);
          expect(b.north).toBeGreaterThan(v.north);
          // …but under half the country's box (56–73.2° E, 37.2–45.6° N: ≈ 144 square degrees) at regional zoom.
          if (zoom >= 8.7) expect((b.east - b.west) * (b.north - b.south)).toBeLessThan(72);
        }
  });

  it('asks for the same box after a small pan or resize, so the cached answer is used', () => {
    const here = heatBox({ lon: 66.3, lat: 39.6, zoom: 9 }, [1600, 900]);
    expect(heatBox({ lon: 66.25, lat: 39.58, zoom: 9 }, [1600, 900])).toBe(here);
    expect(heatBox({ lon: 66.3, lat: 39.6, zoom: 9 }, [1580, 950])).toBe(here);
  });

  it('asks for no box when the view spans the world', () => {
    expect(heatBox({ lon: 66, lat: 41, zoom: 1 }, [1920, 1080])).toBeNull();
  });
});
