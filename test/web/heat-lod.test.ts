// Heat map level of detail: bins at national and regional zoom, finer as the map zooms in, points only at district
// zoom with few enough records.
import { describe, expect, it } from 'vitest';
import { HEAT_LOD, chooseHeatLod, heatResolution } from '../../web/map/heat-lod.ts';

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
