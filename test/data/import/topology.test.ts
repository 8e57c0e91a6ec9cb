// Overlaps and gaps between neighbouring boundaries on hand-drawn squares: reported above the tolerance with area and
// location, snapped below it.
import { area, intersect, featureCollection, polygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkTopology, describeFinding } from '../../../data/import/boundaries/topology.ts';

const S = 0.004;
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });
/** Square (i, j) of a grid of 0.004° squares from 69.25, 41.28. */
const cell = (i: number, j: number, shrink = 0): Polygon =>
  poly(box(69.25 + i * S + shrink, 41.28 + j * S, 69.25 + (i + 1) * S, 41.28 + (j + 1) * S));
const m2 = (ring: Position[]): number => area(polygon([ring]));

describe('topology between neighbours', () => {
  it('finds nothing where neighbours share their borders exactly', () => {
    const r = checkTopology([cell(0, 0), cell(1, 0), cell(0, 1), cell(1, 1)]);
    expect([r.issues, r.snapped]).toEqual([[], []]);
  });

  it('reports an overlap above the tolerance with its area and a point inside it', () => {
    const b = poly(box(69.253, 41.28, 69.258, 41.284)); // reaches 0.001° into A
    const r = checkTopology([cell(0, 0), b], 50);
    expect(r.snapped).toEqual([]);
    expect(r.issues).toHaveLength(1);
    const f = r.issues[0]!;
    expect([f.kind, f.features]).toEqual(['overlap', [1, 2]]);
    expect(f.areaM2).toBeCloseTo(m2(box(69.253, 41.28, 69.254, 41.284)), 0); // ≈ 83.7 m × 444.8 m
    expect(f.lon).toBeGreaterThan(69.253);
    expect(f.lon).toBeLessThan(69.254);
    expect(describeFinding(f)).toMatch(
      /^features 1 and 2 overlap by 37,1\d\d m² \(3\.72 ha\) around 69\.253\d*, 41\.28\d*$/,
    );
    expect(r.geometries[1]).toBe(b);
  });

  it('snaps an overlap sliver by cutting it from the later feature', () => {
    const b = poly(box(69.253999, 41.28, 69.258, 41.284)); // 1e-6° ≈ 8 cm wide: ≈ 37 m²
    const r = checkTopology([cell(0, 0), b], 50);
    expect(r.issues).toEqual([]);
    expect(r.snapped.map((f) => [f.kind, f.features])).toEqual([['overlap', [1, 2]]]);
    expect(r.snapped[0]?.areaM2).toBeCloseTo(m2(box(69.253999, 41.28, 69.254, 41.284)), 1);
    const left = intersect(
      featureCollection([
        polygon(cell(0, 0).coordinates),
        { type: 'Feature', properties: {}, geometry: r.geometries[1]! },
      ]),
    );
    expect(left ? area(left) : 0).toBeLessThan(0.01);
  });

  it('reports a gap (a hole in the union) with the features around it, and snaps a sliver gap into a neighbour', () => {
    const ring = [cell(0, 0), cell(1, 0), cell(2, 0), cell(0, 1), cell(2, 1), cell(0, 2), cell(1, 2), cell(2, 2)];
    const r = checkTopology(ring, 50);
    expect(r.issues.map((f) => [f.kind, f.features])).toEqual([['gap', [1, 2, 3, 4, 5, 6, 7, 8]]]);
    expect(r.issues[0]?.areaM2).toBeCloseTo(m2(box(69.254, 41.284, 69.258, 41.288)), -1);

    // The middle filled but for a 1e-6° strip on its west side: a 37 m² sliver, given to the neighbour that shares its
    // long side (feature 4, west of it), not to those touching only its ends.
    const r2 = checkTopology([...ring, cell(1, 1, 0.000001)], 50);
    expect(r2.issues).toEqual([]);
    expect(r2.snapped.map((f) => [f.kind, f.features])).toEqual([['gap', [1, 2, 4, 6, 7, 9]]]); // those whose boxes touch it
    expect(r2.snapped[0]?.areaM2).toBeCloseTo(m2(box(69.254, 41.284, 69.254001, 41.288)), 0);
    expect(r2.geometries[3]?.type).toBe('Polygon');
    expect(area(polygon((r2.geometries[3] as Polygon).coordinates))).toBeCloseTo(
      area(polygon(cell(0, 1).coordinates)) + (r2.snapped[0]?.areaM2 ?? 0),
      0,
    );
  });

  it('describes findings in plain words', () => {
    expect(describeFinding({ kind: 'gap', features: [1, 2], areaM2: 2500, lon: 69.26, lat: 41.28 })).toBe(
      'a gap of 2,500 m² (0.25 ha) between features 1, 2 around 69.26, 41.28',
    );
    expect(describeFinding({ kind: 'overlap', features: [3, 4], areaM2: 123456.7, lon: 69.2, lat: 41.3 })).toBe(
      'features 3 and 4 overlap by 123,457 m² (12.35 ha) around 69.2, 41.3',
    );
  });
});
