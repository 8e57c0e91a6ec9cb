// The demo mahallas tile the whole city: no overlap and no gap between any two, across district borders too. Issue 11
// found 200 pairs of mahallas of neighbouring districts overlapping by sub-centimetre slivers (46.7 m² in all).
import { readFileSync } from 'node:fs';
import { area, feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../data/generate/boundaries.ts';
import { generateMahallas } from '../../data/generate/mahallas.ts';
import { Rng } from '../../data/generate/random.ts';
import { DEFAULT_SEED, SCALES } from '../../data/generate/scales.ts';
import { stitch } from '../../data/generate/stitch.ts';
import { tessellateDistrict } from '../../data/generate/tessellate.ts';
import { measureTiling } from '../../data/generate/tiling.ts';
import { square } from '../server/geo/fixtures.ts';

type Geometry = Polygon | MultiPolygon;
const polygonsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const unionOf = (gs: Geometry[]): Geometry => {
  const u = union(featureCollection(gs.map((g) => feature(g))));
  if (!u) throw new Error('empty union');
  return u.geometry;
};
const holeAreas = (g: Geometry): number[] =>
  polygonsOf(g).flatMap((p) => p.slice(1).map((h) => area({ type: 'Polygon', coordinates: [h] })));

describe('demo tiling of Tashkent (city scale, the build’s seed)', () => {
  const districts = loadDistricts(SCALES.city);
  const mahallas = generateMahallas(
    districts.map((d) => ({ soato: d.soato, name: d.nameUz, geometry: d.geometry, areaKm2: d.areaKm2 })),
    { total: SCALES.city.mahallas, mode: 'city', seed: DEFAULT_SEED },
  );
  const report = measureTiling(mahallas, districts);

  it('measures every pair whose bounding boxes meet, hundreds of them across district borders', () => {
    expect(mahallas).toHaveLength(585);
    expect(report.candidatePairs).toBeGreaterThan(1500);
    expect(report.crossDistrictPairs).toBeGreaterThan(250);
  });

  it('has no two mahallas overlapping (under 1e-6 m² for every pair)', () => {
    expect(report.overlaps.filter((o) => o.m2 >= 1e-6)).toEqual([]);
  });

  it('shares every border between mahallas vertex for vertex, across district borders too', () => {
    expect(report.looseEdges).toBe(0);
  });

  it('adds each district’s mahallas up to the district (planar, within 1e-6)', () => {
    expect(report.worstAreaShare).toBeLessThan(1e-6);
  });

  it('covers the city between districts: the union has only the hole the districts have (the Zangiota enclave)', () => {
    const city = unionOf(districts.map((d) => d.geometry));
    const covered = unionOf(mahallas.map((m) => m.geometry));
    expect(polygonsOf(covered)).toHaveLength(polygonsOf(city).length);
    const [enclave = 0, ...others] = holeAreas(city);
    expect(others).toEqual([]);
    expect(enclave / 1e6).toBeCloseTo(18.24, 2);
    const holes = holeAreas(covered);
    expect(holes).toHaveLength(1);
    expect(Math.abs((holes[0] ?? 0) - enclave) / enclave).toBeLessThan(1e-5);
  });
});

describe('measureTiling', () => {
  it('finds the sub-centimetre overlaps of two neighbouring districts tiled apart, and stitch removes them', () => {
    const [yakkasaroy, mirobod] = loadDistricts(SCALES.test);
    if (!yakkasaroy || !mirobod) throw new Error('test-scale districts missing');
    const cells = [yakkasaroy, mirobod].map((d) => tessellateDistrict(d.geometry, 20, new Rng(5)));
    const tiles = (gs: Geometry[][]): Array<{ districtSoato: string; geometry: Geometry }> =>
      gs.flatMap((g, k) =>
        g.map((geometry) => ({ districtSoato: k === 0 ? yakkasaroy.soato : mirobod.soato, geometry })),
      );
    const apart = measureTiling(tiles(cells), [yakkasaroy, mirobod]);
    expect(apart.overlaps.length).toBeGreaterThan(0);
    expect(apart.overlaps[0]?.m2).toBeLessThan(50);
    expect(apart.looseEdges).toBeGreaterThan(0);

    const { geometries } = stitch(cells.flat(), [...cells[0]!.map(() => 0), ...cells[1]!.map(() => 1)], 2);
    const stitched = measureTiling(tiles([geometries.slice(0, cells[0]!.length), geometries.slice(cells[0]!.length)]), [
      yakkasaroy,
      mirobod,
    ]);
    expect(stitched.overlaps).toEqual([]);
    expect(stitched.looseEdges).toBe(0);
  });

  it('measures a planted overlap and the loose edges around it', () => {
    // Two 0.01° squares side by side; the second pushed 1e-5° (≈ 84 cm at 41° N) into the first.
    const districts = [
      { soato: 'a', geometry: square(69, 41, 69.01, 41.01) },
      { soato: 'b', geometry: square(69.01, 41, 69.02, 41.01) },
    ];
    const r = measureTiling(
      [
        { districtSoato: 'a', geometry: square(69, 41, 69.01, 41.01) },
        { districtSoato: 'b', geometry: square(69.00999, 41, 69.02, 41.01) },
      ],
      districts,
    );
    expect(r.overlaps).toHaveLength(1);
    expect(r.overlaps[0]?.m2).toBeCloseTo(area(square(69.00999, 41, 69.01, 41.01)), 3);
    expect(r.looseEdges).toBe(2);
    expect(r.worstAreaShare).toBeCloseTo(1e-3, 6);
  });
});

describe('stitch', () => {
  // Grid steps of 1e-7° from 69° E, 41° N, written as stitch writes them (integer / 1e7).
  const s = (n: number): number => (690_000_000 + n) / 1e7;
  const t = (n: number): number => (410_000_000 + n) / 1e7;
  const ring = (...pts: Array<[number, number]>): Polygon => ({
    type: 'Polygon',
    coordinates: [[...pts.map(([x, y]): Position => [s(x), t(y)]), [s(pts[0]![0]), t(pts[0]![1])]]],
  });

  it('inserts a neighbour’s vertex lying within tolerance of an edge, on both sides the same sequence', () => {
    const left = ring([0, 0], [100, 0], [100, 100], [0, 100]);
    const right = ring([100, 0], [200, 0], [200, 100], [100, 100], [101, 50]); // a crossing point, one step off
    const { geometries, report } = stitch([left, right], [0, 1], 2);
    expect(report).toEqual({ merged: 0, inserted: 1, passes: 2 });
    expect(geometries[0]).toEqual(ring([0, 0], [100, 0], [101, 50], [100, 100], [0, 100]));
    expect(geometries[1]).toEqual(right);
  });

  it('moves a vertex onto a neighbour’s within tolerance (the first group’s position wins), never within a group', () => {
    const a = ring([0, 0], [100, 0], [101, 50], [100, 100], [0, 100]);
    const b = ring([100, 0], [200, 0], [200, 100], [100, 100], [100, 51]);
    const same = stitch([a, b], [0, 0], 2);
    expect(same.report).toEqual({ merged: 0, inserted: 0, passes: 1 });
    expect(same.geometries).toEqual([a, b]);
    const { geometries, report } = stitch([a, b], [0, 1], 2);
    expect(report.merged).toBe(1);
    expect(geometries[1]).toEqual(ring([100, 0], [200, 0], [200, 100], [100, 100], [101, 50]));
    expect(geometries[0]).toEqual(a);
  });

  it('leaves vertices farther than the tolerance alone', () => {
    const left = ring([0, 0], [100, 0], [100, 100], [0, 100]);
    const right = ring([100, 0], [200, 0], [200, 100], [100, 100], [103, 50]);
    expect(stitch([left, right], [0, 1], 2).geometries).toEqual([left, right]);
  });
});

describe('loadDistricts', () => {
  const raw = (file: string): Array<Feature<Geometry, { soato: string }>> =>
    (
      JSON.parse(readFileSync(new URL(`../../data/geo/${file}`, import.meta.url), 'utf8')) as {
        features: Array<Feature<Geometry, { soato: string }>>;
      }
    ).features;

  it('keeps Tashkent’s OSM districts as shipped (they already share their vertices)', () => {
    const shipped = new Map(raw('tashkent_city_districts_osm.geojson').map((f) => [f.properties.soato, f.geometry]));
    for (const d of loadDistricts(SCALES.city)) expect(d.geometry).toEqual(shipped.get(d.soato));
  });

  it('closes the OCHA gaps and overlaps between Kitob, Shahrisabz and Shahrisabz city', () => {
    const trio = ['1710232', '1710245', '1710405'];
    const pick = (gs: Array<{ soato: string; geometry: Geometry }>): Geometry[] =>
      trio.map((code) => gs.find((g) => g.soato === code)?.geometry ?? square(0, 0, 0, 0));
    const overlapM2 = (gs: Geometry[]): number =>
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ].reduce((sum, [i = 0, j = 0]) => {
        const x = intersect(featureCollection([feature(gs[i]!), feature(gs[j]!)]));
        return sum + (x ? area(x) : 0);
      }, 0);
    const before = pick(
      raw('uz_adm2_districts_ocha2018.geojson').map((f) => ({ ...f.properties, geometry: f.geometry })),
    );
    expect(overlapM2(before)).toBeGreaterThan(80);
    expect(holeAreas(unionOf(before)).length).toBeGreaterThan(5);
    const after = pick(loadDistricts(SCALES.national));
    expect(overlapM2(after)).toBe(0);
    expect(holeAreas(unionOf(after))).toEqual([]);
  });
});
