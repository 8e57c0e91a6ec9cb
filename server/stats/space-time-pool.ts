// The emerging hot spots on both statistics workers: they test the time slices of a cube in shared memory, then
// classify the units, each claiming the next slice or run of units as it is free, reading and writing arrays there
// (nothing copied between them). Slices and units are independent, so the result is the single-thread
// spaceTimeExcessOfRows's, double for double.
import { runStatOn, STAT_WORKERS } from './pool.ts';
import { prepareExcess, type ExcessPrep } from './neighbourhood-excess.ts';
import { CLAIMS, type SliceOut, type UnitOut } from './space-time-parts.ts';
import type { SpaceTimeOptions, SpaceTimeResult } from './space-time.ts';
import type { Weights } from './weights.ts';
import { EMERGING_ALPHA } from './emerging.ts';

/** A Float64Array of `length` zeros in shared memory: the workers read and write it where it is. */
export const sharedF64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * length));
const sharedU8 = (length: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(length));

/**
 * Scratch arrays handed back (giveBackF64), newest last; at most SPARE_MAX of them (≈ 59 MB nationally): an ask takes
 * five (the cube, the slices' z and p, the units' z and p) and hands four back at its end, and the fifth (the z its
 * answer keeps) once that answer is no longer kept.
 */
const spare: Float64Array[] = [];
const SPARE_MAX = 5;

/**
 * A Float64Array of `length` in shared memory, one handed back by an earlier ask when there is one (its old values
 * left in it: for arrays the caller writes whole) or else new: nationally each of an ask's scratch arrays is 11.7 MB,
 * and fresh memory costs ≈ 7-10 ms of page faults and zeroing at its first writes (≈ 30 ms on the 2-core host of
 * 4 December, touching one 11.7 MB array), against ≈ 2 ms written again.
 * @example const cube = takeF64(cells).fill(0); … giveBackF64(cube);
 */
export function takeF64(length: number): Float64Array {
  const at = spare.findLastIndex((a) => a.length === length);
  return at < 0 ? sharedF64(length) : spare.splice(at, 1)[0]!;
}

/** Arrays from takeF64 (or sharedF64) no longer read or written anywhere, for later asks to take; the oldest go. */
export function giveBackF64(...arrays: Float64Array[]): void {
  for (const a of arrays) if (a.buffer instanceof SharedArrayBuffer && !spare.includes(a)) spare.push(a);
  spare.splice(0, Math.max(0, spare.length - SPARE_MAX));
}

/** A copy of `a` in shared memory. */
function inShared<T extends Float64Array | Uint32Array>(a: T): T {
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

/** What the slices of every ask over the same shares and weights read, in shared memory: see sharedInputs. */
interface SharedInputs {
  weights: Weights;
  share: Float64Array;
  sharedWeights: Weights;
  prep: ExcessPrep;
}

const inputs = new WeakMap<Float64Array, SharedInputs>();

/**
 * The shares, weights and their ExcessPrep in shared memory, made once for the shares and weights of a database (its
 * perDb objects, the same from ask to ask): sent to a worker they are not copied (≈ 0.9 MB each ask and worker,
 * ≈ 3 ms), and the prep is not computed again on each worker (≈ 7–10 ms) before its first slice.
 */
function sharedInputs(share: Float64Array, weights: Weights): SharedInputs {
  const kept = inputs.get(share);
  if (kept?.weights === weights) return kept;
  const p = prepareExcess(share, weights);
  const made: SharedInputs = {
    weights,
    share: inShared(share),
    sharedWeights: {
      n: weights.n,
      offsets: inShared(weights.offsets),
      neighbours: inShared(weights.neighbours),
      weights: inShared(weights.weights),
    },
    prep: {
      p: inShared(p.p),
      q: inShared(p.q),
      lnP: inShared(p.lnP),
      ln1mP: inShared(p.ln1mP),
      lnQ: inShared(p.lnQ),
      ln1mQ: inShared(p.ln1mQ),
      offsets: inShared(p.offsets),
      members: inShared(p.members),
    },
  };
  inputs.set(share, made);
  return made;
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
  // Every cell of both is written by the slices' tests (all units of every slice), so old values may stay in them.
  const slices: SliceOut = {
    zByBin: takeF64(cells),
    pByBin: takeF64(cells),
    binRecords: sharedF64(nBins),
    binTooFew: sharedU8(nBins),
  };
  const fdr = opts.fdr ?? true,
    alpha = opts.alpha ?? EMERGING_ALPHA;
  // The slices, then the units, claimed one after another by whichever worker is free (space-time-parts.ts claims):
  // fixed shares (every other slice, half the units) left one worker waiting on the other.
  const claims = new Int32Array(new SharedArrayBuffer(4 * CLAIMS));
  const shared = sharedInputs(share, weights);
  await Promise.all(
    Array.from({ length: STAT_WORKERS }, (_, k) =>
      runStatOn(k, 'testSlices', cube, shared.share, nUnits, 0, nBins, shared.sharedWeights, fdr, alpha, slices, {
        claims,
        prep: shared.prep,
      }),
    ),
  );
  // z and p too are written whole (the transposes of both halves), so they may be taken used: each fresh one cost the
  // workers ≈ 30 ms of CPU in page faults on this host, as much as half of the units' statistics.
  const units: UnitOut = {
    z: takeF64(cells),
    p: takeF64(cells),
    category: sharedU8(nUnits),
    finalZ: sharedF64(nUnits),
    trendZ: sharedF64(nUnits),
    trendP: sharedF64(nUnits),
  };
  await Promise.all(
    Array.from({ length: STAT_WORKERS }, (_, k) =>
      runStatOn(k, 'classifyUnits', slices.zByBin, slices.pByBin, nUnits, nBins, 0, nUnits, opts, units, claims),
    ),
  );
  giveBackF64(slices.zByBin, slices.pByBin);
  return { ...units, binRecords: slices.binRecords, binTooFew: slices.binTooFew };
}
