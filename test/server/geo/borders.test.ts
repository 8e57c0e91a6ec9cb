// The basemap's borders and land: each border once, the same points on both sides at every zoom, fewer of them on the
// way out, and the land as one shape.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { borders, type Areas } from '../../../server/geo/borders.ts';

// Four districts in a 2 × 2 block (0.2° a side near Tashkent), every inner border wiggling over 40 points, shared
// point for point by both neighbours as in a real boundary file; the two columns are two regions.
const wiggle = (a: Position, b: Position, inner: boolean): Position[] =>
  Array.from({ length: 40 }, (_, k) => {
    const t = k / 40;
    const w = inner ? 0.004 * Math.sin(t * Math.PI * 7) * Math.sin(t * Math.PI) : 0;
    const [dx, dy] = [(b[0] as number) - (a[0] as number), (b[1] as number) - (a[1] as number)];
    const len = Math.hypot(dx, dy);
    return [(a[0] as number) + dx * t - (dy / len) * w, (a[1] as number) + dy * t + (dx / len) * w];
  });
const at = (i: number, j: number): Position => [69 + 0.2 * i, 41 + 0.2 * j];
const inner = (a: [number, number], b: [number, number]): boolean =>
  !((a[0] === b[0] && a[0] !== 1) || (a[1] === b[1] && a[1] !== 1));
/** The edge a→b, the same points whichever way it is walked. */
const edge = (a: [number, number], b: [number, number]): Position[] => {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  return forward
    ? wiggle(at(...a), at(...b), inner(a, b))
    : [...wiggle(at(...b), at(...a), inner(a, b)), at(...a)].reverse().slice(0, -1);
};
const square = (i: number, j: number): Feature<Polygon> => {
  const cs: Array<[number, number]> = [
    [i, j],
    [i + 1, j],
    [i + 1, j + 1],
    [i, j + 1],
  ];
  const ring = cs.flatMap((c, k) => edge(c, cs[(k + 1) % 4] as [number, number]));
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] },
  };
};
const districts: Areas = {
  type: 'FeatureCollection',
  features: [square(0, 0), square(1, 0), square(0, 1), square(1, 1)],
};
/** A column of two districts as one region: its outline walks the same points as theirs. */
const column = (i: number): Feature<Polygon> => {
  const cs: Array<[number, number]> = [
    [i, 0],
    [i + 1, 0],
    [i + 1, 1],
    [i + 1, 2],
    [i, 2],
    [i, 1],
  ];
  const ring = cs.flatMap((c, k) => edge(c, cs[(k + 1) % cs.length] as [number, number]));
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] },
  };
};
const regions: Areas = { type: 'FeatureCollection', features: [column(0), column(1)] };
const none: Areas = { type: 'FeatureCollection', features: [] };

const key = (p: Position): string => `${(p[0] as number).toFixed(9)},${(p[1] as number).toFixed(9)}`;
/** Every segment of `lines` as an unordered pair of points, with how often it is drawn. */
function segments(lines: Position[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines)
    for (let k = 0; k + 1 < line.length; k++) {
      const s = [key(line[k] as Position), key(line[k + 1] as Position)].sort().join(' ');
      out.set(s, (out.get(s) ?? 0) + 1);
    }
  return out;
}
const linesOf = (fc: FeatureCollection, kind: string): Position[][] =>
  fc.features
    .filter((f) => f.properties?.kind === kind)
    .flatMap((f) => (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : []));

describe('borders', () => {
  const at = borders(regions, districts);

  it('draws each district border once, every segment of every district on it, at full detail', () => {
    const drawn = segments(linesOf(at(14), 'district'));
    expect([...drawn.values()].every((n) => n === 1)).toBe(true);
    const rings = districts.features.flatMap((f) => (f.geometry as Polygon).coordinates);
    expect(new Set(segments(rings).keys())).toEqual(new Set(drawn.keys()));
    // 4 squares × 4 sides × 40 points, the 4 inner sides shared: 12 distinct sides.
    expect(drawn.size).toBe(12 * 40);
  });

  it('gives the regions their own lines, and none where there are no regions (a city)', () => {
    const region = segments(linesOf(at(14), 'region'));
    // Two columns of six sides each, the middle two shared: 10 distinct sides of 40 points.
    expect(region.size).toBe(10 * 40);
    expect(borders(none, districts)(14).features.map((f) => f.properties.kind)).toEqual(['land', 'district']);
  });

  it('keeps fewer points on the way out, and the same points on both sides of a border at every zoom', () => {
    const count = (z: number) => linesOf(at(z), 'district').reduce((n, l) => n + l.length, 0);
    expect(count(5)).toBeLessThan(count(14) / 4);
    for (const z of [5, 7, 9, 11, 14]) {
      // Drawn once: no segment twice, so no two versions of one border can part.
      const drawn = segments(linesOf(at(z), 'district'));
      expect(
        [...drawn.values()].every((n) => n === 1),
        `zoom ${z}`,
      ).toBe(true);
      // The region lines keep the very points of the district lines they run along (one topology for both).
      const district = new Set(linesOf(at(z), 'district').flat().map(key));
      for (const p of linesOf(at(z), 'region').flat()) expect(district.has(key(p)), `zoom ${z}`).toBe(true);
    }
  });
});

describe('land', () => {
  const ringsOf = (fc: FeatureCollection): Position[][] =>
    fc.features.flatMap((f) =>
      f.properties?.kind === 'land' && f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [],
    );

  it('is the regions merged into one shape: the outer ring of the block, no inner borders, no holes', () => {
    // The outer sides only: 8 sides of 40 points, closed.
    expect(ringsOf(borders(regions, districts)(14)).map((r) => r.length)).toEqual([8 * 40 + 1]);
  });

  it('merges the districts where there are no regions (a city database)', () => {
    expect(ringsOf(borders(none, districts)(14)).map((r) => r.length)).toEqual([8 * 40 + 1]);
  });

  it('keeps the points of the region lines around it at every zoom, so its edge never peeks out from under them', () => {
    const at = borders(regions, districts);
    for (const z of [5, 7, 9, 11, 14]) {
      const onLines = new Set(linesOf(at(z), 'region').flat().map(key));
      const ring = ringsOf(at(z)).flat();
      expect(ring.length, `zoom ${z}`).toBeGreaterThan(4);
      for (const p of ring) expect(onLines.has(key(p)), `zoom ${z}`).toBe(true);
    }
  });
});
