// One label anchor per area, always inside it, on the largest part of a multi-part area.
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from '../../../server/shared/label-point.ts';

describe('labelPoint', () => {
  it('uses the centroid of a convex area', () => {
    const sq: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPoint(sq);
    expect(x).toBeCloseTo(1, 6);
    expect(y).toBeCloseTo(1, 6);
  });

  it('stays inside a C-shaped area whose centroid falls in the gap', () => {
    // A "C" opening to the east: its centroid (≈ 0.9, 1.5) lies in the notch.
    const c: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 2],
          [3, 2],
          [3, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(booleanPointInPolygon(labelPoint(c), c)).toBe(true);
  });

  it('labels the largest part of a multi-part area once', () => {
    const m: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [7, 5],
            [7, 7],
            [5, 7],
            [5, 5],
          ],
        ],
      ],
    };
    const [x, y] = labelPoint(m);
    expect(x).toBeCloseTo(6, 6);
    expect(y).toBeCloseTo(6, 6);
  });
});
