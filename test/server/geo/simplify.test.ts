// Simplification per zoom keeps shared borders shared: at every zoom each interior segment of a polygon is, reversed,
// a segment of exactly one neighbour (no gap, no overlap), while far fewer vertices are kept at low zooms.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FULL_DETAIL_ZOOM, SIMPLIFY_ZOOMS, simplifier } from '../../../server/geo/simplify.ts';

const N = 4;
const STEP = 0.01;
const PARTS = 24;

/** A wiggly edge from a to b, the same points whichever polygon draws it (seeded by the edge's position). */
function edge(a: Position, b: Position): Position[] {
  const out: Position[] = [];
  for (let k = 1; k < PARTS; k++) {
    const t = k / PARTS;
    const wiggle = 0.0004 * Math.sin(37 * (a[0]! + a[1]! + b[0]! + b[1]!) + 9 * k);
    const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
    out.push([a[0]! + dx * t - dy * wiggle * 50, a[1]! + dy * t + dx * wiggle * 50]);
  }
  return out;
}
const between = (a: Position, b: Position): Position[] =>
  a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!) ? edge(a, b) : edge(b, a).reverse();

function grid(): FeatureCollection<Polygon, { id: number }> {
  const corner = (i: number, j: number): Position => [69 + i * STEP, 41 + j * STEP];
  const features: Array<Feature<Polygon, { id: number }>> = [];
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const c = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)];
      const ring: Position[] = [];
      for (let k = 0; k < 4; k++) ring.push(c[k]!, ...between(c[k]!, c[(k + 1) % 4]!));
      ring.push(c[0]!);
      features.push({
        type: 'Feature',
        id: i * N + j + 1,
        properties: { id: i * N + j + 1 },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

const key = (a: Position, b: Position): string => `${a[0]},${a[1]}>${b[0]},${b[1]}`;

describe('simplifier', () => {
  const fc = grid();
  const at = simplifier(fc);

  it.each([...SIMPLIFY_ZOOMS, FULL_DETAIL_ZOOM])('keeps every interior segment shared at zoom %i', (zoom) => {
    const out = at(zoom);
    const count = new Map<string, number>();
    for (const f of out.features) {
      if (f.geometry.type !== 'Polygon') throw new Error('a square stays a polygon');
      const ring = f.geometry.coordinates[0] ?? [];
      for (let k = 0; k + 1 < ring.length; k++)
        count.set(key(ring[k]!, ring[k + 1]!), (count.get(key(ring[k]!, ring[k + 1]!)) ?? 0) + 1);
    }
    let interior = 0;
    for (const [seg, n] of count) {
      expect(n).toBe(1);
      const [a, b] = seg.split('>');
      if (count.has(`${b}>${a}`)) interior++;
    }
    // Every polygon has neighbours: a good share of segments must be interior (else the test would prove nothing).
    expect(interior).toBeGreaterThan(count.size / 3);
  });

  it('drops most vertices at low zoom, keeps them all at full detail, and keeps ids and properties', () => {
    const ringOf = (g: Polygon | MultiPolygon): Position[] =>
      g.type === 'Polygon' ? (g.coordinates[0] ?? []) : (g.coordinates[0]?.[0] ?? []);
    const vertices = (z: number): number => at(z).features.reduce((s, f) => s + ringOf(f.geometry).length, 0);
    expect(vertices(FULL_DETAIL_ZOOM)).toBe(
      fc.features.reduce((s, f) => s + (f.geometry.coordinates[0]?.length ?? 0), 0),
    );
    expect(vertices(5)).toBeLessThan(vertices(FULL_DETAIL_ZOOM) / 5);
    expect(at(5).features.map((f) => [f.id, f.properties.id])).toEqual(fc.features.map((f) => [f.id, f.properties.id]));
  });

  it('never leaves a ring of fewer than four positions', () => {
    for (const z of SIMPLIFY_ZOOMS)
      for (const f of at(z).features)
        if (f.geometry.type === 'Polygon') expect(f.geometry.coordinates[0]?.length).toBeGreaterThanOrEqual(4);
  });
});
