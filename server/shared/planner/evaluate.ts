// Every balance metric of a plan, per post and for the plan: workload and deviation from the district's ideal,
// contiguity, enclaves, compactness, distances and the Coverage page's overload flags. The reference the incremental
// PlanState must always agree with.
import type { Norms } from '../../contract/coverage.ts';
import { overloadFlags, type OverloadFlag } from '../overload.ts';
import { UNASSIGNED, VACANT, type DistrictModel, type Plan } from './model.ts';
import { enclaveOf, piecesOf, shapeOf, cutEdges, type Shape } from './shape.ts';
import { Scratch, Territories } from './territories.ts';
import { deviation, distanceOf, type Costs } from './workload.ts';

export interface PostMetrics extends Shape {
  post: number;
  /** null for a vacant post */
  inspectorId: number | null;
  district: string;
  mahallas: number;
  residents: number;
  incidents: number;
  applications: number;
  jointActions: number;
  /** from the base point to the territory's mahallas, km, rounded to 10 m as on the Coverage page */
  meanDistanceKm: number;
  maxDistanceKm: number;
  /** composite workload index (1 = an average post's share of the district) */
  workload: number;
  /** (workload − district ideal) / ideal */
  deviation: number;
  /** connected pieces as mahalla ids, largest first: one piece = contiguous */
  pieces: number[][];
  /** the post whose territory wholly surrounds this one, else null */
  enclaveOf: number | null;
  /** the norms the territory exceeds, exactly as the Coverage page flags them */
  flags: OverloadFlag[];
}

export interface DistrictBalance {
  district: string;
  posts: number;
  /** mean workload over the district's posts */
  ideal: number;
  /** (heaviest − lightest) / ideal */
  topToBottom: number;
  maxAbsDeviation: number;
}

export interface PlanMetrics {
  posts: PostMetrics[];
  districts: DistrictBalance[];
  /** over all posts, each against its own district's ideal */
  topToBottom: number;
  maxAbsDeviation: number;
  /** adjacency edges between mahallas of different posts (or unassigned) */
  cutEdges: number;
  /** ids of mahallas nobody covers */
  unassigned: number[];
  /** posts in more than one piece */
  noncontiguous: number[];
  enclaves: Array<{ post: number; surroundedBy: number }>;
  /** posts with at least one overload flag */
  overloaded: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * One post's metrics from its members, given its workload and its district's ideal.
 * @example postMetrics(model, costs, plan, 0, [0, 1, 3], 1.02, 1, NORM_DEFAULTS, new Scratch(model.n)).deviation // 0.02
 */
export function postMetrics(
  model: DistrictModel,
  costs: Costs,
  plan: Plan,
  p: number,
  members: readonly number[],
  load: number,
  ideal: number,
  norms: Norms,
  s: Scratch,
): PostMetrics {
  let residents = 0,
    incidents = 0,
    applications = 0,
    jointActions = 0,
    sumKm = 0,
    maxKm = 0;
  for (const m of members) {
    residents += model.residents[m]!;
    incidents += model.incidentTotal[m]!;
    applications += model.applications[m]!;
    jointActions += model.jointActions[m]!;
    const km = distanceOf(model, costs, m, p);
    sumKm += km;
    maxKm = Math.max(maxKm, km);
  }
  const meanDistanceKm = members.length > 0 ? round2(sumKm / members.length) : 0;
  const maxDistanceKm = round2(maxKm);
  const around = enclaveOf(model, plan, members);
  return {
    post: p,
    inspectorId: model.inspector[p] === VACANT ? null : model.inspector[p]!,
    district: model.districts[model.postDistrict[p]!]!,
    mahallas: members.length,
    residents,
    incidents,
    applications,
    jointActions,
    meanDistanceKm,
    maxDistanceKm,
    ...shapeOf(model, plan, members),
    workload: load,
    deviation: deviation(load, ideal),
    pieces: piecesOf(model, plan, members, s).map((piece) => piece.map((m) => model.ids[m]!)),
    enclaveOf: around === -1 ? null : around,
    flags: overloadFlags({ residents, incidents, maxDistanceKm }, norms, model.days),
  };
}

/**
 * Ideal and spread of each district from its posts' workloads.
 * @example balanceOf(model, posts)[0] // { district: '1726294', posts: 3, ideal: 1, topToBottom: 0.4, maxAbsDeviation: 0.2 }
 */
export function balanceOf(model: DistrictModel, workload: (p: number) => number): DistrictBalance[] {
  return model.districts.map((district, d) => {
    const mine = model.postList.subarray(model.postStart[d], model.postStart[d + 1]);
    const ideal = mine.length > 0 ? mine.reduce((sum, p) => sum + workload(p), 0) / mine.length : 0;
    let lo = Infinity,
      hi = -Infinity,
      maxAbs = 0;
    for (const p of mine) {
      const dev = deviation(workload(p), ideal);
      lo = Math.min(lo, dev);
      hi = Math.max(hi, dev);
      maxAbs = Math.max(maxAbs, Math.abs(dev));
    }
    return { district, posts: mine.length, ideal, topToBottom: mine.length > 0 ? hi - lo : 0, maxAbsDeviation: maxAbs };
  });
}

/**
 * The plan-wide summary from up-to-date post metrics (returned as new objects, deviations against today's ideal).
 * @example summarise(model, plan, posts, cutEdges(model, plan)).maxAbsDeviation // 0.18
 */
export function summarise(model: DistrictModel, plan: Plan, current: readonly PostMetrics[], cut: number): PlanMetrics {
  const districts = balanceOf(model, (p) => current[p]!.workload);
  const posts = current.map((pm) => ({
    ...pm,
    deviation: deviation(pm.workload, districts[model.postDistrict[pm.post]!]!.ideal),
  }));
  let lo = 0,
    hi = 0;
  if (posts.length > 0) {
    lo = Math.min(...posts.map((p) => p.deviation));
    hi = Math.max(...posts.map((p) => p.deviation));
  }
  const unassigned: number[] = [];
  plan.forEach((p, m) => p === UNASSIGNED && unassigned.push(model.ids[m]!));
  return {
    posts,
    districts,
    topToBottom: hi - lo,
    maxAbsDeviation: Math.max(0, ...districts.map((d) => d.maxAbsDeviation)),
    cutEdges: cut,
    unassigned,
    noncontiguous: posts.filter((p) => p.pieces.length > 1).map((p) => p.post),
    enclaves: posts.filter((p) => p.enclaveOf !== null).map((p) => ({ post: p.post, surroundedBy: p.enclaveOf! })),
    overloaded: posts.filter((p) => p.flags.length > 0).length,
  };
}

/**
 * Every metric of a plan, from scratch.
 * @example evaluatePlan(model, costs, plan, NORM_DEFAULTS).maxAbsDeviation // 0.08
 */
export function evaluatePlan(model: DistrictModel, costs: Costs, plan: Plan, norms: Norms): PlanMetrics {
  const t = new Territories(model, costs, plan);
  t.resum();
  const s = new Scratch(model.n);
  const posts: PostMetrics[] = [];
  for (let p = 0; p < model.p; p++)
    posts.push(postMetrics(model, costs, t.plan, p, t.members(p), t.load[p]!, 0, norms, s));
  return summarise(model, t.plan, posts, cutEdges(model, t.plan));
}
