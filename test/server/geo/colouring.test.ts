// colourGraph: neighbours never share a colour, and planar-like maps need few colours.
import { describe, expect, it } from 'vitest';
import { colourGraph } from '../../../server/geo/colouring.ts';

const proper = (colour: Uint8Array, a: number[], b: number[]): boolean =>
  a.every((u, k) => colour[u] !== colour[b[k]!]);

describe('colourGraph', () => {
  it('colours a path with two colours, alternating', () => {
    const c = colourGraph(4, [0, 1, 2], [1, 2, 3]);
    expect(c[0]).toBe(c[2]);
    expect(c[1]).toBe(c[3]);
    expect(new Set(c)).toEqual(new Set([0, 1]));
  });

  it('needs three colours for a triangle and four for a wheel of five around a hub', () => {
    expect(new Set(colourGraph(3, [0, 1, 2], [1, 2, 0])).size).toBe(3);
    const a = [0, 1, 2, 3, 4, 5, 5, 5, 5, 5],
      b = [1, 2, 3, 4, 0, 0, 1, 2, 3, 4];
    const c = colourGraph(6, a, b);
    expect(proper(c, a, b)).toBe(true);
    expect(new Set(c).size).toBe(4);
  });

  it('colours a 10 × 10 grid with queen contiguity properly in at most 4 colours', () => {
    const a: number[] = [],
      b: number[] = [];
    for (let r = 0; r < 10; r++) {
      for (let c = 0; c < 10; c++) {
        for (const [dr, dc] of [
          [0, 1],
          [1, -1],
          [1, 0],
          [1, 1],
        ] as const) {
          const r2 = r + dr,
            c2 = c + dc;
          if (r2 < 10 && c2 >= 0 && c2 < 10) {
            a.push(r * 10 + c);
            b.push(r2 * 10 + c2);
          }
        }
      }
    }
    const colour = colourGraph(100, a, b);
    expect(proper(colour, a, b)).toBe(true);
    expect(Math.max(...colour)).toBeLessThanOrEqual(3);
  });

  it('ignores self-loops, duplicates and out-of-range nodes; isolated nodes get colour 0', () => {
    const c = colourGraph(3, [0, 0, 1, 0, 7], [0, 1, 0, 1, 2]);
    expect(new Set([c[0], c[1]])).toEqual(new Set([0, 1]));
    expect(c[2]).toBe(0);
  });
});
