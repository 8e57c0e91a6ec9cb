// Residents of H3 cells, apportioned from mahallas by area, so hexagons are tested against the same null as mahallas
// (constant risk given residents). Pure functions over h3-js; polygons are GeoJSON, [lon, lat] degrees.
import type { MultiPolygon, Polygon } from 'geojson';
import { cellToParent, getHexagonAreaAvg, latLngToCell, polygonToCells } from 'h3-js';

export interface ResidentSource {
  geometry: Polygon | MultiPolygon;
  population: number;
  areaKm2: number;
  /** a point inside the polygon, [lon, lat] */
  label: readonly [number, number];
}

/** Fine cells per mahalla aimed at: enough that a mahalla's split between cells is right to a few percent. */
const FINE_CELLS = 32;
/** Fine cells are at most this many resolutions below the target (343 fine cells a target cell): finer adds nothing. */
const MAX_STEPS = 3;

/**
 * The resolution whose cells split a mahalla of `areaKm2` into about FINE_CELLS or more: the first of res + 1 …
 * res + MAX_STEPS (at most 15) that does, else the finest of them.
 * @example fineResolution(0.5, 8); // 10: 0.5 km² is ≈ 33 resolution-10 cells
 */
export function fineResolution(areaKm2: number, res: number): number {
  const last = Math.min(15, res + MAX_STEPS);
  for (let r = res + 1; r < last; r++) if (areaKm2 / getHexagonAreaAvg(r, 'km2') >= FINE_CELLS) return r;
  return last;
}

/**
 * Residents per cell at `res`: each mahalla's residents spread evenly over the fine cells (fineResolution) whose
 * centres lie inside it, each fine cell's share going to its parent at `res`; a mahalla too small to hold a fine cell's
 * centre gives all its residents to the cell of its label point. The totals add up to the residents of all mahallas.
 * @example
 * apportionResidents([{ geometry, population: 4200, areaKm2: 0.8, label: [69.27, 41.31] }], 8); // Map { '88…' → 1312.5, … }
 */
export function apportionResidents(mahallas: readonly ResidentSource[], res: number): Map<string, number> {
  const out = new Map<string, number>();
  const add = (cell: string, n: number): void => void out.set(cell, (out.get(cell) ?? 0) + n);
  for (const m of mahallas) {
    if (m.population <= 0) continue;
    const fine = fineResolution(m.areaKm2, res);
    const parts = m.geometry.type === 'Polygon' ? [m.geometry.coordinates] : m.geometry.coordinates;
    const cells: string[] = [];
    for (const rings of parts) for (const c of polygonToCells(rings, fine, true)) cells.push(c);
    if (cells.length === 0) {
      add(latLngToCell(m.label[1], m.label[0], res), m.population);
      continue;
    }
    const each = m.population / cells.length;
    for (const c of cells) add(cellToParent(c, res), each);
  }
  return out;
}
