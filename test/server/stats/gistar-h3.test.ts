// Gi* on H3 k-ring weights against closed forms worked by hand: one incident in the centre of a two-ring hexagon patch.
import { describe, expect, it } from 'vitest';
import { areNeighborCells, gridDisk, gridRing } from 'h3-js';
import { giStar } from '../../../server/stats/gistar.ts';
import { kRingWeights } from '../../../server/geo/h3-area.ts';
import { expectClose } from './helpers.ts';

// gridDisk(c, 2): the centre, ring 1 (6 cells) and ring 2 (12 cells), n = 19, in Tashkent (no pentagon near).
// x = 1 at the centre, 0 elsewhere: X̄ = 1/19, S² = 1/19 − 1/361 = 18/361, S = 3√2/19. Weights are binary with self,
// so Σw² = Σw and z = (Σwx − X̄ Σw) / (S · sqrt((19 Σw − (Σw)²) / 18)).
//   centre and ring 1: Σw = 7 (all six neighbours are in the patch), Σwx = 1: num = 12/19, spread = sqrt(84/18)
//     → z = 12 / (3√2 · sqrt(14/3)) = 2√(3/7) = 1.3093073414159542
//   ring-2 corner (touches 1 ring-1 cell and 2 ring-2 cells): Σw = 4, Σwx = 0: num = −4/19, spread = sqrt(60/18)
//     → z = −4 / (3√2 · sqrt(10/3)) = −2/√15 = −0.5163977794943222
//   ring-2 side (touches 2 ring-1 cells and 2 ring-2 cells): Σw = 5, Σwx = 0: num = −5/19, spread = sqrt(70/18)
//     → z = −5 / (3√2 · √35 / 3) = −5/√70 = −0.5976143046671968
// p = erfc(|z|/√2) (Python math.erfc): 0.1904302638255242, 0.6055766163353464, 0.5500973172303969.
const CENTRE = '8920a192dd3ffff';
const cells = gridDisk(CENTRE, 2);
const ring1 = new Set(gridRing(CENTRE, 1));
const ringOneNeighbours = (c: string): number => [...ring1].filter((r) => areNeighborCells(c, r)).length;

const Z_INNER = 2 * Math.sqrt(3 / 7),
  Z_CORNER = -2 / Math.sqrt(15),
  Z_SIDE = -5 / Math.sqrt(70);
const P_INNER = 0.1904302638255242,
  P_CORNER = 0.6055766163353464,
  P_SIDE = 0.5500973172303969;

function expected(c: string): { z: number; p: number } {
  if (c === CENTRE || ring1.has(c)) return { z: Z_INNER, p: P_INNER };
  return ringOneNeighbours(c) === 1 ? { z: Z_CORNER, p: P_CORNER } : { z: Z_SIDE, p: P_SIDE };
}

describe('Gi* on a two-ring H3 patch with one incident in the centre', () => {
  const x = Float64Array.from(cells, (c) => (c === CENTRE ? 1 : 0));
  const { z, p, bin } = giStar(x, kRingWeights(cells));

  it('has 19 cells: 6 ring-2 corners and 6 ring-2 sides', () => {
    expect(cells).toHaveLength(19);
    const outer = cells.filter((c) => c !== CENTRE && !ring1.has(c));
    expect(outer.map(ringOneNeighbours).sort()).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('matches the hand-computed z and p of every cell to 1e-9', () => {
    cells.forEach((c, i) => {
      expectClose(z[i], expected(c).z, 1e-9, c);
      expectClose(p[i], expected(c).p, 1e-9, c);
    });
  });

  it('finds nothing significant in so small a patch', () => {
    expect(Array.from(bin).every((b) => b === 0)).toBe(true);
  });
});

describe('kRingWeights', () => {
  it('gives each cell itself and its neighbours inside the list, and no more', () => {
    const w = kRingWeights(cells);
    const rowSize = (i: number): number => w.offsets[i + 1]! - w.offsets[i]!;
    cells.forEach((c, i) => {
      const inner = c === CENTRE || ring1.has(c);
      expect(rowSize(i), c).toBe(inner ? 7 : ringOneNeighbours(c) + 3);
    });
  });

  it('leaves out neighbours outside the list: a lone cell is only its own neighbour', () => {
    const w = kRingWeights([CENTRE]);
    expect(Array.from(w.neighbours)).toEqual([0]);
  });
});
