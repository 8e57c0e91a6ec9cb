// The point-in-polygon grid's contract: the boundary rule, the reference kernel every lookup must agree with, and the data layout.
import type { FlatPolygons } from './flat-polygons.ts';

/*
 * Boundary rule (why points on shared edges land in exactly one polygon):
 * a point (x, y) is inside when a ray towards +x crosses an odd number of the polygon's edges (all rings, even-odd),
 * where an edge with lower endpoint (x0, y0) and upper (x1, y1) is crossed iff y0 <= y < y1 and x < x0 + (y - y0) * slope,
 * slope = (x1 - x0) / (y1 - y0). Endpoints are ordered by y before anything is computed, so two polygons that share an
 * edge in opposite orientations evaluate bit-identical expressions. The rule is a consistent perturbation of the point
 * by (+ε, +ε²): points on a vertical shared edge go to the polygon on the right (east), on a horizontal one to the
 * polygon above (north), and a shared vertex to the polygon just north-east of it.
 * Where polygons overlap (not a tessellation) the lowest index wins.
 */

/** Grid tuning; the defaults suit ~10k polygons of ~40 vertices whose sizes vary a thousandfold (cities vs desert). */
export const GRID_DEFAULTS = {
  /** Top-level cells per polygon edge, spread over the polygons' summed bbox area. */
  cellsPerEdge: 1,
  /** Upper bound on top-level cells (4 bytes each). */
  maxCells: 4_000_000,
  /** A mixed cell whose candidates carry more than this many edges (+1 per candidate) is split into a sub-grid. */
  splitCost: 24,
  /** A split cell becomes splitFactor × splitFactor sub-cells. */
  splitFactor: 4,
  /** Levels of sub-grids below the top grid (each splitFactor times finer). */
  maxDepth: 3,
};
export type GridOptions = Partial<typeof GRID_DEFAULTS>;

/** In an entry, the edge-start slot holding this means the polygon contains the whole cell. */
export const WHOLE_CELL = -1;

/**
 * Everything a PolygonIndex needs, as plain numbers and typed arrays.
 * Lon/lat degrees throughout.
 */
export interface PolygonIndexData {
  /** Extent of the top grid (union of the polygons' boxes); points outside it are in no polygon. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  nx: number;
  ny: number;
  /** Top-level cells per degree along x and y. */
  invW: number;
  invH: number;
  /**
   * A word per top-level cell (row-major): the polygon that wholly contains the cell (>= 0), -1 when no polygon
   * reaches into it, or `-2 - o` for a block at offset o of `ent`.
   */
  cellWord: Int32Array;
  /**
   * Blocks. Candidate list: n >= 0, then n triples (poly, edgeStart or WHOLE_CELL, edgeEnd) in ascending polygon order.
   * Sub-grid: -1 - f (f indexes `frames`), nx, ny, then nx*ny words with the meaning of `cellWord`.
   */
  ent: Int32Array;
  /** 4 per sub-grid: minX, minY, cells per degree along x and y. */
  frames: Float64Array;
  /**
   * 4 per edge record: x0, y0 (lower endpoint), y1 (upper), slope dx/dy. x0 = +Infinity, slope 0 is a virtual edge
   * east of the cell: it stands for the far-away boundary and is crossed iff y0 <= y < y1.
   */
  edges: Float64Array;
}

/**
 * The record (x0, y0, y1, slope) of edge a–b, or null for a horizontal edge (never crossed). Built from the lower
 * endpoint, so both orientations of a shared edge give identical bits.
 */
export function edgeRecord(
  ax: number,
  ay: number,
  bx: number,
  by: number,
): [x0: number, y0: number, y1: number, slope: number] | null {
  if (ay === by) return null;
  return ay < by ? [ax, ay, by, (bx - ax) / (by - ay)] : [bx, by, ay, (ax - bx) / (ay - by)];
}

/** The boundary rule on one record (the grid kernel inlines this very expression). */
function crosses(x: number, y: number, [x0, y0, y1, slope]: [number, number, number, number]): boolean {
  return y >= y0 && y < y1 && x < x0 + (y - y0) * slope;
}

/**
 * Exact even-odd point-in-polygon over all rings of polygon `p`: the reference every grid lookup equals (slow: no grid).
 *
 * @example
 * const flat = flattenPolygons([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }]);
 * pointInFlatPolygon(flat, 0, 0.5, 0.5); // true
 * pointInFlatPolygon(flat, 0, 1, 0.5);   // false: the east edge belongs to whatever lies east of it
 */
export function pointInFlatPolygon(flat: FlatPolygons, p: number, x: number, y: number): boolean {
  const { coords, ringStart, polyRingStart } = flat;
  let inside = false;
  for (let r = polyRingStart[p]!, rEnd = polyRingStart[p + 1]!; r < rEnd; r++) {
    const start = ringStart[r]!;
    const end = ringStart[r + 1]!;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const rec = edgeRecord(coords[2 * j]!, coords[2 * j + 1]!, coords[2 * i]!, coords[2 * i + 1]!);
      if (rec && crosses(x, y, rec)) inside = !inside;
    }
  }
  return inside;
}
