// The H3 study area of a database at one resolution: every cell of its districts' outlines and every cell that ever held
// a record, with k-ring weights and residents apportioned from mahallas. Pure, and slow nationally (≈ 6 s at resolution
// 7: polygon cover, area clipping, k-rings), so the server builds it on the statistics worker (server/stats/tasks.ts).
import type { MultiPolygon, Polygon } from 'geojson';
import { neighbourhoodShares } from '../stats/neighbourhood-excess.ts';
import type { Weights } from '../stats/weights.ts';
import { coverCells, kRingWeights } from './h3-area.ts';
import { h3CellKey, h3KeyCell } from './h3-bits.ts';
import { apportionResidents } from './h3-residents.ts';

export interface StudyArea {
  /** Ascending by key (h3-js hex strings of one resolution sort the same way). */
  cells: string[];
  /** h3CellKey of each cell, ascending */
  keys: Float64Array;
  w: Weights;
  /** residents apportioned to each cell, and each k-ring's share of all of them */
  residents: Float64Array;
  share: Float64Array;
}

/** What the study area is built from, as the database gives it: geometries stay JSON text so the worker parses them. */
export interface StudyAreaInput {
  res: number;
  /** district outlines (GeoJSON Polygon or MultiPolygon text) */
  outlines: string[];
  /** h3CellKey at `res` of every cell that holds a record */
  used: Float64Array;
  mahallas: Array<{ population: number; lon: number; lat: number; g: string }>;
}

/**
 * The area of a list of cells (any order, no repeats) with their residents: sorted by key, with k-ring 1 weights.
 * @example areaOf(['872830828ffffff'], 7, new Map([['872830828ffffff', 100]])).share; // Float64Array [1]
 */
export function areaOf(cells: string[], res: number, residentsOf: ReadonlyMap<string, number>): StudyArea {
  const keys = Float64Array.from(cells, (c) => h3CellKey(c, res)).sort();
  const sorted = Array.from(keys, (k) => h3KeyCell(k, res));
  const w = kRingWeights(sorted);
  const residents = Float64Array.from(sorted, (c) => residentsOf.get(c) ?? 0);
  return { cells: sorted, keys, w, residents, share: neighbourhoodShares(residents, w) };
}

/**
 * Every outline cell and every used cell, plus any cell a mahalla's residents fall in, with their residents.
 * @example buildStudyArea({ res: 7, outlines: [square], used: new Float64Array(), mahallas: [] }).cells.length; // cells covering the square
 */
export function buildStudyArea(input: StudyAreaInput): StudyArea {
  const { res } = input;
  const cells = new Set(
    coverCells(
      input.outlines.map((g) => JSON.parse(g) as Polygon | MultiPolygon),
      res,
    ),
  );
  for (const k of input.used) cells.add(h3KeyCell(k, res));
  const residents = apportionResidents(
    input.mahallas.map((m) => ({
      geometry: JSON.parse(m.g) as Polygon | MultiPolygon,
      population: m.population,
      label: [m.lon, m.lat] as const,
    })),
    [...cells],
    res,
  );
  for (const c of residents.keys()) cells.add(c);
  return areaOf([...cells], res, residents);
}
