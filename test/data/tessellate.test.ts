// Demo mahallas must tile real districts exactly (no gaps, overlaps or hairline cracks), so the map and joins stay clean.
import { readFileSync } from 'node:fs';
import { area, bbox, booleanClockwise, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateMahallas } from '../../data/generate/mahallas.ts';
import { Rng } from '../../data/generate/random.ts';
import { dissolve } from '../../data/generate/rings.ts';
import { planMahallaCounts } from '../../data/generate/mahalla-counts.ts';
import { tessellateDistrict } from '../../data/generate/tessellate.ts';

type Geometry = Polygon | MultiPolygon;
interface District {
  soato: string;
  name: string;
  areaKm2: number;
  geometry: Geometry;
}

function load(file: string): District[] {
  const fc = JSON.parse(readFileSync(new URL(`../../data/geo/${file}`, import.meta.url), 'utf8')) as {
    features: Array<{ properties: { soato: string; name_uz: string; area_km2: number }; geometry: Geometry }>;
  };
  return fc.features.map((f) => ({
    soato: f.properties.soato,
    name: f.properties.name_uz,
    areaKm2: f.properties.area_km2,
    geometry: f.geometry,
  }));
}

const tashkent = load('tashkent_city_districts_osm.geojson');
const country = load('uz_adm2_districts_ocha2018.geojson');
const cityPlan = planMahallaCounts(tashkent, 585, 'city');
const nationalPlan = planMahallaCounts(country, 9400, 'national');

const polygonsOf = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const ringsOf = (g: Geometry): Position[][] => polygonsOf(g).flat();
const grid = (v: number): number => Math.round(v * 1e7);
const km2 = (g: Geometry): number => area(g) / 1e6;

/** Twice the area in 1e-7° grid units, exactly (BigInt shoelace): the planar tiling must add up to the unit. */
function gridArea2(g: Geometry): bigint {
  let total = 0n;
  for (const poly of polygonsOf(g)) {
    poly.forEach((r, k) => {
      const [ox = 0, oy = 0] = r[0] ?? [];
      let s = 0n;
      for (let i = 0; i + 1 < r.length; i++) {
        const [ax = 0, ay = 0] = r[i] ?? [];
        const [bx = 0, by = 0] = r[i + 1] ?? [];
        s +=
          BigInt(grid(ax) - grid(ox)) * BigInt(grid(by) - grid(oy)) -
          BigInt(grid(bx) - grid(ox)) * BigInt(grid(ay) - grid(oy));
      }
      total += (k === 0 ? 1n : -1n) * (s < 0n ? -s : s);
    });
  }
  return total;
}

/** Seeded points in the district's bounding box. */
function samplePoints(g: Geometry, n: number, seed: number): Position[] {
  const [x0, y0, x1, y1] = bbox(g);
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => [rng.range(x0, x1), rng.range(y0, y1)]);
}

const cases = [
  { label: 'Chilonzor (city)', district: tashkent.find((d) => d.soato === '1726294'), plan: cityPlan, city: true },
  { label: 'Mirobod (city)', district: tashkent.find((d) => d.soato === '1726273'), plan: cityPlan, city: true },
  {
    label: 'Yashnobod (city, largest)',
    district: tashkent.find((d) => d.soato === '1726290'),
    plan: cityPlan,
    city: true,
  },
  // Two parts, two holes in the larger one.
  {
    label: "Farg'ona (OCHA, multipolygon with holes)",
    district: country.find((d) => d.soato === '1730233'),
    plan: nationalPlan,
    city: false,
  },
].map((c) => {
  if (!c.district) throw new Error(`fixture district missing: ${c.label}`);
  const count = c.plan.get(c.district.soato) ?? 0;
  return { ...c, district: c.district, count, cells: tessellateDistrict(c.district.geometry, count, new Rng(7)) };
});

describe.each(cases)('tessellateDistrict: $label', ({ district, count, cells, city }) => {
  it('returns about the planned number of cells', () => {
    expect(count).toBeGreaterThan(10);
    expect(Math.abs(cells.length - count)).toBeLessThanOrEqual(Math.max(2, Math.round(count * 0.1)));
  });

  it('adds up to the district area', () => {
    const exact = cells.reduce((s, c) => s + gridArea2(c), 0n);
    const whole = gridArea2(district.geometry);
    expect(Math.abs(Number(exact - whole)) / Number(whole)).toBeLessThan(1e-6);
    // turf.area treats edges as straight in lon × sin(lat), so a crossing point on a long straight district edge moves
    // the geodesic sum by a few m² per crossing; the planar check above is the exact one.
    const geodesic = cells.reduce((s, c) => s + km2(c), 0);
    expect(Math.abs(geodesic - km2(district.geometry)) / km2(district.geometry)).toBeLessThan(1e-5);
  });

  it(
    city ? 'keeps every city cell between 0.3 and 1.5 km²' : 'keeps cells single-part, a quarter to thrice the mean',
    () => {
      const mean = km2(district.geometry) / count;
      const [lo, hi] = city ? [0.3, 1.5] : [mean / 4, mean * 3];
      for (const c of cells) {
        expect(km2(c)).toBeGreaterThanOrEqual(lo);
        expect(km2(c)).toBeLessThanOrEqual(hi);
        if (!city) expect(c.type).toBe('Polygon');
      }
    },
  );

  it('puts every point of the district in exactly one cell and points outside in none', () => {
    const boxes = cells.map((c) => bbox(c));
    for (const p of samplePoints(district.geometry, 3000, 11)) {
      const [x = 0, y = 0] = p;
      const hits = cells.filter((c, i) => {
        const b = boxes[i] ?? [0, 0, 0, 0];
        return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon(p, c);
      }).length;
      expect(hits).toBe(booleanPointInPolygon(p, district.geometry) ? 1 : 0);
    }
  });

  it('shares every inner edge with a neighbour, vertex for vertex', () => {
    const key = (a: Position, b: Position): string =>
      `${grid(a[0] ?? 0)},${grid(a[1] ?? 0)}>${grid(b[0] ?? 0)},${grid(b[1] ?? 0)}`;
    const edges = new Set<string>();
    const all: Array<[Position, Position]> = [];
    for (const r of cells.flatMap(ringsOf)) {
      for (let i = 0; i + 1 < r.length; i++) {
        const a = r[i] ?? [],
          b = r[i + 1] ?? [];
        edges.add(key(a, b));
        all.push([a, b]);
      }
    }
    const boundary = ringsOf(district.geometry).flatMap((r) => r.slice(1).map((b, i) => [r[i] ?? [], b] as const));
    // An edge without its reverse must lie on the district boundary (its midpoint within one grid step of it).
    const onBoundary = ([a, b]: [Position, Position]): boolean => {
      const mx = (grid(a[0] ?? 0) + grid(b[0] ?? 0)) / 2,
        my = (grid(a[1] ?? 0) + grid(b[1] ?? 0)) / 2;
      return boundary.some(([p, q]) => {
        const px = grid(p[0] ?? 0),
          py = grid(p[1] ?? 0),
          dx = grid(q[0] ?? 0) - px,
          dy = grid(q[1] ?? 0) - py;
        const t = Math.max(0, Math.min(1, ((mx - px) * dx + (my - py) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(mx - px - t * dx, my - py - t * dy) <= 1;
      });
    };
    const unmatched = all.filter(([a, b]) => !edges.has(key(b, a)));
    expect(unmatched.length).toBeGreaterThan(0);
    expect(unmatched.filter((e) => !onBoundary(e))).toEqual([]);
  });

  it('rounds every coordinate to 1e-7° and closes rings, exteriors counter-clockwise', () => {
    for (const poly of cells.flatMap(polygonsOf)) {
      poly.forEach((r, k) => {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(r[r.length - 1]).toEqual(r[0]);
        expect(booleanClockwise(r)).toBe(k > 0);
        for (const v of r.flat()) expect(Math.abs(v * 1e7 - Math.round(v * 1e7))).toBeLessThan(1e-6);
      });
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(tessellateDistrict(district.geometry, count, new Rng(7))).toEqual(cells);
    expect(tessellateDistrict(district.geometry, count, new Rng(8))).not.toEqual(cells);
  });
});

describe('tessellateDistrict: edge cases', () => {
  it('leaves holes empty', () => {
    const fergana = cases.find((c) => c.district.soato === '1730233');
    const holes = polygonsOf(fergana?.district.geometry ?? { type: 'Polygon', coordinates: [] }).flatMap((p) =>
      p.slice(1),
    );
    expect(holes.length).toBe(2);
    for (const hole of holes) {
      const shape: Polygon = { type: 'Polygon', coordinates: [hole] };
      const inside = samplePoints(shape, 300, 5).filter((p) => booleanPointInPolygon(p, shape));
      expect(inside.length).toBeGreaterThan(0);
      for (const p of inside) expect(fergana?.cells.some((c) => booleanPointInPolygon(p, c))).toBe(false);
    }
  });

  it('returns fewer cells, but at least one, for a district too small for the plan', () => {
    const shirin = country.find((d) => d.soato === '1724410'); // Shirin sh., 0.12 km²
    if (!shirin) throw new Error('fixture district missing');
    const cells = tessellateDistrict(shirin.geometry, 3, new Rng(1));
    expect(cells).toHaveLength(1);
    expect(km2(cells[0] ?? shirin.geometry)).toBeCloseTo(km2(shirin.geometry), 6);
  });
});

describe('dissolve', () => {
  // Regression: numeric vertex keys packed two grid integers past 2^53, so vertices one grid step apart collided.
  it('merges cells whose shared edge is one grid step long', () => {
    expect(dissolve([[[0, 0, 1, 0, 1, 1, 0, 1]], [[1, 0, 2, 0, 2, 1, 1, 1]]])).toEqual([
      [[0, 0, 1, 0, 2, 0, 2, 1, 1, 1, 0, 1]],
    ]);
  });

  it('keeps the hole left by a ring of cells around a gap', () => {
    const square = (x: number, y: number): number[][] => [[x, y, x + 1, y, x + 1, y + 1, x, y + 1]];
    const ring = [
      square(0, 0),
      square(1, 0),
      square(2, 0),
      square(2, 1),
      square(2, 2),
      square(1, 2),
      square(0, 2),
      square(0, 1),
    ];
    const merged = dissolve(ring);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toHaveLength(2);
  });
});

describe('planMahallaCounts', () => {
  it('splits a city total by area with largest remainders', () => {
    const plan = planMahallaCounts(
      [
        { soato: 'a', areaKm2: 30.4 },
        { soato: 'b', areaKm2: 16.7 },
      ],
      66,
      'city',
    );
    expect([...plan.values()]).toEqual([43, 23]);
  });

  it('gives Tashkent exactly 585, about 0.71 km² each', () => {
    expect([...cityPlan.values()].reduce((s, n) => s + n, 0)).toBe(585);
    for (const d of tashkent) expect(d.areaKm2 / (cityPlan.get(d.soato) ?? 0)).toBeCloseTo(416 / 585, 1);
  });

  it('gives the country exactly the total, at least 3 per district, more to large rural districts', () => {
    const counts = country.map((d) => nationalPlan.get(d.soato) ?? 0);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(9400);
    expect(Math.min(...counts)).toBe(3);
    const tomdi = nationalPlan.get('1712244') ?? 0; // 45,000 km² of desert
    const chilonzor = nationalPlan.get('1726294') ?? 0; // 30 km² of city
    expect(tomdi).toBeGreaterThan(3 * chilonzor);
  });

  it('refuses a total below the minimum', () => {
    expect(() => planMahallaCounts(country, 3 * country.length - 1, 'national')).toThrow();
  });
});

describe('generateMahallas', () => {
  const two = tashkent.filter((d) => d.soato === '1726294' || d.soato === '1726273');
  const mahallas = generateMahallas(two, { total: 66, mode: 'city', seed: 3 });

  it('codes each mahalla as district SOATO plus a 3-digit sequence, in order', () => {
    for (const d of two) {
      const codes = mahallas.filter((m) => m.districtSoato === d.soato).map((m) => m.code);
      expect(codes.length).toBeGreaterThan(10);
      codes.forEach((code, i) => expect(code).toBe(d.soato + String(i + 1).padStart(3, '0')));
    }
  });

  it('orders codes north to south', () => {
    const chilonzor = mahallas.filter((m) => m.districtSoato === '1726294');
    const half = Math.floor(chilonzor.length / 2);
    const meanLat = (ms: typeof chilonzor): number => ms.reduce((s, m) => s + m.centroid[1], 0) / ms.length;
    expect(meanLat(chilonzor.slice(0, half))).toBeGreaterThan(meanLat(chilonzor.slice(half)));
  });

  it('names mahallas uniquely within a district', () => {
    for (const d of two) {
      const names = mahallas.filter((m) => m.districtSoato === d.soato).map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^\S.* MFY$/);
    }
  });

  it('reports geodesic areas and centroids inside each cell’s bounding box', () => {
    for (const m of mahallas) {
      expect(m.areaKm2).toBeCloseTo(km2(m.geometry), 9);
      const [x0, y0, x1, y1] = bbox(m.geometry);
      expect(m.centroid[0]).toBeGreaterThanOrEqual(x0);
      expect(m.centroid[0]).toBeLessThanOrEqual(x1);
      expect(m.centroid[1]).toBeGreaterThanOrEqual(y0);
      expect(m.centroid[1]).toBeLessThanOrEqual(y1);
    }
  });

  it('is deterministic for a seed', () => {
    expect(generateMahallas(two, { total: 66, mode: 'city', seed: 3 })).toEqual(mahallas);
    expect(generateMahallas(two, { total: 66, mode: 'city', seed: 4 })).not.toEqual(mahallas);
  });
});
