// Per-polygon measures for ingest (area, centroid, border length) straight from the flat arrays; lon/lat degrees in.
import type { FlatPolygons } from './flat-polygons.ts';

const RAD = Math.PI / 180;
/** Mean earth radius (m), as turf uses, so areas match turf's. */
const EARTH_RADIUS_M = 6371008.8;
/** WGS84 semi-major axis (m) and first eccentricity squared, for local radii of curvature. */
const WGS84_A = 6378137;
const WGS84_E2 = 6.69437999014e-3;

/**
 * Area of ring r in km² on a sphere (Chamberlain & Duquette, the formula of turf's area), orientation ignored.
 *
 * @example
 * ringAreaKm2(flattenPolygons([square1km]), 0); // ≈ 1
 */
export function ringAreaKm2(flat: FlatPolygons, r: number): number {
  const c = flat.coords;
  const s = flat.ringStart[r]!,
    n = flat.ringStart[r + 1]! - s;
  if (n < 3) return 0;
  let total = 0;
  for (let k = 0; k < n; k++) {
    const lower = s + k,
      middle = s + ((k + 1) % n),
      upper = s + ((k + 2) % n);
    total += (c[2 * upper]! * RAD - c[2 * lower]! * RAD) * Math.sin(c[2 * middle + 1]! * RAD);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2) / 1e6;
}

/**
 * Area of polygon p in km²: outer rings minus holes (all parts of a MultiPolygon).
 *
 * @example
 * polygonAreaKm2(flat, 0); // equals turf.area(geoms[0]) / 1e6 to ~1e-9
 */
export function polygonAreaKm2(flat: FlatPolygons, p: number): number {
  let area = 0;
  for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
    area += (flat.ringHole[r] === 1 ? -1 : 1) * ringAreaKm2(flat, r);
  }
  return area;
}

/**
 * Area-weighted centroid [lon, lat] of polygon p (planar in degrees, holes subtracted); the vertex mean when the area
 * is zero. Like any centroid it can fall outside a concave polygon.
 *
 * @example
 * polygonCentroid(flattenPolygons([{ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }]), 0); // [1, 1]
 */
export function polygonCentroid(flat: FlatPolygons, p: number): [lon: number, lat: number] {
  const c = flat.coords;
  let a = 0,
    cx = 0,
    cy = 0,
    sx = 0,
    sy = 0,
    n = 0;
  for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
    const s = flat.ringStart[r]!,
      e = flat.ringStart[r + 1]!;
    if (e === s) continue;
    const ox = c[2 * s]!,
      oy = c[2 * s + 1]!; // relative to the ring's first vertex: less cancellation
    let ra = 0,
      rx = 0,
      ry = 0;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const x0 = c[2 * j]! - ox,
        y0 = c[2 * j + 1]! - oy,
        x1 = c[2 * i]! - ox,
        y1 = c[2 * i + 1]! - oy;
      const cross = x0 * y1 - x1 * y0;
      ra += cross;
      rx += (x0 + x1) * cross;
      ry += (y0 + y1) * cross;
      sx += c[2 * i]!;
      sy += c[2 * i + 1]!;
      n++;
    }
    // Outer rings count positive and holes negative whatever their orientation.
    const sign = (flat.ringHole[r] === 1 ? -1 : 1) * Math.sign(ra);
    a += sign * ra;
    cx += sign * (rx + 3 * ox * ra);
    cy += sign * (ry + 3 * oy * ra);
  }
  if (a === 0) return n === 0 ? [NaN, NaN] : [sx / n, sy / n];
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Length in metres of the segment (x0, y0)–(x1, y1), flat-earth at its mid-latitude with WGS84 radii of curvature:
 * within 0.01 % of the geodesic for segments up to tens of km.
 *
 * @example
 * segmentLengthM(69, 41, 69, 42); // ≈ 111,050 (one degree of latitude)
 */
export function segmentLengthM(x0: number, y0: number, x1: number, y1: number): number {
  const phi = ((y0 + y1) / 2) * RAD;
  const sin = Math.sin(phi);
  const w = 1 - WGS84_E2 * sin * sin;
  const n = WGS84_A / Math.sqrt(w); // prime vertical radius
  const m = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w)); // meridional radius
  return Math.hypot((x1 - x0) * RAD * n * Math.cos(phi), (y1 - y0) * RAD * m);
}

/**
 * Boundary length of polygon p in km: every ring, holes and all parts included (segment by segment, as
 * {@link segmentLengthM} measures shared borders, so a mahalla's perimeter and its borders with neighbours agree).
 *
 * @example
 * polygonPerimeterKm(flattenPolygons([{ type: 'Polygon', coordinates: [[[69, 41], [69, 41.01], [69.01, 41.01], [69.01, 41], [69, 41]]] }]), 0); // ≈ 3.90
 */
export function polygonPerimeterKm(flat: FlatPolygons, p: number): number {
  const c = flat.coords;
  let m = 0;
  for (let r = flat.polyRingStart[p]!; r < flat.polyRingStart[p + 1]!; r++) {
    const s = flat.ringStart[r]!,
      e = flat.ringStart[r + 1]!;
    for (let i = s, j = e - 1; i < e; j = i++) m += segmentLengthM(c[2 * j]!, c[2 * j + 1]!, c[2 * i]!, c[2 * i + 1]!);
  }
  return m / 1000;
}
