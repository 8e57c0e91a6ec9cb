// Wall-screen hot-spot labels: the strongest first, none piled onto a stronger neighbour, at most `max`.
import { describe, expect, it } from 'vitest';
import { hotLabels } from '../../web/views/briefing/map-layers.ts';
import type { Hotspots, Territories } from '../../web/queries/briefing.ts';
import { overload } from '../../web/views/briefing/slides/CoverageSlide.tsx';
import { translator } from '../../web/i18n/translate.ts';
import { areaName } from '../../web/views/briefing/slides/SlideFrame.tsx';

// As the mahalla index gives them: a point (the centroid) per mahalla.
const feature = (id: number, x: number, y: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [x + 0.005, y + 0.005] },
  properties: { id, name: `M${id}` },
});
// 1 and 2 are neighbours (0.01° apart), 3 is far away; 4 is only 90 % significant.
const territories = {
  type: 'FeatureCollection',
  features: [feature(1, 69.2, 41.3), feature(2, 69.21, 41.3), feature(3, 69.4, 41.2), feature(4, 69.5, 41.1)],
} as unknown as Territories;
const hotspots = { ids: [1, 2, 3, 4], z: [3.1, 4.2, 2.2, 1.8], bin: [3, 3, 2, 1] } as unknown as Hotspots;

describe('wall-screen hot-spot labels', () => {
  it('labels the strongest of two neighbours only, then the next hot spot far away; 90 % ones are not labelled', () => {
    expect(hotLabels(territories, hotspots, 6).map((l) => l.name)).toEqual(['M2', 'M3']);
  });

  it('keeps both neighbours when they are far enough apart for the scale, and stops at max', () => {
    expect(hotLabels(territories, hotspots, 6, 0.005).map((l) => l.name)).toEqual(['M2', 'M1', 'M3']);
    expect(hotLabels(territories, hotspots, 1).map((l) => l.name)).toEqual(['M2']);
  });
});

describe('wall-screen overload lines', () => {
  it('name the norm exceeded: residents, incidents or distance (every one read as incidents before, issue 14)', () => {
    const ru = translator('ru');
    expect(overload({ norm: 'normResidents', value: 49666, limit: 15000 }, ru, 'ru')).toBe(
      '49\u00a0666 жит. > 15\u00a0000',
    );
    expect(overload({ norm: 'normIncidents', value: 29, limit: 14 }, ru, 'ru')).toBe('29 происш. > 14');
    expect(overload({ norm: 'normDistanceKm', value: 7, limit: 5 }, translator('uz-Latn'), 'uz-Latn')).toBe(
      '7 km eng uzoq mahallagacha > 5',
    );
  });
});

describe('the wall heading of the whole area', () => {
  const districts = (n: number) => Array.from({ length: n }, (_, k) => ({ soato: String(1726000 + k), name: `D${k}` }));
  const whole = (scope: 'city' | 'region' | 'country', name: string, n: number) => ({
    district: null,
    meta: { studyArea: { scope, name }, districts: districts(n) },
  });

  it('counts the districts of a city or a region, names the country', () => {
    const ru = translator('ru');
    expect(areaName(whole('city', 'Tashkent city', 12), ru)).toBe('Все 12 районов');
    expect(areaName(whole('region', 'Samarqand viloyati', 14), ru)).toBe('Все 14 районов');
    expect(areaName(whole('country', 'Uzbekistan', 199), ru)).toBe('Узбекистан');
    expect(areaName(whole('country', 'Uzbekistan', 199), translator('uz-Latn'))).toBe('O\u02bbzbekiston');
  });
});
