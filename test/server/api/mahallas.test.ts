// GET /api/mahallas, /api/boundaries and /api/base-points: GeoJSON shape and the fixture's staff layout.
import { describe, expect, it } from 'vitest';
import { okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const mahallas = async (district?: string) => okBody(await f.api.mahallas.$get({ query: { district } }));
const boundaries = async () => okBody(await f.api.boundaries.$get());
const basePoints = async (district?: string) => okBody(await f.api['base-points'].$get({ query: { district } }));

describe('GET /api/mahallas', () => {
  it('answers a zoom with the same mahallas, simplified (the fixture squares keep their four corners)', async () => {
    const body = okBody(await f.api.mahallas.$get({ query: { zoom: '5' } }));
    expect((await body).features.map((x) => [x.id, x.geometry.type])).toEqual([
      [1, 'Polygon'],
      [2, 'Polygon'],
      [3, 'Polygon'],
      [4, 'Polygon'],
    ]);
    expect((await f.api.mahallas.$get({ query: { zoom: '23' } })).status).toBe(400);
  });

  it('is a FeatureCollection with one feature per mahalla, feature id = mahalla id', async () => {
    const body = await mahallas();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.id)).toEqual([1, 2, 3, 4]);
  });

  it('gives a mahalla its district, residents, area to 3 decimals and inspector', async () => {
    const body = await mahallas();
    expect(body.features[0]?.properties).toEqual({
      id: 1,
      code: '1726287001',
      name: 'Olmazor',
      districtSoato: '1726287',
      districtName: 'Yakkasaroy',
      population: 1000,
      households: 250,
      areaKm2: 23.154, // stored 23.15449
      synthetic: true,
      inspectorId: 1,
      inspectorName: 'Aziz Karimov',
    });
  });

  it('marks the unassigned mahalla with a null inspector', async () => {
    const body = await mahallas();
    const chinor = body.features.find((f) => f.id === 4);
    expect(chinor?.properties.inspectorId).toBeNull();
    expect(chinor?.properties.inspectorName).toBeNull();
  });

  it('returns the stored polygon as GeoJSON geometry, [lon, lat]', async () => {
    const body = await mahallas();
    expect(body.features[1]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [69.25, 41.2],
          [69.3, 41.2],
          [69.3, 41.25],
          [69.25, 41.25],
          [69.25, 41.2],
        ],
      ],
    });
  });

  it('keeps only the asked district', async () => {
    const body = await mahallas('1726273');
    expect(body.features.map((f) => f.id)).toEqual([3, 4]);
  });

  it('answers a district with no mahallas with an empty collection', async () => {
    const body = await mahallas('1726200');
    expect(body.features).toEqual([]);
  });
});

describe('GET /api/boundaries', () => {
  it('returns the region outline', async () => {
    const body = await boundaries();
    expect(body.regions.features.map((f) => f.properties)).toEqual([
      { soato: '1726', name: 'Toshkent shahri', kind: 'region' },
    ]);
  });

  it('returns district outlines ordered by SOATO code', async () => {
    const body = await boundaries();
    expect(body.districts.features.map((f) => f.properties)).toEqual([
      { soato: '1726273', name: 'Mirobod', kind: 'district' },
      { soato: '1726287', name: 'Yakkasaroy', kind: 'district' },
    ]);
    expect(body.districts.features[1]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [69.2, 41.2],
          [69.3, 41.2],
          [69.3, 41.25],
          [69.2, 41.25],
          [69.2, 41.2],
        ],
      ],
    });
  });

  it('gives one label point inside each region and each district, with its kind', async () => {
    const body = await boundaries();
    expect(body.labels.features.map((f) => [f.properties.kind, f.properties.soato])).toEqual([
      ['region', '1726'],
      ['district', '1726273'],
      ['district', '1726287'],
    ]);
    // Yakkasaroy is the square 69.2–69.3 × 41.2–41.25: its label stands at its middle.
    const [lon, lat] = (body.labels.features[2]?.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(69.25, 6);
    expect(lat).toBeCloseTo(41.225, 6);
  });
});

describe('GET /api/base-points', () => {
  it('lists every base point with its position and number of inspectors', async () => {
    const body = await basePoints();
    expect(body).toEqual([
      { id: 1, name: 'Base point No. 1', districtSoato: '1726287', lon: 69.21, lat: 41.21, inspectors: 1 },
      { id: 2, name: 'Base point No. 2', districtSoato: '1726273', lon: 69.31, lat: 41.26, inspectors: 1 },
    ]);
  });

  it('keeps only the asked district', async () => {
    const body = await basePoints('1726273');
    expect(body.map((b) => b.id)).toEqual([2]);
  });
});
