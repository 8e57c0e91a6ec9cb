// Brush and lasso hit-testing against hand-drawn golden shapes (test/fixtures/planner/hit-test.json): a still brush,
// a brush swept faster than the pointer samples, holes, multi-part mahallas, a concave L and a concave lasso.
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/planner/hit-test.json' with { type: 'json' };
import {
  asPolygons,
  brushHits,
  dist2ToSegment,
  inRing,
  lassoHits,
  projectShapes,
  segmentsMeet,
} from '../../web/views/planner/hit-test.ts';

const same = (lon: number, lat: number): [number, number] => [lon, lat];
const shapes = projectShapes(fixture.shapes.map(asPolygons), same);
const flat = (pts: number[][]): Float64Array => Float64Array.from(pts.flat());

describe('brush hits', () => {
  it.each(fixture.brush)('$why', ({ from, to, r, hits }) => {
    expect(brushHits(shapes, from[0]!, from[1]!, to[0]!, to[1]!, r)).toEqual(hits);
  });

  it('sweeping from either end touches the same mahallas', () => {
    for (const c of fixture.brush)
      expect(brushHits(shapes, c.to[0]!, c.to[1]!, c.from[0]!, c.from[1]!, c.r)).toEqual(c.hits);
  });
});

describe('lasso hits', () => {
  it.each(fixture.lasso)('$why', ({ points, lasso, hits }) => {
    expect(lassoHits(flat(points), flat(lasso))).toEqual(hits);
  });
});

describe('projection and geometry helpers', () => {
  it('projects every ring in order and boxes each shape, none for a mahalla without a boundary', () => {
    // Screen y grows downwards: lat 0–1 at 10 px per degree, north up.
    const s = projectShapes(
      [
        asPolygons({
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        }),
        null,
      ],
      (lon, lat) => [lon * 10, 100 - lat * 10],
    );
    expect([...s.box.slice(0, 4)]).toEqual([0, 90, 10, 100]);
    expect([...s.xy]).toEqual([0, 100, 10, 100, 10, 90, 0, 100]);
    expect([...s.start]).toEqual([0, 4]);
    expect([...s.ringOf]).toEqual([0, 1, 1]);
    expect(asPolygons({ type: 'Point', coordinates: [0, 0] })).toBeNull();
  });

  it('measures distances to segments and finds crossings', () => {
    expect(dist2ToSegment(0, 1, -1, 0, 1, 0)).toBe(1);
    expect(dist2ToSegment(3, 0, -1, 0, 1, 0)).toBe(4); // beyond the end: distance to the end point
    expect(segmentsMeet(0, 0, 2, 2, 0, 2, 2, 0)).toBe(true);
    expect(segmentsMeet(0, 0, 1, 0, 2, 0, 3, 0)).toBe(false); // collinear, apart
    expect(segmentsMeet(0, 0, 2, 0, 2, 0, 2, 5)).toBe(true); // touching at an end
    expect(inRing(Float64Array.of(0, 0, 4, 0, 4, 4, 0, 4), 0, 4, 1, 1)).toBe(true);
    expect(inRing(Float64Array.of(0, 0, 4, 0, 4, 4, 0, 4), 0, 4, 5, 1)).toBe(false);
  });
});
