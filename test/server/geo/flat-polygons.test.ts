// flattenPolygons: ring and polygon offsets, dropped closing vertices, hole flags and boxes on the hand-made shapes.
import { describe, expect, it } from 'vitest';
import { flattenPolygons } from '../../../server/geo/flat-polygons.ts';
import { at, loadFixture } from './fixtures.ts';

describe('flattenPolygons', () => {
  const flat = flattenPolygons(loadFixture('shapes'));

  it('keeps one polygon per geometry, all parts and holes included', () => {
    expect(flat.count).toBe(6);
    // rings: L | outer, hole | part A, part B | island | 4 | 5
    expect(Array.from(flat.polyRingStart)).toEqual([0, 1, 3, 5, 6, 7, 8]);
    expect(Array.from(flat.ringHole)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('drops the repeated closing vertex of every ring', () => {
    // L has 6 corners, squares 4 each
    expect(Array.from(flat.ringStart)).toEqual([0, 6, 10, 14, 18, 22, 26, 30, 34]);
    expect(Array.from(flat.coords.subarray(0, 4))).toEqual([...at(0, 0), ...at(4, 0)]);
  });

  it('gives each polygon the box of all its parts', () => {
    expect(Array.from(flat.bbox.subarray(8, 12))).toEqual([...at(12, 0), ...at(17, 5)]);
  });

  it('gives an empty polygon an empty box', () => {
    const empty = flattenPolygons([{ type: 'MultiPolygon', coordinates: [] }]);
    expect(Array.from(empty.bbox)).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(Array.from(empty.polyRingStart)).toEqual([0, 0]);
  });
});
