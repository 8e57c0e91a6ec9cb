// Residents of H3 cells, apportioned from mahallas by the area they share, so hexagons are tested against the same null
// as mahallas (constant risk given residents). Pure functions over h3-js; polygons are GeoJSON, [lon, lat] degrees.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { cellToBoundary, latLngToCell } from 'h3-js';

export interface ResidentSource {
  geometry: Polygon | MultiPolygon;
  population: number;
  /** a point inside the polygon, [lon, lat]: where the residents go if no cell of the list overlaps it */
  label: readonly [number, number];
}

/** Signed area of a ring of [x, y] (shoelace; positive counter-clockwise), in squared input units. */
function ringArea(r: ArrayLike<Position>): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += r[j]![0]! * r[i]![1]! - r[i]![0]! * r[j]![1]!;
  return s / 2;
}

/**
 * |area| of a ring clipped to a convex polygon (Sutherland–Hodgman: exact for any ring against a convex clip window,
 * up to zero-width slivers that add no area). `clip` is counter-clockwise, without a closing vertex.
 * @example clippedArea([[0, 0], [2, 0], [2, 2], [0, 2]], [[1, 1], [3, 1], [3, 3], [1, 3]]); // 1
 */
export function clippedArea(ring: readonly Position[], clip: readonly Position[]): number {
  let out: Position[] = [...ring];
  for (let e = 0; e < clip.length && out.length > 0; e++) {
    const [ax = 0, ay = 0] = clip[e]!;
    const [bx = 0, by = 0] = clip[(e + 1) % clip.length]!;
    // Inside = on the left of a → b (the clip window is counter-clockwise).
    const side = (p: Position): number => (bx - ax) * (p[1]! - ay) - (by - ay) * (p[0]! - ax);
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const p = input[i]!,
        q = input[(i + 1) % input.length]!;
      const sp = side(p),
        sq = side(q);
      if (sp >= 0) out.push(p);
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        out.push([p[0]! + t * (q[0]! - p[0]!), p[1]! + t * (q[1]! - p[1]!)]);
      }
    }
  }
  return Math.abs(ringArea(out));
}

/** A GeoJSON ring without its closing vertex. */
const open = (r: readonly Position[]): Position[] => {
  const [f, l] = [r[0], r[r.length - 1]];
  return r.length > 1 && f && l && f[0] === l[0] && f[1] === l[1] ? r.slice(0, -1) : [...r];
};

/**
 * Residents per cell: each mahalla's residents shared among the cells of `cells` (one resolution, covering the
 * mahallas) in proportion to the area each shares with it; a mahalla no listed cell overlaps gives all its residents to
 * the cell of its label point at `res`. Areas are planar in degrees, which is exact enough for shares within one
 * mahalla. The totals add up to the residents of all mahallas.
 * @example
 * apportionResidents(mahallas, coverCells(districtOutlines, 8), 8); // Map { '88…' → 1312.5, … }
 */
export function apportionResidents(
  mahallas: readonly ResidentSource[],
  cells: readonly string[],
  res: number,
): Map<string, number> {
  // Cell outlines counter-clockwise, in a flat box index: one query per mahalla finds the cells that may overlap it.
  const outlines = cells.map((c) => {
    const ring = open(cellToBoundary(c, true));
    return ringArea(ring) < 0 ? ring.reverse() : ring;
  });
  const index = new Flatbush(Math.max(1, outlines.length));
  for (const ring of outlines) {
    const xs = ring.map((p) => p[0]!),
      ys = ring.map((p) => p[1]!);
    index.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  }
  if (outlines.length === 0) index.add(0, 0, 0, 0); // Flatbush needs one box; it overlaps no mahalla's cells list
  index.finish();

  const out = new Map<string, number>();
  const add = (cell: string, n: number): void => void out.set(cell, (out.get(cell) ?? 0) + n);
  for (const m of mahallas) {
    if (m.population <= 0) continue;
    const parts = m.geometry.type === 'Polygon' ? [m.geometry.coordinates] : m.geometry.coordinates;
    const rings = parts.map((rs) => rs.map(open));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of rings.flatMap((rs) => rs[0] ?? [])) {
      [x0, y0, x1, y1] = [Math.min(x0, p[0]!), Math.min(y0, p[1]!), Math.max(x1, p[0]!), Math.max(y1, p[1]!)];
    }
    const shares: Array<[string, number]> = [];
    let total = 0;
    for (const k of outlines.length > 0 ? index.search(x0, y0, x1, y1) : []) {
      // Exterior rings add, holes subtract.
      let a = 0;
      for (const rs of rings) rs.forEach((r, h) => (a += (h === 0 ? 1 : -1) * clippedArea(r, outlines[k]!)));
      if (a > 0) {
        shares.push([cells[k]!, a]);
        total += a;
      }
    }
    if (total <= 0) add(latLngToCell(m.label[1], m.label[0], res), m.population);
    else for (const [cell, a] of shares) add(cell, (m.population * a) / total);
  }
  return out;
}
