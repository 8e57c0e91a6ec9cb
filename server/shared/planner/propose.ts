// Automatic proposals: three different plans — fewest changes, most even, most compact — each contiguous, within ε of
// the ideal workload where that is feasible, respecting locks and pins, never moving a mahalla across districts, and
// moving as few mahallas as the balance allows from the plan in force. Seeded: a proposal's params rebuild it exactly.
// Beside them, the greedy baseline on the same inputs.
import { ANNEAL_DEFAULTS, type AnnealParams } from './anneal.ts';
import { DistrictSearch, type Objective, type Rules } from './district-search.ts';
import { balanceOf } from './evaluate.ts';
import { obstacles, shortfall, type Infeasibility } from './feasibility.ts';
import { greedy } from './greedy.ts';
import { movedBetween, UNASSIGNED, type DistrictModel, type Plan } from './model.ts';
import { prepare } from './prepare.ts';
import { cutEdges } from './shape.ts';
import { Scratch, Territories } from './territories.ts';
import { searchDistrict } from './variant-search.ts';
import type { Costs } from './workload.ts';

export type ProposalKind = 'fewest-changes' | 'most-even' | 'most-compact';

/**
 * The three proposals: the same hard rules and the same first priority — as few posts outside the band as can be, then
 * as little excess beyond it (a post outside costs 300 moved mahallas, 1 % beyond ε one) — then each its own second
 * priority, priced in moved mahallas: fewest changes (moves first: the largest deviation and the shape barely count,
 * 1 % of deviation = 0.01 move), most even (0.01 of the largest deviation = 1 move) or most compact (two cut edges
 * fewer ≈ 1 move).
 */
export const VARIANTS: ReadonlyArray<{ kind: ProposalKind; label: string; objective: Objective }> = [
  {
    kind: 'fewest-changes',
    label: 'Fewest changes',
    objective: { outside: 300, excess: 100, moved: 1, cut: 0.01, spread: 1 },
  },
  {
    kind: 'most-even',
    label: 'Most even workload',
    objective: { outside: 300, excess: 100, moved: 1, cut: 0.05, spread: 100 },
  },
  {
    kind: 'most-compact',
    label: 'Most compact territories',
    objective: { outside: 300, excess: 100, moved: 1, cut: 0.6, spread: 20 },
  },
];

export interface ProposeOptions {
  /** tolerance: a post is balanced when |workload − ideal| ≤ ε · ideal (0.1 = 10 %) */
  epsilon: number;
  seed: number;
  /** post indices whose territory must not change */
  locked?: readonly number[];
  /** mahalla indices that keep their post in the current plan */
  pinned?: readonly number[];
  /** the plan in force, to move as few mahallas from as possible (default: the current plan) */
  inForce?: Plan;
  /** district codes to work on (default: every district of the model; the others keep the current plan) */
  districts?: readonly string[];
  anneal?: Partial<AnnealParams>;
}

/** Everything that, with the same model, weights and plans, rebuilds a proposal exactly. */
export interface ProposalParams {
  kind: ProposalKind;
  epsilon: number;
  seed: number;
  objective: Objective;
  anneal: AnnealParams;
  /** random border moves made before the search: a restart from elsewhere when a proposal came out like another */
  kick: number;
  locked: number[];
  pinned: number[];
  districts: string[];
}

export interface PlanOutcome {
  plan: Plan;
  /** ids of mahallas whose post differs from the plan in force */
  moved: number[];
  maxAbsDeviation: number;
  topToBottom: number;
  cutEdges: number;
  /** posts outside the band */
  outside: number;
  /** every post within ε, every territory whole, every free mahalla covered */
  feasible: boolean;
  /** what stood in the way, with the best deviation reached */
  infeasible: Infeasibility[];
}

export interface Proposal extends PlanOutcome {
  kind: ProposalKind;
  label: string;
  params: ProposalParams;
  /** index of an earlier proposal this one equals or nearly equals (only when no restart found another plan) */
  sameAs: number | null;
}

/** Runs `work` on every district in scope over a copy of the current plan, and reports the outcome. */
function run(
  model: DistrictModel,
  costs: Costs,
  current: Plan,
  inForce: Plan,
  p: Omit<ProposalParams, 'kind' | 'objective' | 'anneal' | 'kick' | 'seed'>,
  work: (ds: DistrictSearch) => void,
): PlanOutcome {
  const locked = new Uint8Array(model.p);
  const pinned = new Uint8Array(model.n);
  for (const k of p.locked) locked[k] = 1;
  for (const m of p.pinned) pinned[m] = 1;
  // A post exactly on the edge of the band is inside it, whatever the last bit of its floating-point sum says.
  const rules: Rules = { locked, pinned, inForce, epsilon: p.epsilon + 1e-9 };
  const t = new Territories(model, costs, current);
  const s = new Scratch(model.n);
  const infeasible: Infeasibility[] = [];
  let outside = 0;
  for (const code of p.districts) {
    const d = model.districts.indexOf(code);
    if (d === -1) throw new RangeError(`district ${code} is not in the model`);
    const ds = new DistrictSearch(t, d, rules, s);
    infeasible.push(...prepare(ds), ...obstacles(ds));
    work(ds);
    infeasible.push(...shortfall(ds));
    ds.measure();
    outside += ds.outside;
  }
  t.resum();
  const districts = balanceOf(model, (k) => t.load[k]!);
  const scope = districts.filter((b) => p.districts.includes(b.district));
  const plan = t.plan.slice();
  return {
    plan,
    moved: movedBetween(plan, inForce).map((m) => model.ids[m]!),
    maxAbsDeviation: Math.max(0, ...scope.map((b) => b.maxAbsDeviation)),
    topToBottom: Math.max(0, ...scope.map((b) => b.topToBottom)),
    cutEdges: cutEdges(model, plan),
    outside,
    feasible: infeasible.length === 0,
    infeasible,
  };
}

/**
 * One proposal, exactly as its params say (the same params give the same plan).
 * @example proposeWith(model, costs, current, inForce, proposal.params).plan // equals proposal.plan
 */
export function proposeWith(
  model: DistrictModel,
  costs: Costs,
  current: Plan,
  inForce: Plan,
  params: ProposalParams,
): PlanOutcome {
  return run(model, costs, current, inForce, params, (ds) => searchDistrict(ds, params));
}

const apart = (a: Plan, b: Plan): number => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
};

/**
 * How many mahallas two proposals must differ in to count as different: 3, or 1 in a scope of under 20 mahallas
 * (where one mahalla is a large share of a post's work).
 * @example minApart(model, ['1726290']) // 3 (108 mahallas)
 */
export function minApart(model: DistrictModel, districts: readonly string[]): number {
  const n = districts.reduce((s, code) => {
    const d = model.districts.indexOf(code);
    return s + (d === -1 ? 0 : model.mahallaStart[d + 1]! - model.mahallaStart[d]!);
  }, 0);
  return n < 20 ? 1 : 3;
}

/**
 * Three different proposals for the current plan. One that comes out equal to an earlier one, or differing from it in
 * fewer than {@link minApart} mahallas, or infeasible where an earlier one is feasible, is searched again, up to
 * three times, with one more of that plan's changes forbidden (the mahalla pinned where it is now: "the same, but
 * without moving X") and a few random moves to start from; the new plan is kept only if it balances as well (no more
 * posts outside the band, feasible if the first was), moves at most max(3, half as many again) more mahallas and is not
 * beaten by the greedy baseline on every count; else the best attempt stays (feasible first, then fewest posts outside,
 * then not beaten by the baseline, then not a twin), marked `sameAs` if a twin.
 * @example propose(model, costs, plan, { epsilon: 0.1, seed: 1 }).map((p) => p.moved.length) // [6, 9, 11]
 */
export function propose(model: DistrictModel, costs: Costs, current: Plan, o: ProposeOptions): Proposal[] {
  const inForce = o.inForce ?? current;
  const base = {
    epsilon: o.epsilon,
    anneal: { ...ANNEAL_DEFAULTS, ...o.anneal },
    locked: [...(o.locked ?? [])],
    pinned: [...(o.pinned ?? [])],
    districts: [...(o.districts ?? model.districts)],
  };
  if (!(o.epsilon >= 0 && Number.isFinite(o.epsilon))) throw new RangeError('epsilon must be a finite number ≥ 0');
  const out: Proposal[] = [];
  const gap = minApart(model, base.districts);
  // The baseline on the same inputs: a restart (with more pins, so searched from another baseline) that it beats on
  // every count is not kept.
  const g = greedyBaseline(model, costs, current, o);
  const beaten = (p: PlanOutcome): boolean =>
    g.outside <= p.outside &&
    g.maxAbsDeviation <= p.maxAbsDeviation + 1e-9 &&
    g.moved.length <= p.moved.length &&
    (g.outside < p.outside || g.maxAbsDeviation < p.maxAbsDeviation - 1e-9 || g.moved.length < p.moved.length);
  VARIANTS.forEach((v, k) => {
    let first: Proposal | null = null;
    let proposal: Proposal | null = null;
    const tried: Proposal[] = [];
    const keep: number[] = [];
    for (let attempt = 0; attempt < 4 && proposal === null; attempt++) {
      const params: ProposalParams = {
        ...base,
        pinned: [...base.pinned, ...keep],
        kind: v.kind,
        objective: v.objective,
        seed: (o.seed + 7919 * (3 * attempt + k)) >>> 0,
        kick: attempt * 3,
      };
      const outcome = proposeWith(model, costs, current, inForce, params);
      const twin = out.findIndex((p) => apart(p.plan, outcome.plan) < gap);
      const made: Proposal = { ...outcome, kind: v.kind, label: v.label, params, sameAs: twin === -1 ? null : twin };
      first ??= made;
      tried.push(made);
      // A restart is kept only if it balances as well and moves not many more mahallas (no territories traded whole).
      const asGood =
        made.outside <= first.outside &&
        (made.feasible || !first.feasible) &&
        made.moved.length <= first.moved.length + Math.max(3, first.moved.length / 2);
      // An infeasible plan where an earlier proposal balanced the same district is a search that went astray: again.
      const astray = !made.feasible && out.some((p) => p.feasible);
      if (twin === -1 && asGood && !astray && !beaten(made)) proposal = made;
      // the next attempt also keeps in place one more mahalla the twin moved
      const twinPlan = first.sameAs === null ? null : out[first.sameAs]!.plan;
      const changed = twinPlan
        ? movedBetween(twinPlan, current).filter(
            (m) => current[m] !== UNASSIGNED && !keep.includes(m) && !base.pinned.includes(m),
          )
        : [];
      if (changed.length > 0) keep.push(changed[attempt % changed.length]!);
    }
    // None kept: the best balanced attempt (feasible first, then fewest posts outside, then not beaten by the baseline,
    // then not a twin, then earliest).
    const rank = (p: Proposal): number[] => [
      Number(!p.feasible),
      p.outside,
      Number(beaten(p)),
      Number(p.sameAs !== null),
    ];
    const fallback = tried.reduce((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      const k = x.findIndex((v, i) => v !== y[i]);
      return k !== -1 && y[k]! < x[k]! ? b : a;
    });
    out.push(proposal ?? fallback);
  });
  return out;
}

/**
 * The greedy baseline on the same inputs and the same legal start (deterministic: no seed).
 * @example greedyBaseline(model, costs, plan, { epsilon: 0.1, seed: 0 }).moved.length // 14
 */
export function greedyBaseline(model: DistrictModel, costs: Costs, current: Plan, o: ProposeOptions): PlanOutcome {
  const inForce = o.inForce ?? current;
  return run(
    model,
    costs,
    current,
    inForce,
    {
      epsilon: o.epsilon,
      locked: [...(o.locked ?? [])],
      pinned: [...(o.pinned ?? [])],
      districts: [...(o.districts ?? model.districts)],
    },
    (ds) => void greedy(ds),
  );
}
