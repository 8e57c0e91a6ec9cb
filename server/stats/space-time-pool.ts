// The emerging hot spots on both statistics workers: each tests every other time slice of a cube in shared memory, then
// classifies half of the units, reading and writing arrays there (nothing copied between them). Slices and units are
// independent, so the result is the single-thread spaceTimeExcessOfRows's, double for double.
import { runStatOn, STAT_WORKERS } from './pool.ts';
import type { SliceOut, UnitOut } from './space-time-parts.ts';
import type { SpaceTimeOptions, SpaceTimeResult } from './space-time.ts';
import type { Weights } from './weights.ts';
import { EMERGING_ALPHA } from './emerging.ts';

/** A Float64Array of `length` zeros in shared memory: the workers read and write it where it is. */
export const sharedF64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * length));
const sharedU8 = (length: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(length));

/**
 * [start, end) of each of `parts` nearly equal ranges of 0 … n − 1.
 * @example ranges(5, 2); // [[0, 3], [3, 5]]
 */
export function ranges(n: number, parts: number): Array<[number, number]> {
  return Array.from({ length: parts }, (_, k) => [Math.ceil((n * k) / parts), Math.ceil((n * (k + 1)) / parts)]);
}

/**
 * spaceTimeExcess on the statistics workers, split in two: the same result, of a bin-major cube already in shared
 * memory (sharedF64; countCube's byBin layout, as binCubeInto fills it on the calling thread).
 * @example const st = await spaceTimeOfCubeOnWorkers(cube, share, 9392, 156, w, { fdr: true });
 */
export async function spaceTimeOfCubeOnWorkers(
  cube: Float64Array,
  share: Float64Array,
  nUnits: number,
  nBins: number,
  weights: Weights,
  opts: SpaceTimeOptions = {},
): Promise<SpaceTimeResult> {
  if (weights.n !== nUnits) throw new RangeError(`weights cover ${weights.n} units, expected ${nUnits}`);
  if (cube.length !== nUnits * nBins) throw new RangeError(`cube has ${cube.length} cells, expected ${nUnits * nBins}`);
  const cells = nUnits * nBins;
  const slices: SliceOut = {
    zByBin: sharedF64(cells),
    pByBin: sharedF64(cells),
    binRecords: sharedF64(nBins),
    binTooFew: sharedU8(nBins),
  };
  const fdr = opts.fdr ?? true,
    alpha = opts.alpha ?? EMERGING_ALPHA;
  // Every STAT_WORKERS-th slice each, not a block of them: a slice costs more the more records it holds, and the
  // later weeks hold more (halves of the national 3 years took ≈ 175 and 190 ms; the first to finish then waited).
  await Promise.all(
    Array.from({ length: STAT_WORKERS }, (_, k) =>
      runStatOn(k, 'testSlices', cube, share, nUnits, k, nBins, weights, fdr, alpha, slices, STAT_WORKERS),
    ),
  );
  const units: UnitOut = {
    z: sharedF64(cells),
    p: sharedF64(cells),
    category: sharedU8(nUnits),
    finalZ: sharedF64(nUnits),
    trendZ: sharedF64(nUnits),
    trendP: sharedF64(nUnits),
  };
  await Promise.all(
    ranges(nUnits, STAT_WORKERS).map(([u0, u1], k) =>
      runStatOn(k, 'classifyUnits', slices.zByBin, slices.pByBin, nUnits, nBins, u0, u1, opts, units),
    ),
  );
  return { ...units, binRecords: slices.binRecords, binTooFew: slices.binTooFew };
}
