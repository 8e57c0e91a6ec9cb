// The H3 study area of a database at one resolution: every cell of its districts' outlines and every cell that ever held
// a record, with k-ring weights and residents apportioned from mahallas. Two parts: the cells' residents depend on the
// boundaries only (≈ 2 s nationally at resolution 7: polygon cover and area clipping), so they are computed when the
// boundaries change and kept in the database (server/services/hotspots/cell-residents.ts); the cells that held a record
// change with every import and are added to them when an area is kept (k-rings: ≈ 0.4 s nationally).
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

/** What the cells' residents are computed from, as the database gives it: geometries stay JSON text (parsed here). */
export interface ResidentsInput {
  res: number;
  /** district outlines (GeoJSON Polygon or MultiPolygon text) */
  outlines: string[];
  mahallas: Array<{ population: number; lon: number; lat: number; g: string }>;
}

/** Cells of one resolution by h3CellKey, ascending, and the residents of each (0 for a cell that only covers). */
export interface CellResidents {
  keys: Float64Array;
  residents: Float64Array;
}

/**
 * The cells of a list (any order, no repeats) with their residents: sorted by key, with k-ring 1 weights.
 * @example areaOf(['872830828ffffff'], 7, new Map([['872830828ffffff', 100]])).share; // Float64Array [1]
 */
export function areaOf(cells: string[], res: number, residentsOf: ReadonlyMap<string, number>): StudyArea {
  const keys = Float64Array.from(cells, (c) => h3CellKey(c, res)).sort();
  const sorted = Array.from(keys, (k) => h3KeyCell(k, res));
  return areaOfKeys(
    keys,
    res,
    Float64Array.from(sorted, (c) => residentsOf.get(c) ?? 0),
    sorted,
  );
}

/** The area of ascending keys and their residents; `cells` their hex strings when the caller has them. */
function areaOfKeys(keys: Float64Array, res: number, residents: Float64Array, cells?: string[]): StudyArea {
  const sorted = cells ?? Array.from(keys, (k) => h3KeyCell(k, res));
  const w = kRingWeights(sorted);
  return { cells: sorted, keys, w, residents, share: neighbourhoodShares(residents, w) };
}

/**
 * Residents per cell: every cell overlapping a district outline, and any cell a mahalla's residents fall in (its label
 * point's, when no outline cell overlaps it), residents apportioned by shared area (server/geo/h3-residents.ts).
 * Depends on the boundaries and residents only, never on records.
 * @example cellResidents({ res: 7, outlines: [square], mahallas: [] }).keys.length; // cells covering the square
 */
export function cellResidents(input: ResidentsInput): CellResidents {
  const { res } = input;
  const cells = coverCells(
    input.outlines.map((g) => JSON.parse(g) as Polygon | MultiPolygon),
    res,
  );
  const residents = apportionResidents(
    input.mahallas.map((m) => ({
      geometry: JSON.parse(m.g) as Polygon | MultiPolygon,
      population: m.population,
      label: [m.lon, m.lat] as const,
    })),
    cells,
    res,
  );
  const all = new Set(cells);
  for (const c of residents.keys()) all.add(c);
  const keys = Float64Array.from(all, (c) => h3CellKey(c, res)).sort();
  return { keys, residents: Float64Array.from(keys, (k) => residents.get(h3KeyCell(k, res)) ?? 0) };
}

/**
 * The study area: the cells of `base` and the cells in `used` (h3CellKey of cells that hold a record, any order), those
 * outside `base` without residents. Merged as two sorted key lists, no hashing of ≈ 76,000 cells.
 * @example studyAreaOf(cellResidents(input), new Float64Array([key]), 7).cells.length; // the outline's cells and `key`
 */
export function studyAreaOf(base: CellResidents, used: Float64Array, res: number): StudyArea {
  const extra = Float64Array.from(used).sort();
  const keys = new Float64Array(base.keys.length + extra.length);
  const residents = new Float64Array(keys.length);
  let i = 0,
    j = 0,
    n = 0;
  while (i < base.keys.length || j < extra.length) {
    const a = i < base.keys.length ? base.keys[i]! : Infinity;
    const b = j < extra.length ? extra[j]! : Infinity;
    if (b < a) {
      if (n === 0 || keys[n - 1] !== b) keys[n++] = b;
      j++;
      continue;
    }
    if (b === a) j++;
    keys[n] = a;
    residents[n++] = base.residents[i++]!;
  }
  return areaOfKeys(keys.slice(0, n), res, residents.slice(0, n));
}
