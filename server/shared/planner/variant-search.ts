// One proposal's search in one prepared district: several annealing runs sharing the budget (from the legal start,
// from the greedy baseline's result, from random kicks), the best kept; then, where that plan balances no better than
// the baseline and does not beat it on both the largest deviation and the moves, the baseline's own plan is improved
// — searched again within the baseline's largest deviation, trimmed of moves — and replaces the plan found when that
// one is beaten on every count, or scores no better: a proposal is never beaten by the baseline on both counts.
import { Rng } from '../random.ts';
import { anneal, type AnnealParams } from './anneal.ts';
import { DistrictSearch, type Objective } from './district-search.ts';
import { greedy } from './greedy.ts';
import { border, Move } from './moves.ts';
import { trim } from './trim.ts';

export interface SearchParams {
  seed: number;
  objective: Objective;
  anneal: AnnealParams;
  /** random border moves made before the search */
  kick: number;
}

/** What the baseline reached in the district: posts outside the band, largest deviation, moves. */
interface Reach {
  outside: number;
  maxAbs: number;
  moved: number;
}

const reach = (ds: DistrictSearch): Reach => {
  ds.measure();
  return { outside: ds.outside, maxAbs: ds.maxAbs, moved: ds.moved };
};

/** a is no worse than b on posts outside, largest deviation and moves */
const covers = (a: Reach, b: Reach): boolean =>
  a.outside <= b.outside && a.maxAbs <= b.maxAbs + 1e-9 && a.moved <= b.moved;

/**
 * Searches district `ds.d` for one proposal and leaves the plan found in place (the same params give the same plan).
 * @example searchDistrict(ds, { seed: 12, objective: VARIANTS[0].objective, anneal: ANNEAL_DEFAULTS, kick: 0 })
 */
export function searchDistrict(ds: DistrictSearch, p: SearchParams): void {
  const rng = new Rng((p.seed + Math.imul(ds.d + 1, 0x9e3779b1)) >>> 0);
  const mv = new Move();
  const legal = ds.snapshot();
  // The baseline from the legal start (before any kick), as greedyBaseline computes it.
  greedy(ds);
  const base = reach(ds);
  const greedyPlan = ds.snapshot();
  ds.restore(legal);
  for (let i = 0; i < p.kick; i++) border(ds, rng, mv, false);
  const starts = Math.max(1, Math.round(p.anneal.starts));
  const share: AnnealParams = {
    ...p.anneal,
    stepsPerMahalla: p.anneal.stepsPerMahalla / starts,
    minSteps: p.anneal.minSteps / starts,
  };
  const start = ds.snapshot();
  const best = ds.snapshot();
  let bestScore = Infinity;
  for (let k = 0; k < starts; k++) {
    ds.restore(k === 1 ? greedyPlan : start);
    if (k >= 2) for (let i = 0; i < 2 + 2 * k; i++) border(ds, rng, mv, false);
    const score = anneal(ds, p.objective, rng, share);
    if (score < bestScore) {
      bestScore = score;
      ds.snapshot(best);
    }
  }
  ds.restore(best);
  const found = reach(ds);
  if (found.outside < base.outside || covers(found, base)) return;
  // Beaten by the baseline on every count (a tie on some), the plan found gives way; trading a larger deviation for
  // fewer moves (or the other way round), it gives way only if the improved baseline scores no worse.
  const beaten = covers(base, found);
  const foundScore = ds.score(p.objective);

  // The baseline's plan, searched within its own largest deviation (a band it already meets) when that is tighter
  // than ε, then trimmed of moves without going above that deviation or letting more posts out of the band.
  ds.restore(greedyPlan);
  if (base.outside === 0 && base.maxAbs < ds.rules.epsilon) {
    const tight = new DistrictSearch(ds.t, ds.d, { ...ds.rules, epsilon: base.maxAbs + 1e-9 }, ds.s);
    anneal(tight, p.objective, rng, share);
    const plan = tight.snapshot();
    // Back to where `ds` counted its moves from, then to the plan found, through `ds`, so its counts stay true.
    tight.restore(greedyPlan);
    ds.restore(plan);
    const r = reach(ds);
    if (r.outside > base.outside || r.maxAbs > base.maxAbs + 1e-9) ds.restore(greedyPlan);
  }
  const repairedScore = trim(ds, p.objective, 3, base.maxAbs);
  if (!beaten && repairedScore > foundScore) ds.restore(best);
}
