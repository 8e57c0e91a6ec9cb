// PolygonIndex against independent answers on a seeded Voronoi tessellation: turf for random points, and the
// "exactly one owner" property for points on the shared edges and vertices (where turf says "both").
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { Rng } from '../../../data/generate/random.ts';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { JOIN_BATCH, PolygonIndex, pointInFlatPolygon, type GridOptions } from '../../../server/geo/polygon-index.ts';
import { loadDistricts, mismatches, voronoiCells } from './fixtures.ts';

const BOX = [69.0, 41.0, 69.5, 41.4] as const;
const cells = voronoiCells(400, 7, BOX);
const flat = flattenPolygons(cells);

/** Every polygon the reference kernel puts (x, y) in. */
const owners = (x: number, y: number): number[] =>
  Array.from({ length: flat.count }, (_, p) => p).filter((p) => pointInFlatPolygon(flat, p, x, y));

/** Vertices, midpoints and random points of every edge whose ends are both inside the box (so shared exactly). */
function pointsOnInnerEdges(rng: Rng): Array<[number, number]> {
  const inside = (x: number, y: number): boolean => x > BOX[0] && x < BOX[2] && y > BOX[1] && y < BOX[3];
  const out: Array<[number, number]> = [];
  const c = flat.coords;
  for (let r = 0; r + 1 < flat.ringStart.length; r++) {
    const s = flat.ringStart[r]!,
      e = flat.ringStart[r + 1]!;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const [ax, ay, bx, by] = [c[2 * j]!, c[2 * j + 1]!, c[2 * i]!, c[2 * i + 1]!];
      if (!inside(ax, ay) || !inside(bx, by)) continue;
      const t = rng.next();
      out.push([ax, ay], [(ax + bx) / 2, (ay + by) / 2], [ax + (bx - ax) * t, ay + (by - ay) * t]);
    }
  }
  return out;
}

describe.each<[string, GridOptions]>([
  ['default grid', {}],
  ['sub-grids forced', { cellsPerEdge: 0.1, splitCost: 2, maxDepth: 3 }],
])('PolygonIndex on a Voronoi tessellation (%s)', (_name, options) => {
  const index = new PolygonIndex(flat, options);

  it('agrees with turf on 20,000 random points', () => {
    const rng = new Rng(11);
    const n = 20_000;
    const lons = Float64Array.from({ length: n }, () => rng.range(BOX[0] - 0.05, BOX[2] + 0.05));
    const lats = Float64Array.from({ length: n }, () => rng.range(BOX[1] - 0.05, BOX[3] + 0.05));
    const got = index.locateMany(lons, lats);
    let disagree = 0;
    for (let i = 0; i < n; i++) {
      const pt = [lons[i]!, lats[i]!];
      const turf = cells.findIndex((poly) => booleanPointInPolygon(pt, poly));
      if (turf !== got[i]) disagree++;
    }
    expect(disagree).toBe(0);
  });

  it('puts every point on a shared edge or vertex in exactly the one polygon the reference kernel does', () => {
    const pts = pointsOnInnerEdges(new Rng(3));
    expect(pts.length).toBeGreaterThan(3000);
    const bad = pts.filter(([x, y]) => {
      const o = owners(x, y);
      return o.length !== 1 || index.locate(x, y) !== o[0];
    });
    expect(bad).toEqual([]);
  });

  it("gives locate's answers in batches of any size, shared edges and vertices included", () => {
    const rng = new Rng(5);
    const pts = pointsOnInnerEdges(rng);
    for (let i = 0; i < 100_000; i++)
      pts.push([rng.range(BOX[0] - 0.05, BOX[2] + 0.05), rng.range(BOX[1] - 0.05, BOX[3] + 0.05)]);
    for (let i = pts.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [pts[i], pts[j]] = [pts[j]!, pts[i]!];
    }
    const lons = Float64Array.from(pts, (p) => p[0]),
      lats = Float64Array.from(pts, (p) => p[1]);
    const one = Int32Array.from(pts, ([x, y]) => index.locate(x, y));
    for (const batch of [4096, 10_007, 65_536, JOIN_BATCH]) {
      expect(mismatches(index.locateMany(lons, lats, undefined, batch), one), `batch ${batch}`).toEqual({
        count: 0,
        first: [],
      });
    }
  });
});

describe('PolygonIndex on the 199 real district boundaries (data/geo)', () => {
  const districts = loadDistricts();
  const flatDistricts = flattenPolygons(districts);
  const index = new PolygonIndex(flatDistricts);

  it('agrees with turf on 20,000 random points across Uzbekistan', () => {
    const rng = new Rng(13);
    const { minX, minY, maxX, maxY } = index.data;
    const b = flatDistricts.bbox;
    let disagree = 0;
    for (let i = 0; i < 20_000; i++) {
      const pt = [rng.range(minX, maxX), rng.range(minY, maxY)] as [number, number];
      const turf = districts.findIndex(
        (g, p) =>
          pt[0] >= b[4 * p]! &&
          pt[0] <= b[4 * p + 2]! &&
          pt[1] >= b[4 * p + 1]! &&
          pt[1] <= b[4 * p + 3]! &&
          booleanPointInPolygon(pt, g),
      );
      if (turf !== index.locate(...pt)) disagree++;
    }
    expect(disagree).toBe(0);
  });
});
