// The proposer's search: short bursts of simulated annealing over small moves (moves.ts: ejection chains from posts
// outside the band, hand-backs, swaps, random border moves) mixed with recombination of two neighbouring territories
// (recom.ts); each burst restarts from the best plan so far, balance is priced low at first and fully at the end, and
// the answer is the best plan seen at full prices. Then moved mahallas go back, alone or in small groups, wherever the
// balance can spare them (trim.ts).
import type { Rng } from '../random.ts';
import type { DistrictSearch, Objective } from './district-search.ts';
import { border, chain, handBackOne, Move } from './moves.ts';
import { recombine } from './recom.ts';
import { trim } from './trim.ts';

export interface AnnealParams {
  /** moves tried, per mahalla of the district… */
  stepsPerMahalla: number;
  /** …and at least this many in a district, however small */
  minSteps: number;
  /** independent searches sharing that budget (the legal start, the greedy result, random kicks); the best is kept */
  starts: number;
  /** moves per burst: each burst starts again from the best plan found so far (short bursts) */
  burst: number;
  /** temperature of the first and of the last burst, in score units (one moved mahalla = `objective.moved`) */
  t0: number;
  t1: number;
  /**
   * Balance (posts outside the band, excess) is priced at this share of its weight in the first burst, rising
   * geometrically to its full weight in the last: early bursts roam between plans that differ in what they move, later
   * ones settle the balance. 1 = full weight throughout.
   */
  ramp: number;
  /** shares of moves: a chain from a post outside the band, handing a mahalla back, swapping, recombining (rest: random) */
  aimed: number;
  /** longest chain of border moves */
  chain: number;
  handBack: number;
  swap: number;
  recombine: number;
}

export const ANNEAL_DEFAULTS: AnnealParams = {
  stepsPerMahalla: 150,
  minSteps: 12000,
  starts: 6,
  burst: 200,
  t0: 3,
  t1: 0.05,
  ramp: 0.03,
  aimed: 0.4,
  chain: 6,
  handBack: 0.15,
  swap: 0.2,
  recombine: 0.02,
};

/**
 * Short bursts of annealing on `ds` for `objective`; leaves the best plan found in place and returns its score.
 * @example anneal(ds, { excess: 1000, moved: 1, cut: 0, spread: 2 }, new Rng(7), ANNEAL_DEFAULTS) // 3.1
 */
export function anneal(ds: DistrictSearch, o: Objective, rng: Rng, a: AnnealParams): number {
  const buf = new Int32Array(4096);
  const mv = new Move();
  const best = ds.snapshot(),
    final = ds.snapshot();
  let finalScore = ds.score(o);
  const steps = Math.max(a.burst, a.minSteps, Math.round(a.stepsPerMahalla * ds.mahallas.length));
  const bursts = Math.max(1, Math.round(steps / a.burst));
  const [cRecom, cAimed, cBack, cSwap] = [
    a.recombine,
    a.recombine + a.aimed,
    a.recombine + a.aimed + a.handBack,
    a.recombine + a.aimed + a.handBack + a.swap,
  ];
  for (let b = 0; b < bursts; b++) {
    const x = bursts > 1 ? b / (bursts - 1) : 1;
    const temp = a.t0 * (a.t1 / a.t0) ** x;
    const f = a.ramp ** (1 - x);
    const ob: Objective = { ...o, outside: o.outside * f, excess: o.excess * f };
    // Each burst starts from the best plan so far, priced afresh at this burst's prices.
    ds.restore(best);
    let score = ds.score(ob);
    let bestScore = score;
    for (let i = 0; i < a.burst; i++) {
      const r = rng.next();
      if (r < cRecom) {
        const next = recombine(ds, ob, rng, score, temp);
        if (next === null) continue; // refused: the plan is as it was, the last measure is not
        score = next;
      } else {
        const made =
          r < cAimed
            ? chain(ds, rng, mv, buf, a.chain)
            : r < cBack
              ? handBackOne(ds, rng, mv)
              : border(ds, rng, mv, r < cSwap);
        if (!made) continue;
        const next = ds.score(ob);
        if (next <= score || rng.next() < Math.exp((score - next) / temp)) {
          score = next;
          mv.n = 0;
        } else {
          mv.undo(ds);
          continue;
        }
      }
      if (score < bestScore - 1e-12) {
        bestScore = score;
        ds.snapshot(best);
      }
      // The answer is the best plan under the full prices, wherever the ramp let the search wander.
      const full = ds.value(o);
      if (full < finalScore - 1e-12) {
        finalScore = full;
        ds.snapshot(final);
      }
    }
  }
  ds.restore(final);
  return trim(ds, o);
}
