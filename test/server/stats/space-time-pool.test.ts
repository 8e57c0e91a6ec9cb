// The emerging statistics on the statistics workers: the same result as one thread, ask after ask, while the scratch
// arrays in shared memory are handed back and taken again.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { neighbourhoodShares } from '../../../server/stats/neighbourhood-excess.ts';
import { spaceTimeExcess } from '../../../server/stats/space-time.ts';
import { transposeInto } from '../../../server/stats/space-time-parts.ts';
import { giveBackF64, spaceTimeOfCubeOnWorkers, takeF64 } from '../../../server/stats/space-time-pool.ts';
import { gridWeights, loadGridFixture } from '../../fixtures/stats/grids.ts';

const W = gridWeights(loadGridFixture()); // 6×6 queen grid
const N = W.n;
const SHARE = neighbourhoodShares(new Float64Array(N).fill(1000), W);

describe('spaceTimeOfCubeOnWorkers', () => {
  it('gives what one thread gives, for asks one after another over the same scratch arrays', async () => {
    const B = 9;
    for (const seed of [3, 4, 5]) {
      const rng = new Rng(seed);
      const x = Float64Array.from({ length: N * B }, (_, c) => rng.poisson(c % 7 === 0 ? 9 : 3));
      const cube = takeF64(N * B).fill(0);
      transposeInto(x, N, B, cube);
      const { p, ...rest } = await spaceTimeOfCubeOnWorkers(cube, SHARE, N, B, W, { fdr: true });
      const one = spaceTimeExcess(x, SHARE, N, B, W, { fdr: true });
      expect({ ...rest, p: Float64Array.from(p) }).toEqual(one);
      giveBackF64(cube, p);
    }
  });

  it('hands a given-back array to the next ask of its length, and keeps at most five', () => {
    const a = takeF64(5),
      b = takeF64(5);
    expect(Array.from(a)).toEqual([0, 0, 0, 0, 0]);
    a.fill(7);
    giveBackF64(a);
    expect(takeF64(6)).not.toBe(a);
    expect(takeF64(5)).toBe(a);
    const many = [a, b, takeF64(5), takeF64(5), takeF64(5), takeF64(5)];
    giveBackF64(...many);
    const taken = [takeF64(5), takeF64(5), takeF64(5), takeF64(5), takeF64(5), takeF64(5)];
    // The five newest come back (newest first); the oldest was let go, so the sixth is new.
    expect(taken.slice(0, 5).every((t, i) => t === many[5 - i])).toBe(true);
    expect(many).not.toContain(taken[5]);
    // Only shared memory is kept (the workers read it where it is).
    giveBackF64(new Float64Array(5));
    expect(takeF64(5).buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
