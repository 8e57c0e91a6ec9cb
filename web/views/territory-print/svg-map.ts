// A territory's map as inline SVG for the printed annex (print must not depend on WebGL): mahalla polygons projected
// onto a page box, the territory's own mahallas marked and the neighbours around it drawn as grey context, with a
// scale bar. Coordinates come in as GeoJSON [lon, lat] degrees; SVG units go right and down. Pure.
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in lon/lat degrees. */
export type Box = [number, number, number, number];

export interface Projection {
  width: number;
  height: number;
  /** SVG x, y of a lon/lat point */
  project: (lon: number, lat: number) => [number, number];
  /** kilometres on the ground per SVG unit */
  kmPerUnit: number;
}

const KM_PER_DEGREE = 111.32;

/** The rings of a polygon or multipolygon (other geometries draw nothing). */
function ringsOf(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/**
 * The box around some geometries, or null when they hold no point.
 * @example boxOf([{ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 0]]] }]) // [0, 0, 2, 1]
 */
export function boxOf(geometries: readonly Geometry[]): Box | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries)
    for (const ring of ringsOf(g))
      for (const [x, y] of ring as Array<[number, number]>) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return w <= e ? [w, s, e, n] : null;
}

/** Whether two boxes overlap (touching counts). @example overlaps([0, 0, 1, 1], [1, 1, 2, 2]) // true */
export const overlaps = (a: Box, b: Box): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * A box grown by `share` of its larger side on every side (room for the neighbours around a territory).
 * @example grow([0, 0, 2, 1], 0.5) // [-1, -1, 3, 2]
 */
export function grow(b: Box, share: number): Box {
  const d = Math.max(b[2] - b[0], b[3] - b[1]) * share;
  return [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
}

/**
 * Fits a box into width × height (aspect kept, centred): equirectangular with longitude shrunk by cos(mid latitude),
 * which is true to shape at a district's size.
 * @example fitProjection([0, 0, 2, 1], 200, 100).project(0, 1) // [0, 0]: the north-west corner at the top left
 */
export function fitProjection(b: Box, width: number, height: number): Projection {
  const kx = Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180);
  const spanX = Math.max((b[2] - b[0]) * kx, 1e-9);
  const spanY = Math.max(b[3] - b[1], 1e-9);
  const scale = Math.min(width / spanX, height / spanY);
  const dx = (width - spanX * scale) / 2;
  const dy = (height - spanY * scale) / 2;
  return {
    width,
    height,
    project: (lon, lat) => [dx + (lon - b[0]) * kx * scale, dy + (b[3] - lat) * scale],
    kmPerUnit: KM_PER_DEGREE / scale,
  };
}

const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/**
 * SVG path data of a polygon or multipolygon: one closed subpath per ring, to 0.1 unit, repeated points dropped (draw
 * it with fill-rule evenodd so holes stay holes).
 * @example pathOf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 0]]] }, fitProjection([0, 0, 2, 1], 200, 100)) // 'M0 100L200 100L200 0Z'
 */
export function pathOf(g: Geometry, p: Projection): string {
  let d = '';
  for (const ring of ringsOf(g)) {
    const pts: string[] = [];
    for (const [lon, lat] of ring as Array<[number, number]>) {
      const [x, y] = p.project(lon, lat);
      const pt = `${fmt(x)} ${fmt(y)}`;
      if (pt !== pts.at(-1)) pts.push(pt);
    }
    // GeoJSON repeats the first point at the end: Z draws that edge.
    if (pts.length > 1 && pts[0] === pts.at(-1)) pts.pop();
    if (pts.length >= 3) d += `M${pts.join('L')}Z`;
  }
  return d;
}

export interface Shape {
  id: number;
  d: string;
  /** of the territory drawn (else grey context) */
  member: boolean;
}

export interface TerritoryMap {
  width: number;
  height: number;
  /** context first, the territory's own mahallas last (drawn on top) */
  shapes: Shape[];
  /** a round length for the scale bar and its width in SVG units */
  scale: { km: number; width: number };
  /** SVG x, y of a lon/lat point in this map's frame (for markers such as the base point) */
  project: (lon: number, lat: number) => [number, number];
}

const ROUND_KM = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];

/**
 * A scale bar of a round length at most `max` units wide.
 * @example scaleBar(0.01, 300) // { km: 2, width: 200 } (0.01 km a unit: 3 km fit, 2 km is the round length under it)
 */
export function scaleBar(kmPerUnit: number, max: number): { km: number; width: number } {
  const km = [...ROUND_KM].reverse().find((k) => k / kmPerUnit <= max) ?? ROUND_KM[0]!;
  return { km, width: Math.round((km / kmPerUnit) * 10) / 10 };
}

/**
 * A territory's map: framed on its own mahallas (grown by a tenth for context; all mahallas when it has none), with
 * every other mahalla that reaches into the frame drawn as context.
 * @example territoryMap([{ id: 1, geometry: square }], new Set([1]), 400, 300).shapes[0].member // true
 */
export function territoryMap(
  features: ReadonlyArray<{ id: number; geometry: Geometry }>,
  members: ReadonlySet<number>,
  width: number,
  height: number,
): TerritoryMap {
  const own = features.filter((f) => members.has(f.id));
  const core = boxOf((own.length > 0 ? own : features).map((f) => f.geometry)) ?? [0, 0, 1, 1];
  const frame = grow(core, 0.1);
  const p = fitProjection(frame, width, height);
  const inFrame = features.filter((f) => {
    const b = boxOf([f.geometry]);
    return b !== null && overlaps(b, frame);
  });
  const shapes = [...inFrame.filter((f) => !members.has(f.id)), ...own].map((f) => ({
    id: f.id,
    d: pathOf(f.geometry, p),
    member: members.has(f.id),
  }));
  return { width, height, shapes, scale: scaleBar(p.kmPerUnit, width / 4), project: p.project };
}
