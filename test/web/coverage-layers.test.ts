// The coverage map's layers without shapes: each mahalla of the index joined to its territory (colour slot, inspector,
// size), unassigned ones hatched red, the selected territory darker, the overloaded marker on one of its mahallas.
import { describe, expect, it } from 'vitest';
import type { MahallaIndex } from '../../web/queries/mahallas.ts';
import type { TileFill } from '../../web/map/mahalla-layers.ts';
import { DISTRICT_LABEL } from '../../web/map/style.ts';
import {
  buildTerritoryLayers,
  markerPoint,
  PROBLEM,
  TERRITORY_COLORS,
  TERRITORY_LAYER_IDS,
  territoryMahallas,
} from '../../web/views/coverage/layers.ts';

const at = (id: number, lon: number, district: string) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [lon, 41] },
  properties: { id, name: `M${id}`, districtSoato: district, districtName: district },
});
const INDEX: MahallaIndex = {
  type: 'FeatureCollection',
  features: [at(1, 69.0, 'A'), at(2, 69.1, 'A'), at(3, 69.2, 'A'), at(4, 69.3, 'A'), at(5, 70, 'B')],
};
const COLS = {
  inspectorId: [7, 8, 9],
  name: ['Karimov', null, 'Rahimova'],
  districtSoato: ['A', 'A', 'B'],
  slot: [2, 5, 0],
  mahallaIds: [[1, 2, 3], [4], [5]],
};

describe('coverage layers from the mahalla index', () => {
  it('joins every mahalla of the area to its territory, naming the inspector (the mahalla when hidden)', () => {
    const inA = territoryMahallas(INDEX, { ...COLS, mahallaIds: [[1, 2], [4], [5]] }, (d) => d === 'A');
    expect(inA.features.map((f) => f.properties)).toEqual([
      { id: 1, name: 'Karimov', inspectorId: 7, mahallas: 2, slot: 2 },
      { id: 2, name: 'Karimov', inspectorId: 7, mahallas: 2, slot: 2 },
      { id: 3, name: 'M3', inspectorId: null, mahallas: 0, slot: 0 },
      { id: 4, name: 'M4', inspectorId: 8, mahallas: 1, slot: 5 },
    ]);
  });

  it('colours by slot, darkens the selected territory, hatches the unassigned and marks the overloaded', () => {
    const mahallas = territoryMahallas(INDEX, { ...COLS, mahallaIds: [[1, 2], [4], [5]] }, () => true);
    const layers = buildTerritoryLayers(
      { mahallas, outlineDistrict: null, overloaded: new Set([7]) },
      { selected: 8, overloadKey: '7' },
    );
    const fill = layers.find((l) => (l as TileFill).kind === 'tile-fill') as TileFill;
    const c = (k: number) => TERRITORY_COLORS[k]!;
    expect(fill.colours.get(1)).toEqual([...c(2), 80]);
    expect(fill.colours.get(4)).toEqual([...c(5), 150]);
    expect(fill.colours.get(3)).toEqual([...PROBLEM, 190]);
    expect(fill.hatched).toEqual([3]);
    const marker = layers.find((l) => 'id' in l && l.id === TERRITORY_LAYER_IDS.overloaded) as {
      props: { data: Array<{ properties: { inspectorId: number }; position: number[] }> };
    };
    expect(marker.props.data).toEqual([{ properties: { inspectorId: 7, name: 'Karimov' }, position: [69.0, 41] }]);
  });

  it('draws the overload markers, base points and selected outline below the district names (issue 14)', () => {
    const mahallas = territoryMahallas(INDEX, COLS, () => true);
    const outline = {
      type: 'Feature' as const,
      geometry: { type: 'MultiPolygon' as const, coordinates: [] },
      properties: { inspectorId: 7, name: 'Karimov', districtSoato: 'A', mahallas: 3, slot: 2 },
    };
    const layers = buildTerritoryLayers(
      {
        mahallas,
        outlines: { type: 'FeatureCollection', features: [outline] },
        outlineDistrict: 'A',
        basePoints: [{ id: 1, name: 'B1', lon: 69, lat: 41 }],
        overloaded: new Set([7]),
      },
      { selected: 7, overloadKey: '7' },
    );
    const before = (id: string) =>
      (layers.find((l) => 'id' in l && l.id === id) as { props: { beforeId?: string } } | undefined)?.props.beforeId;
    expect(
      [TERRITORY_LAYER_IDS.overloaded, TERRITORY_LAYER_IDS.base, TERRITORY_LAYER_IDS.selected].map(before),
    ).toEqual([DISTRICT_LABEL, DISTRICT_LABEL, DISTRICT_LABEL]);
  });

  it('sizes markers in metres: 2 px dots without a ring at national zoom, full size with a ring in a city', () => {
    const mahallas = territoryMahallas(INDEX, COLS, () => true);
    const layers = buildTerritoryLayers(
      {
        mahallas,
        outlineDistrict: null,
        basePoints: [{ id: 1, name: 'B1', lon: 69, lat: 41 }],
        overloaded: new Set([7]),
      },
      { selected: null, overloadKey: '7' },
    );
    type Sized = {
      props: {
        getRadius: number;
        radiusMinPixels: number;
        radiusMaxPixels: number;
        getLineWidth: number;
        lineWidthMaxPixels: number;
      };
    };
    // As deck.gl draws a ScatterplotLayer in metres: the size over metres a pixel, clamped to the pixel bounds.
    const drawn = (id: string, metresPerPixel: number) => {
      const p = (layers.find((l) => 'id' in l && l.id === id) as unknown as Sized).props;
      const radius = Math.min(p.radiusMaxPixels, Math.max(p.radiusMinPixels, p.getRadius / metresPerPixel));
      return { radius, ring: Math.min(p.lineWidthMaxPixels, p.getLineWidth / metresPerPixel) };
    };
    // Web Mercator at 41° N: ≈ 3.6 km a pixel at the country's zoom (5.3), ≈ 80 m at the city's (10.5).
    const country = 3600,
      city = 80;
    for (const id of [TERRITORY_LAYER_IDS.overloaded, TERRITORY_LAYER_IDS.base]) {
      expect(drawn(id, country).radius).toBe(2);
      expect(drawn(id, country).ring).toBeLessThan(0.1);
      expect(drawn(id, city).ring).toBe(1.5);
    }
    expect(drawn(TERRITORY_LAYER_IDS.overloaded, city).radius).toBe(5.5);
  });

  it('marks a territory on the centroid of its mahalla nearest their mean', () => {
    expect(
      markerPoint([
        [0, 0],
        [1, 0],
        [10, 0],
      ]),
    ).toEqual([1, 0]);
  });
});
