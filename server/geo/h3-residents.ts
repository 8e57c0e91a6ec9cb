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

// Scratch rings for clipping, interleaved x, y: reused, so ≈ 135,000 national clips allocate nothing.
let scratchA = new Float64Array(256);
let scratchB = new Float64Array(256);

/**
 * |area| of a flat ring (x0, y0, x1, y1, …; `n` vertices, open) clipped to a convex counter-clockwise flat polygon of
 * `m` vertices: Sutherland–Hodgman, exact for any ring against a convex window up to zero-width slivers (no area).
 */
function clipArea(ring: ArrayLike<number>, n: number, clip: ArrayLike<number>, m: number): number {
  if (scratchA.length < 4 * (n + m)) {
    scratchA = new Float64Array(8 * (n + m));
    scratchB = new Float64Array(8 * (n + m));
  }
  let inp = scratchA,
    out = scratchB,
    len = n;
  for (let k = 0; k < 2 * n; k++) inp[k] = ring[k]!;
  for (let e = 0; e < m && len > 0; e++) {
    const ax = clip[2 * e]!,
      ay = clip[2 * e + 1]!;
    const f = e + 1 < m ? e + 1 : 0;
    const dx = clip[2 * f]! - ax,
      dy = clip[2 * f + 1]! - ay;
    let o = 0;
    for (let i = 0; i < len; i++) {
      const j = i + 1 < len ? i + 1 : 0;
      const px = inp[2 * i]!,
        py = inp[2 * i + 1]!,
        qx = inp[2 * j]!,
        qy = inp[2 * j + 1]!;
      // Inside = on the left of the clip edge.
      const sp = dx * (py - ay) - dy * (px - ax),
        sq = dx * (qy - ay) - dy * (qx - ax);
      if (sp >= 0) {
        out[o++] = px;
        out[o++] = py;
      }
      if (sp >= 0 !== sq >= 0) {
        const t = sp / (sp - sq);
        out[o++] = px + t * (qx - px);
        out[o++] = py + t * (qy - py);
      }
    }
    [inp, out] = [out, inp];
    len = o / 2;
  }
  let a = 0;
  for (let i = 0, j = len - 1; i < len; j = i++) a += inp[2 * j]! * inp[2 * i + 1]! - inp[2 * i]! * inp[2 * j + 1]!;
  return Math.abs(a / 2);
}

/** A ring of positions as a flat x, y array. */
const flat = (r: readonly Position[]): Float64Array => {
  const out = new Float64Array(2 * r.length);
  r.forEach((p, i) => {
    out[2 * i] = p[0]!;
    out[2 * i + 1] = p[1]!;
  });
  return out;
};

/**
 * |area| of a ring clipped to a convex counter-clockwise polygon, neither closed (no repeated first vertex).
 * @example clippedArea([[0, 0], [2, 0], [2, 2], [0, 2]], [[1, 1], [3, 1], [3, 3], [1, 3]]); // 1
 */
export function clippedArea(ring: readonly Position[], clip: readonly Position[]): number {
  return clipArea(flat(ring), ring.length, flat(clip), clip.length);
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
  // Cell outlines counter-clockwise as flat rings, in a box index: one query per mahalla finds the cells it may share.
  const outlines = cells.map((c) => {
    const ring = open(cellToBoundary(c, true));
    return flat(ringArea(ring) < 0 ? ring.reverse() : ring);
  });
  const index = new Flatbush(Math.max(1, outlines.length));
  for (const r of outlines) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = 0; k < r.length; k += 2) {
      x0 = Math.min(x0, r[k]!);
      x1 = Math.max(x1, r[k]!);
      y0 = Math.min(y0, r[k + 1]!);
      y1 = Math.max(y1, r[k + 1]!);
    }
    index.add(x0, y0, x1, y1);
  }
  if (outlines.length === 0) index.add(0, 0, 0, 0); // Flatbush needs a box; searches skip it when there are no cells
  index.finish();

  const out = new Map<string, number>();
  const add = (cell: string, n: number): void => void out.set(cell, (out.get(cell) ?? 0) + n);
  for (const m of mahallas) {
    if (m.population <= 0) continue;
    const parts = m.geometry.type === 'Polygon' ? [m.geometry.coordinates] : m.geometry.coordinates;
    const rings = parts.map((rs) => rs.map((r) => flat(open(r))));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rs of rings) {
      const r = rs[0] ?? [];
      for (let k = 0; k < r.length; k += 2) {
        x0 = Math.min(x0, r[k]!);
        x1 = Math.max(x1, r[k]!);
        y0 = Math.min(y0, r[k + 1]!);
        y1 = Math.max(y1, r[k + 1]!);
      }
    }
    const shares: Array<[string, number]> = [];
    let total = 0;
    for (const k of outlines.length > 0 ? index.search(x0, y0, x1, y1) : []) {
      // Exterior rings add, holes subtract.
      let a = 0;
      const hex = outlines[k]!;
      for (const rs of rings) {
        for (let h = 0; h < rs.length; h++)
          a += (h === 0 ? 1 : -1) * clipArea(rs[h]!, rs[h]!.length / 2, hex, hex.length / 2);
      }
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
