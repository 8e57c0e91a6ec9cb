// Makes polygons of different groups (districts) meet vertex for vertex along common borders, on the 1e-7° grid.
// Each district is tiled on its own, so where two districts meet, each side carries its own Voronoi crossing points;
// rounded to the grid they sit up to ≈ 0.7 cm off the common line, which left sub-centimetre overlaps and gaps.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Ring } from './planar.ts';
import { cleanRing, vertexKey } from './rings.ts';

const GRID = 1e7; // grid steps per degree: 1e-7° ≈ 1 cm
const MAX_PASSES = 4; // one pass settles real inputs; a second confirms nothing is left

/** What stitch changed: vertices moved onto another group's vertex, vertices inserted into another group's edge. */
export interface StitchReport {
  merged: number;
  inserted: number;
  passes: number;
}

/**
 * Snaps polygons so that any two of different groups share the identical vertex sequence along a common border:
 * a vertex within `tolGrid` grid steps of another group's vertex moves onto it (the lower group's position wins), and a
 * vertex within `tolGrid` of another group's edge, between its ends, is inserted into that edge. Polygons of one group
 * are expected to match exactly already (the tessellator guarantees it). Output coordinates lie on the 1e-7° grid,
 * rings closed, windings kept. Deterministic: the result depends only on the input order.
 * @example stitch(mahallaGeometries, districtIndexOfEach, 2) // crossing points of both districts on both sides
 */
export function stitch(
  geometries: ReadonlyArray<Polygon | MultiPolygon>,
  group: ArrayLike<number>,
  tolGrid: number,
): { geometries: Array<Polygon | MultiPolygon>; report: StitchReport } {
  if (!(tolGrid >= 0)) throw new Error(`stitch tolerance must be ≥ 0 grid steps (got ${tolGrid})`);
  const polys = geometries.map((g) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((p) => p.map(toGrid)),
  );
  const report: StitchReport = { merged: 0, inserted: 0, passes: 0 };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    report.passes = pass + 1;
    const merged = mergeVertices(polys, group, tolGrid);
    const inserted = insertVertices(polys, group, tolGrid);
    report.merged += merged;
    report.inserted += inserted;
    if (merged + inserted === 0) break;
    if (pass === MAX_PASSES - 1) throw new Error(`stitch did not settle in ${MAX_PASSES} passes`);
  }
  return {
    geometries: polys.map((p, i) => {
      const coords = p.map((rings) =>
        rings.map((r, k) => {
          const clean = cleanRing(r);
          if (!clean) throw new Error(`stitch collapsed ring ${k} of polygon ${i}`);
          return toGeoJsonRing(clean);
        }),
      );
      return coords.length === 1 && coords[0]
        ? { type: 'Polygon', coordinates: coords[0] }
        : { type: 'MultiPolygon', coordinates: coords };
    }),
    report,
  };
}

/** Distinct vertex positions with the groups that use each. */
interface Vertices {
  xs: number[];
  ys: number[];
  groups: Array<Set<number>>;
  index: Flatbush;
}

function collect(polys: Ring[][][], group: ArrayLike<number>): Vertices {
  const id = new Map<string, number>();
  const v: Omit<Vertices, 'index'> = { xs: [], ys: [], groups: [] };
  polys.forEach((p, i) => {
    const g = group[i] ?? 0;
    for (const r of p.flat()) {
      for (let k = 0; k < r.length; k += 2) {
        const x = r[k] ?? 0,
          y = r[k + 1] ?? 0;
        const key = vertexKey(x, y);
        let j = id.get(key);
        if (j === undefined) {
          j = v.xs.length;
          id.set(key, j);
          v.xs.push(x);
          v.ys.push(y);
          v.groups.push(new Set());
        }
        v.groups[j]?.add(g);
      }
    }
  });
  const index = new Flatbush(Math.max(1, v.xs.length));
  v.xs.forEach((x, j) => index.add(x, v.ys[j] ?? 0));
  if (v.xs.length === 0) index.add(0, 0);
  index.finish();
  return { ...v, index };
}

const disjoint = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => ![...a].some((g) => b.has(g));

/**
 * Moves vertices used by disjoint sets of groups that lie within tol of each other onto one position: the one whose
 * lowest group comes first (ties: lower x, then y). Vertices a group shares are never merged with each other.
 */
function mergeVertices(polys: Ring[][][], group: ArrayLike<number>, tol: number): number {
  const v = collect(polys, group);
  const target = new Map<string, [number, number]>();
  const rank = (j: number): number => Math.min(...(v.groups[j] ?? []));
  for (let j = 0; j < v.xs.length; j++) {
    const x = v.xs[j] ?? 0,
      y = v.ys[j] ?? 0;
    let best = j;
    for (const q of v.index.search(x - tol, y - tol, x + tol, y + tol)) {
      if (q === j || Math.hypot((v.xs[q] ?? 0) - x, (v.ys[q] ?? 0) - y) > tol) continue;
      if (!disjoint(v.groups[j] ?? new Set(), v.groups[q] ?? new Set())) continue;
      const better = rank(q) - rank(best) || (v.xs[q] ?? 0) - (v.xs[best] ?? 0) || (v.ys[q] ?? 0) - (v.ys[best] ?? 0);
      if (better < 0) best = q;
    }
    if (best !== j) target.set(vertexKey(x, y), [v.xs[best] ?? 0, v.ys[best] ?? 0]);
  }
  if (target.size === 0) return 0;
  for (const r of polys.flat(2)) {
    for (let k = 0; k < r.length; k += 2) {
      const t = target.get(vertexKey(r[k] ?? 0, r[k + 1] ?? 0));
      if (t) [r[k], r[k + 1]] = t;
    }
  }
  return target.size;
}

/** Inserts, into every edge, the vertices of other groups within tol of it and strictly between its ends. */
function insertVertices(polys: Ring[][][], group: ArrayLike<number>, tol: number): number {
  const v = collect(polys, group);
  let count = 0;
  polys.forEach((p, i) => {
    const g = group[i] ?? 0;
    for (const rings of p) {
      rings.forEach((r, k) => {
        const out: Ring = [];
        const n = r.length / 2;
        for (let e = 0; e < n; e++) {
          const ax = r[2 * e] ?? 0,
            ay = r[2 * e + 1] ?? 0,
            bx = r[(2 * e + 2) % r.length] ?? 0,
            by = r[(2 * e + 3) % r.length] ?? 0;
          out.push(ax, ay);
          const dx = bx - ax,
            dy = by - ay,
            len2 = dx * dx + dy * dy;
          const hits: Array<[number, number, number]> = [];
          const found = v.index.search(
            Math.min(ax, bx) - tol,
            Math.min(ay, by) - tol,
            Math.max(ax, bx) + tol,
            Math.max(ay, by) + tol,
          );
          for (const q of found) {
            if (v.groups[q]?.has(g)) continue;
            const qx = v.xs[q] ?? 0,
              qy = v.ys[q] ?? 0;
            // Grid integers: the dot and cross products below are exact.
            const dot = (qx - ax) * dx + (qy - ay) * dy;
            const cross = dx * (qy - ay) - dy * (qx - ax);
            if (dot <= 0 || dot >= len2 || cross * cross > tol * tol * len2) continue;
            hits.push([dot, qx, qy]);
          }
          hits.sort((s, t) => s[0] - t[0] || s[1] - t[1] || s[2] - t[2]);
          for (const [, qx, qy] of hits) out.push(qx, qy);
          count += hits.length;
        }
        rings[k] = out;
      });
    }
  });
  return count;
}

/** GeoJSON ring (lon/lat, closed or not) → open flat ring of grid integers. */
function toGrid(ring: Position[]): Ring {
  const r: Ring = [];
  for (const [lon = 0, lat = 0] of ring) r.push(Math.round(lon * GRID), Math.round(lat * GRID));
  if (r.length > 2 && r[0] === r[r.length - 2] && r[1] === r[r.length - 1]) r.length -= 2;
  return r;
}

function toGeoJsonRing(r: Ring): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < r.length; i += 2) ring.push([(r[i] ?? 0) / GRID, (r[i + 1] ?? 0) / GRID]);
  ring.push([...(ring[0] ?? [])]);
  return ring;
}
