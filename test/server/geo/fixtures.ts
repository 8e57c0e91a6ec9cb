// Loads the hand-made GeoJSON fixtures of test/fixtures/geo and converts their "units" (1/64 degree) to lon/lat.
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Delaunay } from 'd3-delaunay';
import { Rng } from '../../../data/generate/random.ts';

export type Geom = Polygon | MultiPolygon;

/** The geometries of a fixture, in file order (feature k = polygon k). */
export function loadFixture(name: 'grid-3x3' | 'shapes' | 'split-border'): Geom[] {
  const file = new URL(`../../fixtures/geo/${name}.geojson`, import.meta.url);
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Geom>;
  return fc.features.map((f: Feature<Geom>) => f.geometry);
}

/** The 199 real district geometries shipped in data/geo (OCHA 2018), in file order. */
export function loadDistricts(): Geom[] {
  const file = new URL('../../../data/geo/uz_adm2_districts_ocha2018.geojson', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Geom>).features.map((f) => f.geometry);
}

/** The fixtures' unit: 1/64 degree, a binary fraction, so points on edges are exact doubles. */
export const U = 1 / 64;

/** [lon, lat] of a point given in units from an origin (shapes and split-border: 70E 40N; grid-3x3: 69.25E 41.25N). */
export const at = (x: number, y: number, origin: readonly [number, number] = [70, 40]): [number, number] => [
  origin[0] + x * U,
  origin[1] + y * U,
];
export const GRID_ORIGIN = [69.25, 41.25] as const;

export { square } from '../../fixtures/square.ts';

/**
 * A seeded Voronoi tessellation of the box [x0, x1] × [y0, y1] (d3-delaunay: neighbouring cells share exact vertices).
 */
export function voronoiCells(n: number, seed: number, box: readonly [number, number, number, number]): Polygon[] {
  const rng = new Rng(seed);
  const pts = Float64Array.from({ length: 2 * n }, (_, i) =>
    i % 2 === 0 ? rng.range(box[0], box[2]) : rng.range(box[1], box[3]),
  );
  const voronoi = new Delaunay(pts).voronoi([...box]);
  return Array.from({ length: n }, (_, i): Polygon => ({ type: 'Polygon', coordinates: [voronoi.cellPolygon(i)] }));
}

/** Where two answer arrays differ: how many, and the first few indices (a toEqual diff of 100,000 numbers takes minutes). */
export function mismatches(got: Int32Array, want: Int32Array): { count: number; first: number[] } {
  const first: number[] = [];
  let count = Math.abs(got.length - want.length);
  for (let i = 0, n = Math.min(got.length, want.length); i < n; i++) {
    if (got[i] === want[i]) continue;
    if (count++ < 5) first.push(i);
  }
  return { count, first };
}
