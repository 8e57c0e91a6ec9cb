// Measures how well mahallas tile their districts: overlap of every pair, borders left unshared, area per district.
// Independent of how the tiling was made (turf's clipper for overlaps, exact grid arithmetic for areas), so the
// generator's own shortcuts (shared vertices, the stitch) are checked rather than assumed.
import Flatbush from 'flatbush';
import { area, bbox, feature, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Geometry = Polygon | MultiPolygon;

/** What measureTiling found; areas in m² (geodesic, turf.area), shares relative to the district's planar area. */
export interface TilingReport {
  /** Pairs whose bounding boxes meet (the pairs measured), and how many of them join mahallas of two districts. */
  candidatePairs: number;
  crossDistrictPairs: number;
  /** Pairs whose intersection has area above zero, with the area; sorted by area, largest first. */
  overlaps: Array<{ a: number; b: number; m2: number }>;
  overlapM2: number;
  /** Mahalla edges that no other mahalla shares in reverse and that do not lie on the outline of all districts. */
  looseEdges: number;
  /** Largest |Σ mahalla areas − district area| / district area, in exact planar 1e-7° grid arithmetic. */
  worstAreaShare: number;
}

const GRID = 1e7; // 1e-7° ≈ 1 cm: the generator's output grid
const g = (v: number): number => Math.round(v * GRID);
const ringsOf = (geom: Geometry): Position[][] =>
  geom.type === 'Polygon' ? geom.coordinates : geom.coordinates.flat();

/**
 * Measures a tiling of `districts` by `mahallas` (each naming its district). Every pair of mahallas whose bounding boxes
 * meet is intersected exactly (turf.intersect, polyclip-ts); an edge counts as on the outline when its midpoint lies
 * within one grid step of a district edge that no other district shares.
 * @example measureTiling(mahallas, districts).overlaps.length // 0 for the stitched demo map
 */
export function measureTiling(
  mahallas: ReadonlyArray<{ districtSoato: string; geometry: Geometry }>,
  districts: ReadonlyArray<{ soato: string; geometry: Geometry }>,
): TilingReport {
  const boxes = mahallas.map((m) => bbox(m.geometry));
  const index = new Flatbush(Math.max(1, mahallas.length));
  for (const [x0, y0, x1, y1] of boxes) index.add(x0, y0, x1, y1);
  if (mahallas.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  let candidatePairs = 0,
    crossDistrictPairs = 0;
  const overlaps: TilingReport['overlaps'] = [];
  mahallas.forEach((m, a) => {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = boxes[a] ?? [];
    for (const b of index.search(x0, y0, x1, y1)) {
      const other = mahallas[b];
      if (b <= a || !other) continue;
      candidatePairs++;
      if (other.districtSoato !== m.districtSoato) crossDistrictPairs++;
      const common = intersect(featureCollection([feature(m.geometry), feature(other.geometry)]));
      const m2 = common ? area(common) : 0;
      if (m2 > 0) overlaps.push({ a, b, m2 });
    }
  });
  overlaps.sort((p, q) => q.m2 - p.m2);
  return {
    candidatePairs,
    crossDistrictPairs,
    overlaps,
    overlapM2: overlaps.reduce((s, o) => s + o.m2, 0),
    looseEdges: looseEdges(mahallas, districts),
    worstAreaShare: worstAreaShare(mahallas, districts),
  };
}

/** Directed edges of rings on the grid: [ax, ay, bx, by]. */
function edgesOf(geom: Geometry): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (const r of ringsOf(geom)) {
    for (let i = 0; i + 1 < r.length; i++) {
      const [ax = 0, ay = 0] = r[i] ?? [];
      const [bx = 0, by = 0] = r[i + 1] ?? [];
      if (g(ax) !== g(bx) || g(ay) !== g(by)) out.push([g(ax), g(ay), g(bx), g(by)]);
    }
  }
  return out;
}

const key = (ax: number, ay: number, bx: number, by: number): string => `${ax},${ay}>${bx},${by}`;

function looseEdges(
  mahallas: ReadonlyArray<{ geometry: Geometry }>,
  districts: ReadonlyArray<{ geometry: Geometry }>,
): number {
  // The outline: district edges without a reverse in another district (the city's edge and its enclave).
  const districtEdges = districts.map((d) => edgesOf(d.geometry));
  const all = new Set(districtEdges.flat().map((e) => key(...e)));
  const outline = districtEdges.flat().filter(([ax, ay, bx, by]) => !all.has(key(bx, by, ax, ay)));
  const index = new Flatbush(Math.max(1, outline.length));
  for (const [ax, ay, bx, by] of outline)
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  if (outline.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const onOutline = (x: number, y: number): boolean =>
    index.search(x - 1, y - 1, x + 1, y + 1).some((i) => {
      const [px = 0, py = 0, qx = 0, qy = 0] = outline[i] ?? [];
      const dx = qx - px,
        dy = qy - py;
      const t = Math.max(0, Math.min(1, ((x - px) * dx + (y - py) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - px - t * dx, y - py - t * dy) <= 1;
    });

  const mahallaEdges = mahallas.flatMap((m) => edgesOf(m.geometry));
  const present = new Set(mahallaEdges.map((e) => key(...e)));
  return mahallaEdges.filter(
    ([ax, ay, bx, by]) => !present.has(key(bx, by, ax, ay)) && !onOutline((ax + bx) / 2, (ay + by) / 2),
  ).length;
}

/** Twice the planar area in grid units², exactly (BigInt shoelace), holes subtracted. */
function gridArea2(geom: Geometry): bigint {
  let total = 0n;
  for (const poly of geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates) {
    poly.forEach((r, k) => {
      const [ox = 0, oy = 0] = r[0] ?? [];
      let s = 0n;
      for (let i = 0; i + 1 < r.length; i++) {
        const [ax = 0, ay = 0] = r[i] ?? [];
        const [bx = 0, by = 0] = r[i + 1] ?? [];
        s += BigInt(g(ax) - g(ox)) * BigInt(g(by) - g(oy)) - BigInt(g(bx) - g(ox)) * BigInt(g(ay) - g(oy));
      }
      total += (k === 0 ? 1n : -1n) * (s < 0n ? -s : s);
    });
  }
  return total;
}

function worstAreaShare(
  mahallas: ReadonlyArray<{ districtSoato: string; geometry: Geometry }>,
  districts: ReadonlyArray<{ soato: string; geometry: Geometry }>,
): number {
  const sums = new Map<string, bigint>();
  for (const m of mahallas) sums.set(m.districtSoato, (sums.get(m.districtSoato) ?? 0n) + gridArea2(m.geometry));
  let worst = 0;
  for (const d of districts) {
    const whole = gridArea2(d.geometry);
    const diff = (sums.get(d.soato) ?? 0n) - whole;
    worst = Math.max(worst, Math.abs(Number(diff)) / Number(whole));
  }
  return worst;
}
