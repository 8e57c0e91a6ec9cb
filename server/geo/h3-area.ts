// The H3 study area of a hexagon analysis: the cells covering a set of polygons, its size limit, and the k-ring
// neighbourhood weights Gi* reads. Pure functions over h3-js (cells are h3-js hex strings, e.g. '8920a192dd3ffff').
import type { MultiPolygon, Polygon } from 'geojson';
import { getHexagonAreaAvg, gridDisk, POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from 'h3-js';
import { weightsFromPairs, type Weights } from '../stats/weights.ts';

/** The resolutions a hexagon map may ask for: 5 (≈ 250 km² a cell) to 9 (≈ 0.1 km², the one stored per point). */
export const H3_MIN_RES = 5;
export const H3_MAX_RES = 9;

/**
 * Most cells one analysis may hold. Tashkent city (≈ 335 km²) fits at resolution 9 (≈ 3,200 cells); the whole country
 * (≈ 450,000 km²) fits at resolution 7 (≈ 87,000 cells) but not 8 (≈ 610,000: seconds of gridDisk and ≈ 30 MB of JSON).
 */
export const H3_MAX_CELLS = 150_000;

/**
 * Cells an area of `areaKm2` needs at `res` (average cell area; the covering ring at the edge adds a little).
 * @example estimateCells(335, 9) // 3190
 */
export function estimateCells(areaKm2: number, res: number): number {
  return Math.ceil(areaKm2 / getHexagonAreaAvg(res, 'km2'));
}

/**
 * The finest resolution (H3_MIN_RES…H3_MAX_RES) whose cells over `areaKm2` stay within H3_MAX_CELLS; H3_MIN_RES at
 * worst, since Uzbekistan holds ≈ 1,800 resolution-5 cells.
 * @example maxResolutionFor(335) // 9 (a city); maxResolutionFor(448_900) // 7 (the country)
 */
export function maxResolutionFor(areaKm2: number): number {
  let res = H3_MAX_RES;
  while (res > H3_MIN_RES && estimateCells(areaKm2, res) > H3_MAX_CELLS) res--;
  return res;
}

/**
 * Every cell at `res` that overlaps one of the polygons (not only those whose centre lies inside: at resolution 5 a cell
 * is larger than a Tashkent district, which centre containment would leave without any cell). Sorted, no repeats.
 * Polygons are GeoJSON, [lon, lat] degrees.
 * @example coverCells([{ type: 'Polygon', coordinates: [[[69.2, 41.2], [69.3, 41.2], [69.3, 41.3], [69.2, 41.2]]] }], 7)
 */
export function coverCells(polygons: ReadonlyArray<Polygon | MultiPolygon>, res: number): string[] {
  const cells = new Set<string>();
  for (const g of polygons) {
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of parts) {
      for (const c of polygonToCellsExperimental(rings, res, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true))
        cells.add(c);
    }
  }
  return [...cells].sort();
}

/**
 * Binary k-ring weights over `cells` (k = 1: a cell and its up to six edge neighbours, self included), neighbours
 * outside the list left out — the H3 counterpart of queen contiguity, for server/stats/gistar.ts.
 * @example
 * const cells = gridDisk('8920a192dd3ffff', 1); // a centre and its ring
 * kRingWeights(cells).offsets; // the centre row has 7 entries, each ring cell 4 (itself, the centre, two ring cells)
 */
export function kRingWeights(cells: readonly string[], k = 1): Weights {
  const index = new Map(cells.map((c, i) => [c, i]));
  const a: number[] = [],
    b: number[] = [];
  cells.forEach((cell, i) => {
    for (const nb of gridDisk(cell, k)) {
      const j = index.get(nb);
      // Each undirected pair once (from its lower index); gridDisk also returns the cell itself, which is j === i.
      if (j !== undefined && j > i) {
        a.push(i);
        b.push(j);
      }
    }
  });
  return weightsFromPairs(cells.length, Int32Array.from(a), Int32Array.from(b));
}
