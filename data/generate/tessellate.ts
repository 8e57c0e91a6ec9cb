// Tiles a real district polygon into mahalla-sized Voronoi cells with exactly shared edges (real mahalla maps are not public).
import { Delaunay } from 'd3-delaunay';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Rng } from './random.ts';
import { clipCell } from './clip.ts';
import {
  indexDistrict,
  type DistrictIndex,
  pointInDistrict,
  reverseRing,
  ringArea,
  type PlanarPolygon,
  type Ring,
} from './planar.ts';
import { cleanRing, corner, dissolve } from './rings.ts';
import { mergeSlivers, type Piece } from './slivers.ts';

/** Options of tessellateDistrict. */
export interface TessellateOptions {
  /** Pieces smaller than this (km²) merge into a neighbour. */
  minKm2?: number;
}

const DEFAULTS = {
  minKm2: 0.3, // city scale: the smallest real Tashkent mahallas are about this size
  minShare: 0.25, // national scale: pieces below this share of the mean cell area also merge (cells there are ~50 km²)
  extraShare: 0.5, // a detached part of a cell below this share of the mean cell area merges; above it, it becomes a cell
  lloyd: 3, // Lloyd iterations: evens out cell areas (random Voronoi cells vary about ±50 %, relaxed ones about ±20 %)
};
const CANDIDATES = 8; // best-candidate seeding: points drawn per seed
const GRID = 1e7; // output grid per degree: 1e-7° ≈ 1 cm
const R_KM = 6378.137; // turf.area's sphere, so planar and reported areas agree
const KM_PER_DEG = (R_KM * Math.PI) / 180;

/** Local equirectangular projection around a grid origin: grid integers (relative) ↔ planar km. */
interface Frame {
  gx0: number;
  gy0: number;
  /** km per grid unit along x (carries cos(lat0)) and y. */
  kx: number;
  ky: number;
}

/**
 * Splits a district (lon/lat, any winding, holes and parts allowed) into about `count` cells that tile it exactly:
 * seeds by rejection sampling, Lloyd relaxation, Voronoi in a local equirectangular frame, clipping to the district,
 * coordinates rounded to 1e-7°, slivers merged. Neighbouring cells share bit-identical vertices; exteriors are
 * counter-clockwise (RFC 7946), rings closed. Fewer cells come back when the district is too small (never fewer than 1).
 * @example tessellateDistrict(chilonzor.geometry, 43, new Rng(1)) // 43 polygons of about 0.7 km²
 */
export function tessellateDistrict(
  district: Polygon | MultiPolygon,
  count: number,
  rng: Rng,
  options: TessellateOptions = {},
): Array<Polygon | MultiPolygon> {
  const minKm2 = options.minKm2 ?? DEFAULTS.minKm2;
  const { frame, polygons } = toGrid(district);
  const planar = polygons.map((poly) => poly.map((r) => r.map((v, i) => v * (i % 2 === 0 ? frame.kx : frame.ky))));
  const d = indexDistrict(planar);
  const areaKm2 = planar.reduce(
    (s, poly) => s + poly.reduce((t, r, k) => t + (k === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0),
    0,
  );
  if (areaKm2 <= 0) return [];
  const mean = areaKm2 / Math.max(1, count);
  const minArea = Math.max(minKm2, DEFAULTS.minShare * mean);
  const n = Math.max(1, Math.min(Math.round(count), Math.floor(areaKm2 / minArea)));

  let cells: PlanarPolygon[][];
  if (n === 1) {
    cells = [planar];
  } else {
    const [x0, y0, x1, y1] = d.bbox;
    const seeds = sampleSeeds(d, n, rng);
    const pad = Math.max(x1 - x0, y1 - y0) * 0.1 + 1;
    const bounds = [x0 - pad, y0 - pad, x1 + pad, y1 + pad] as const;
    for (let it = 0; it < DEFAULTS.lloyd; it++) {
      voronoi(seeds, bounds).forEach((cell, i) => {
        const c = cell && centroid(clipCell(d, cell));
        if (c && pointInDistrict(d, c[0], c[1])) {
          seeds[2 * i] = c[0];
          seeds[2 * i + 1] = c[1];
        }
      });
    }
    cells = voronoi(seeds, bounds).map((cell) => (cell ? clipCell(d, cell) : []));
  }

  const pieces: Piece[] = [];
  cells.forEach((polys, cell) => {
    const parts = polys.map((p) => snap(p, frame)).filter((p): p is PlanarPolygon => p !== null);
    const areas = parts.map((p) => p.reduce((s, r) => s + sphericalArea(r, frame), 0));
    const largest = areas.indexOf(Math.max(...areas));
    parts.forEach((polygon, k) => {
      const [cx, cy] = centroid([polygon]) ?? [0, 0];
      pieces.push({ cell, main: k === largest, polygon, area: areas[k] ?? 0, cx, cy });
    });
  });
  const groups = mergeSlivers(pieces, {
    minArea,
    extraArea: DEFAULTS.extraShare * mean,
    kmPerGridX: frame.kx,
    kmPerGridY: frame.ky,
  });
  return groups.map((ids) => {
    const polys = ids.map((i) => pieces[i]?.polygon ?? []);
    return toGeoJson(ids.length === 1 ? polys : dissolve(polys), frame);
  });
}

/**
 * Seeds inside the district: Mitchell's best candidate (of CANDIDATES points drawn by rejection sampling, keep the one
 * farthest from the seeds so far), which starts Lloyd from an even spread instead of clumps.
 */
function sampleSeeds(d: DistrictIndex, n: number, rng: Rng): Float64Array {
  const [x0, y0, x1, y1] = d.bbox;
  const seeds = new Float64Array(2 * n);
  const draw = (): [number, number] => {
    for (let tries = 0; tries < 100_000; tries++) {
      const x = rng.range(x0, x1),
        y = rng.range(y0, y1);
      if (pointInDistrict(d, x, y)) return [x, y];
    }
    return [(x0 + x1) / 2, (y0 + y1) / 2];
  };
  for (let i = 0; i < n; i++) {
    let best: [number, number] = [0, 0],
      bestD = -1;
    for (let c = 0; c < CANDIDATES; c++) {
      const [x, y] = draw();
      let near = Infinity;
      for (let j = 0; j < i; j++)
        near = Math.min(near, ((seeds[2 * j] ?? 0) - x) ** 2 + ((seeds[2 * j + 1] ?? 0) - y) ** 2);
      if (near > bestD) {
        bestD = near;
        best = [x, y];
      }
    }
    seeds[2 * i] = best[0];
    seeds[2 * i + 1] = best[1];
  }
  return seeds;
}

/** Rounds the district to the grid (relative to its bbox centre) and drops duplicate and closing vertices. */
function toGrid(g: Polygon | MultiPolygon): { frame: Frame; polygons: PlanarPolygon[] } {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let lo0 = Infinity,
    la0 = Infinity,
    lo1 = -Infinity,
    la1 = -Infinity;
  for (const p of polys.flat(2)) {
    lo0 = Math.min(lo0, p[0] ?? 0);
    lo1 = Math.max(lo1, p[0] ?? 0);
    la0 = Math.min(la0, p[1] ?? 0);
    la1 = Math.max(la1, p[1] ?? 0);
  }
  const gx0 = Math.round(((lo0 + lo1) / 2) * GRID),
    gy0 = Math.round(((la0 + la1) / 2) * GRID);
  const lat0 = (gy0 / GRID) * (Math.PI / 180);
  const frame = { gx0, gy0, kx: (KM_PER_DEG * Math.cos(lat0)) / GRID, ky: KM_PER_DEG / GRID };
  const polygons: PlanarPolygon[] = [];
  for (const poly of polys) {
    const rings = poly.map((r) =>
      cleanRing(r.flatMap((p) => [Math.round((p[0] ?? 0) * GRID) - gx0, Math.round((p[1] ?? 0) * GRID) - gy0])),
    );
    const [outer, ...holes] = rings;
    if (!outer) continue;
    const inner = holes.filter((h): h is Ring => h !== null).map((h) => (ringArea(h) < 0 ? h : reverseRing(h)));
    polygons.push([ringArea(outer) > 0 ? outer : reverseRing(outer), ...inner]);
  }
  return { frame, polygons };
}

/** Voronoi cells (counter-clockwise flat rings, repeated vertices removed) of the seeds within bounds. */
function voronoi(seeds: Float64Array, bounds: readonly [number, number, number, number]): Array<Ring | null> {
  const v = new Delaunay(seeds).voronoi([...bounds]);
  const out: Array<Ring | null> = [];
  for (let i = 0; i < seeds.length / 2; i++) {
    const poly = v.cellPolygon(i) as Position[] | null;
    if (!poly) {
      out.push(null);
      continue;
    }
    const r: Ring = [];
    for (const [x = 0, y = 0] of poly.slice(0, -1)) {
      if (r.length === 0 || x !== r[r.length - 2] || y !== r[r.length - 1]) r.push(x, y);
    }
    if (r.length > 2 && r[0] === r[r.length - 2] && r[1] === r[r.length - 1]) r.length -= 2;
    out.push(r.length < 6 ? null : ringArea(r) > 0 ? r : reverseRing(r));
  }
  // Two seeds: d3 puts their midpoint on the bisector as an extra, collinear vertex of both cells; drop it so no
  // crossing can be credited to either of two collinear edges (both cells drop the same vertex).
  if (seeds.length === 4) return out.map((r) => r && dropCollinear(r));
  return out;
}

/** Removes vertices whose neighbours are collinear with them (relative tolerance 1e-9). */
function dropCollinear(r: Ring): Ring {
  const out: Ring = [];
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const [px, py, x, y, nx, ny] = corner(r, i);
    const cross = (x - px) * (ny - y) - (y - py) * (nx - x);
    if (Math.abs(cross) > 1e-9 * Math.hypot(x - px, y - py) * Math.hypot(nx - x, ny - y)) out.push(x, y);
  }
  return out;
}

/** Area-weighted centroid of polygons (holes subtract), or null when they have no area. */
function centroid(polys: PlanarPolygon[]): [number, number] | null {
  let a = 0,
    x = 0,
    y = 0;
  for (const r of polys.flat()) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xj = r[j] ?? 0,
        yj = r[j + 1] ?? 0,
        xi = r[i] ?? 0,
        yi = r[i + 1] ?? 0;
      const c = xj * yi - xi * yj;
      a += c;
      x += (xj + xi) * c;
      y += (yj + yi) * c;
    }
  }
  return a > 0 ? [x / (3 * a), y / (3 * a)] : null;
}

/** Planar polygon → grid polygon: round, clean, keep rings whose winding survived. */
function snap(poly: PlanarPolygon, f: Frame): PlanarPolygon | null {
  const rings = poly.map((r, k) => {
    const g = cleanRing(r.map((v, i) => Math.round(v / (i % 2 === 0 ? f.kx : f.ky))));
    return g && ringArea(g) > 0 === (k === 0) ? g : null;
  });
  const [outer, ...holes] = rings;
  return outer ? [outer, ...holes.filter((h): h is Ring => h !== null)] : null;
}

/**
 * Signed area (km², positive counter-clockwise) of a grid ring by turf.area's formula (edges straight in lon × sin(lat)), so the sliver
 * thresholds agree with the areas reported for the cells.
 */
function sphericalArea(r: Ring, f: Frame): number {
  let s = 0;
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const dx = (r[((i + n - 1) % n) * 2] ?? 0) - (r[((i + 1) % n) * 2] ?? 0);
    s += dx * Math.sin(((f.gy0 + (r[i * 2 + 1] ?? 0)) / GRID) * (Math.PI / 180));
  }
  return (s * (Math.PI / 180 / GRID) * R_KM * R_KM) / 2;
}

/** Grid polygons → GeoJSON lon/lat with closed rings. */
function toGeoJson(polys: PlanarPolygon[], f: Frame): Polygon | MultiPolygon {
  const coords = polys.map((poly) =>
    poly.map((r) => {
      const ring: Position[] = [];
      for (let i = 0; i < r.length; i += 2) ring.push([(f.gx0 + (r[i] ?? 0)) / GRID, (f.gy0 + (r[i + 1] ?? 0)) / GRID]);
      ring.push([...(ring[0] ?? [])]);
      return ring;
    }),
  );
  return coords.length === 1 && coords[0]
    ? { type: 'Polygon', coordinates: coords[0] }
    : { type: 'MultiPolygon', coordinates: coords };
}
