// weightsFromPairs: CSR layout, self weights, symmetry, sorted rows, and refusal of malformed pairs.
import { describe, expect, it } from 'vitest';
import { weightsFromPairs, type Weights } from '../../../server/stats/weights.ts';
import { chain, fromPairs, QUEEN_3X3, ROOK_3X3 } from '../../fixtures/stats/grids.ts';

/** Row i as [neighbour, weight] pairs. */
const row = (w: Weights, i: number): [number, number][] =>
  Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1]), (nb, k) => [nb, w.weights[w.offsets[i]! + k]!]);

describe('weightsFromPairs', () => {
  it('lays a chain out as sorted rows with a self weight of 1', () => {
    const w = chain(3);
    expect(w.n).toBe(3);
    expect(Array.from(w.offsets)).toEqual([0, 2, 5, 7]);
    expect(Array.from(w.neighbours)).toEqual([0, 1, 0, 1, 2, 1, 2]);
    expect(Array.from(w.weights)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('gives the 3×3 rook centre its 4 sides plus itself, a corner 2 plus itself', () => {
    const w = fromPairs(9, ROOK_3X3);
    expect(row(w, 4)).toEqual([
      [1, 1],
      [3, 1],
      [4, 1],
      [5, 1],
      [7, 1],
    ]);
    expect(row(w, 0)).toEqual([
      [0, 1],
      [1, 1],
      [3, 1],
    ]);
    expect(w.neighbours.length).toBe(2 * ROOK_3X3.length + 9);
  });

  it('is symmetric: j is in row i exactly when i is in row j', () => {
    const w = fromPairs(9, QUEEN_3X3, 0);
    for (let i = 0; i < 9; i++) for (const [j] of row(w, i)) expect(row(w, j).map(([k]) => k)).toContain(i);
  });

  it('leaves the unit out of its own row when selfWeight is 0, and stores any other self weight', () => {
    expect(row(chain(3, 0), 1)).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(row(chain(3, 2.5), 1)).toEqual([
      [0, 1],
      [1, 2.5],
      [2, 1],
    ]);
  });

  it('sorts rows whatever order the pairs come in', () => {
    const w = fromPairs(4, [
      [2, 3],
      [0, 2],
      [1, 0],
      [3, 0],
    ]);
    expect(row(w, 0).map(([k]) => k)).toEqual([0, 1, 2, 3]);
    expect(row(w, 3).map(([k]) => k)).toEqual([0, 2, 3]);
  });

  it('gives an isolated unit only itself', () => {
    const w = fromPairs(3, [[0, 1]]);
    expect(row(w, 2)).toEqual([[2, 1]]);
  });

  it('refuses repeated, self and out-of-range pairs', () => {
    expect(() =>
      fromPairs(3, [
        [0, 1],
        [1, 0],
      ]),
    ).toThrow(/listed twice/);
    expect(() => fromPairs(3, [[1, 1]])).toThrow(/itself/);
    expect(() => fromPairs(3, [[0, 3]])).toThrow(/outside/);
    expect(() => weightsFromPairs(3, new Int32Array([0]), new Int32Array([]))).toThrow(/length/);
  });
});
