// The offline basemap and the deck.gl layer builder, checked by invariants rather than pixels.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import {
  basemapStyle,
  DISTRICT_LABEL_MIN_ZOOM,
  LABEL_SOURCE,
  LIGHT,
  MAHALLA_SOURCE,
  OVERLAY_BEFORE,
} from '../../web/map/style.ts';
import { MARKS_SOURCE, OUTLINE_LAYER, TILE_SOURCE } from '../../web/map/tile-source.ts';
import { buildLayers, LAYER_IDS, toPositions3 } from '../../web/map/layers.ts';
import { heatLayer } from '../../web/map/heat-layer.ts';
import { mapLabel } from '../../web/map/map-labels.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

describe('basemap style', () => {
  const urls = { tiles: ['http://localhost/api/tiles/mahallas/fp/{z}/{x}/{y}.pbf'], minzoom: 4, maxzoom: 12 };
  const style = basemapStyle(LIGHT, empty, urls);

  it('asks for the tiles first, the labels second (the other worker)', () => {
    expect(Object.keys(style.sources)).toEqual([TILE_SOURCE, LABEL_SOURCE, MARKS_SOURCE, MAHALLA_SOURCE]);
    expect(style.sources[TILE_SOURCE]).toEqual({ type: 'vector', ...urls });
    expect(style.sources[MARKS_SOURCE]).toEqual({ type: 'vector', ...urls });
  });

  it('draws the land and the region and district borders from the tiles, each layer its own kind', () => {
    const layer = (id: string) =>
      style.layers.find((l) => l.id === id) as {
        type: string;
        source: string;
        'source-layer': string;
        filter: unknown;
      };
    for (const [id, type, kind] of [
      ['land', 'fill', 'land'],
      ['region-line', 'line', 'region'],
      ['district-line', 'line', 'district'],
    ] as const) {
      const l = layer(id);
      expect([l.type, l.source, l['source-layer']], id).toEqual([type, TILE_SOURCE, OUTLINE_LAYER]);
      expect(l.filter, id).toEqual(['==', ['get', 'kind'], kind]);
    }
  });

  it('needs no remote resources: no glyphs, sprite or tile URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('has unique layer ids and every non-background layer has a known source', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of style.layers) {
      if (l.type === 'background') continue;
      expect(Object.keys(style.sources)).toContain((l as { source: string }).source);
    }
  });

  it('contains the layer the overlay inserts before, and labels above it', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toContain(OVERLAY_BEFORE);
    expect(ids.indexOf('district-label')).toBeGreaterThan(ids.indexOf(OVERLAY_BEFORE));
    // Mahalla outlines sit above the overlay's fills and below the district lines.
    expect(ids.indexOf('district-line')).toBeGreaterThan(ids.indexOf(OVERLAY_BEFORE));
  });

  it('places district labels without collisions: no overlap, a margin, narrow wrap, a fallback anchor', () => {
    const label = style.layers.find((l) => l.id === 'district-label') as { layout: Record<string, unknown> };
    expect(label.layout['text-allow-overlap']).toBe(false);
    expect(label.layout['text-ignore-placement']).toBe(false);
    expect(label.layout['text-padding']).toBeGreaterThanOrEqual(3);
    expect(label.layout['text-max-width']).toBeLessThanOrEqual(6);
    // Centre first, then the eight places around it (two left Yakkasaroy and Olmazor out at 1366 px, issue 14).
    expect(label.layout['text-variable-anchor']).toEqual([
      'center',
      'top',
      'bottom',
      'left',
      'right',
      'top-left',
      'top-right',
      'bottom-left',
      'bottom-right',
    ]);
  });

  it('names the regions at country zoom and the districts from a region in: each label layer its own kind and zooms', () => {
    const label = (id: string) =>
      style.layers.find((l) => l.id === id) as { minzoom?: number; maxzoom?: number; filter: unknown };
    const [region, district] = [label('region-label'), label('district-label')];
    expect(region.filter).toEqual(['==', ['get', 'kind'], 'region']);
    expect(district.filter).toEqual(['==', ['get', 'kind'], 'district']);
    // Handed over at one zoom: never both, never neither. The whole country on a laptop (≈ 5.4) gets region names, a
    // region framed (≥ 6.5) its districts'.
    expect([region.minzoom ?? 0, region.maxzoom, district.minzoom, district.maxzoom ?? 24]).toEqual([
      0,
      DISTRICT_LABEL_MIN_ZOOM,
      DISTRICT_LABEL_MIN_ZOOM,
      24,
    ]);
    expect(DISTRICT_LABEL_MIN_ZOOM).toBeGreaterThan(5.8);
    expect(DISTRICT_LABEL_MIN_ZOOM).toBeLessThan(6.5);
  });

  it('labels a district without the generic word, in every script; a city keeps its name', () => {
    expect(['Чиланзарский район', 'Chilonzor tumani', 'Чилонзор тумани', 'МИРАБАДСКИЙ РАЙОН'].map(mapLabel)).toEqual([
      'Чиланзарский',
      'Chilonzor',
      'Чилонзор',
      'МИРАБАДСКИЙ',
    ]);
    expect(['Хорезмская область', 'Xorazm viloyati', 'Хоразм вилояти'].map(mapLabel)).toEqual([
      'Хорезмская',
      'Xorazm',
      'Хоразм',
    ]);
    expect(mapLabel('город Нукус')).toBe('город Нукус');
    expect(mapLabel('Nukus shahri')).toBe('Nukus shahri');
  });
});

describe('layer builder', () => {
  const territories = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        properties: { id: 1, name: 'A', districtSoato: '1726294', districtName: 'D' },
      },
    ],
  };

  it('builds only the layers that are switched on, with stable unique ids', () => {
    const layers = buildLayers(
      { territories, basePoints: [] },
      { layers: ['choropleth', 'base'], selected: null, metricKey: 'k' },
    );
    const ids = layers.map((l) => l.id);
    expect(ids).toEqual([LAYER_IDS.choropleth, LAYER_IDS.selected, LAYER_IDS.base]);
  });

  it('adds the heat map only when it has points and its code has come', () => {
    const xy = new Float32Array([69.2, 41.3, 69.3, 41.31]);
    const on = { layers: ['heat'] as const, selected: null, metricKey: 'k' };
    const ui = { ...on, layers: ['heat' as const] };
    expect(buildLayers({}, ui, undefined, undefined, heatLayer).map((l) => l.id)).toEqual([]);
    expect(buildLayers({}, ui, toPositions3(xy), undefined, heatLayer).map((l) => l.id)).toEqual([LAYER_IDS.heat]);
    // Still loading (web/map/lazy-module.ts): no heat layer yet, nothing else changes.
    expect(buildLayers({}, ui, toPositions3(xy)).map((l) => l.id)).toEqual([]);
  });

  it('expands lon/lat pairs to x, y, z positions', () => {
    expect([...toPositions3(new Float32Array([1, 2, 3, 4]))]).toEqual([1, 2, 0, 3, 4, 0]);
  });
});
