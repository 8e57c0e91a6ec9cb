// The mahalla paint pages hand to the tile layers (web/map/mahalla-layers.ts), the mahalla index decoded from packed
// columns (web/queries/mahallas.ts) and boxes of index features (web/map/bbox.ts): small hand-checked inputs.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { isTilePaint, mahallaFill, mahallaOutline, tileOutlines } from '../../web/map/mahalla-layers.ts';
import { bboxOf } from '../../web/map/bbox.ts';
import { mahallaIndexOf } from '../../web/queries/mahallas.ts';
import { pack } from '../../server/shared/packed.ts';

const index: FeatureCollection<Point, { id: number; name: string }> = {
  type: 'FeatureCollection',
  features: [1, 2, 3].map((id) => ({
    type: 'Feature',
    bbox: [id, id, id + 1, id + 2],
    geometry: { type: 'Point', coordinates: [id + 0.5, id + 1] },
    properties: { id, name: `M${id}` },
  })),
};

describe('mahalla paint for the tiles', () => {
  it('colours by id, leaves transparent ones out, hatches where asked and keeps the features for picking', () => {
    const fill = mahallaFill(
      'f',
      index,
      (f) => (f.properties.id === 2 ? [0, 0, 0, 0] : [f.properties.id, 0, 0, 200]),
      (f) => f.properties.id === 3,
    );
    expect(isTilePaint(fill)).toBe(true);
    expect([...fill.colours]).toEqual([
      [1, [1, 0, 0, 200]],
      [3, [3, 0, 0, 200]],
    ]);
    expect(fill.hatched).toEqual([3]);
    expect(fill.byId.get(2)?.properties).toEqual({ id: 2, name: 'M2' });
    const line = mahallaOutline('sel', index.features.slice(1), [1, 2, 3, 255], 3);
    expect(line).toEqual({ kind: 'tile-line', id: 'sel', ids: [2, 3], color: [1, 2, 3, 255], widthPx: 3 });
    expect(tileOutlines(true)).toMatchObject({ color: '#ffffff', tiles: true });
  });

  it('decodes the packed index into point features with their boxes, and frames them by those boxes', () => {
    const buf = pack(
      { names: ['A', 'B'], districts: [{ soato: '1726262', name: 'Chilonzor' }] },
      {
        id: new Uint32Array([7, 9]),
        district: new Uint32Array([0, 0]),
        centroid: new Float32Array([69.25, 41.25, 69.5, 41.5]),
        bbox: new Float32Array([69, 41, 69.5, 41.5, 69.25, 41.25, 70, 42]),
      },
    );
    const fc = mahallaIndexOf(buf.buffer);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 7, name: 'A', districtSoato: '1726262', districtName: 'Chilonzor' },
      { id: 9, name: 'B', districtSoato: '1726262', districtName: 'Chilonzor' },
    ]);
    expect(fc.features[1]?.geometry.coordinates).toEqual([69.5, 41.5]);
    expect(bboxOf(fc.features)).toEqual([69, 41, 70, 42]);
    expect(bboxOf(index.features.slice(0, 1))).toEqual([1, 1, 2, 3]);
  });
});
