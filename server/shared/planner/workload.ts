// The composite workload index of a territory: a weighted sum of what its mahallas bring (residents, incidents by
// category, applications, joint actions the cooperation plan requires, area) and of how far each lies from the post's
// base point. Each part is divided by its district's mean per post, so 1.0 is "an average post's share" whatever the
// units, and the weights are shares of the index (normalised to sum to 1).
import { haversineKm } from '../distance.ts';
import type { DistrictModel } from './model.ts';

export interface WorkloadWeights {
  residents: number;
  /** incidents, each counted with its category's weight */
  incidents: number;
  applications: number;
  /** joint actions the cooperation plan requires */
  jointActions: number;
  areaKm2: number;
  /** sum of the distances from the base point to the territory's mahallas */
  distanceKm: number;
  /** weight of an incident of each category (code → weight); a category not named weighs 1 */
  categories: Readonly<Record<string, number>>;
}

/** Defaults a department can edit, one reason per field. */
export const DEFAULT_WEIGHTS: WorkloadWeights = {
  /** prevention work is done with people: the largest share */
  residents: 0.3,
  /** every incident is a follow-up visit, a report, a talk */
  incidents: 0.25,
  /** applications received must be answered within the legal term */
  applications: 0.15,
  /** the cooperation plan's joint actions are fixed commitments in the inspector's calendar */
  jointActions: 0.1,
  /** a wide territory takes longer to walk, whatever its population */
  areaKm2: 0.1,
  /** time on the road from the base point */
  distanceKm: 0.1,
  /** equal until a department decides that some categories cost more work */
  categories: {},
};

export const WEIGHT_KEYS = ['residents', 'incidents', 'applications', 'jointActions', 'areaKm2', 'distanceKm'] as const;

/**
 * What each mahalla would add to each post of its district: cost[costStart[m] + rank[post]], in index units, and the
 * distance behind it, km, at the same place in distKm.
 */
export interface Costs {
  weights: WorkloadWeights;
  costStart: Int32Array;
  cost: Float64Array;
  distKm: Float64Array;
  /** the part of each mahalla's cost that does not depend on the post */
  base: Float64Array;
}

/**
 * Every mahalla's cost for every post of its district. Throws on a negative or non-finite weight, or when every
 * weight is 0. A part whose district total is 0 (no applications at all, say) adds nothing.
 *
 * @example
 * const c = workloadCosts(model, { ...DEFAULT_WEIGHTS, residents: 1, incidents: 0, applications: 0, jointActions: 0, areaKm2: 0, distanceKm: 0 });
 * costOf(model, c, 0, 0); // residents of mahalla 0 ÷ (district residents ÷ posts)
 */
export function workloadCosts(model: DistrictModel, weights: WorkloadWeights): Costs {
  const w = WEIGHT_KEYS.map((k) => weights[k]);
  for (const [k, v] of Object.entries(weights.categories)) {
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`weight of category ${k} must be a finite number ≥ 0`);
  }
  w.forEach((v, k) => {
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`weight ${WEIGHT_KEYS[k]} must be a finite number ≥ 0`);
  });
  const sum = w.reduce((s, v) => s + v, 0);
  if (!(sum > 0)) throw new RangeError('at least one weight must be above 0');
  const [wRes, wInc, wApp, wJoint, wArea, wDist] = w.map((v) => v / sum) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];

  const { n, categories: cats } = model;
  const catW = cats.map((c) => weights.categories[c] ?? 1);
  const incidents = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    for (let k = 0; k < cats.length; k++) incidents[m]! += catW[k]! * model.incidents[m * cats.length + k]!;
  }
  const costStart = new Int32Array(n + 1);
  for (let m = 0; m < n; m++) {
    const d = model.district[m]!;
    costStart[m + 1] = costStart[m]! + model.postStart[d + 1]! - model.postStart[d]!;
  }
  const cost = new Float64Array(costStart[n]!);
  const distKm = new Float64Array(costStart[n]!);
  const base = new Float64Array(n);

  for (let d = 0; d < model.districts.length; d++) {
    const posts = model.postList.subarray(model.postStart[d], model.postStart[d + 1]);
    const mahallas = model.mahallaList.subarray(model.mahallaStart[d], model.mahallaStart[d + 1]);
    if (posts.length === 0) continue;
    const total = (x: Float64Array): number => mahallas.reduce((s, m) => s + x[m]!, 0);
    // Part k weighs w_k / (district total / posts): an average post's share of each part is worth w_k.
    const per = (wk: number, x: Float64Array): number => {
      const t = total(x);
      return t > 0 ? (wk * posts.length) / t : 0;
    };
    const fRes = per(wRes, model.residents),
      fInc = per(wInc, incidents),
      fApp = per(wApp, model.applications);
    const fJoint = per(wJoint, model.jointActions),
      fArea = per(wArea, model.areaKm2);
    let nearest = 0;
    for (const m of mahallas) {
      let best = Infinity;
      posts.forEach((p, r) => {
        const km = haversineKm(model.postLon[p]!, model.postLat[p]!, model.lon[m]!, model.lat[m]!);
        distKm[costStart[m]! + r] = km;
        best = Math.min(best, km);
      });
      nearest += best;
      base[m] =
        fRes * model.residents[m]! +
        fInc * incidents[m]! +
        fApp * model.applications[m]! +
        fJoint * model.jointActions[m]! +
        fArea * model.areaKm2[m]!;
    }
    // Distance is scaled by what the district would travel if every mahalla went to its nearest base point: a
    // yardstick that does not move as the plan changes.
    const fDist = nearest > 0 ? (wDist * posts.length) / nearest : 0;
    for (const m of mahallas) {
      for (let k = costStart[m]!; k < costStart[m + 1]!; k++) cost[k] = base[m]! + fDist * distKm[k]!;
    }
  }
  return { weights, costStart, cost, distKm, base };
}

/** Workload that mahalla m adds to post p (of m's district). @example costOf(model, costs, 3, 1) // 0.21 */
export const costOf = (model: DistrictModel, c: Costs, m: number, p: number): number =>
  c.cost[c.costStart[m]! + model.rank[p]!]!;

/** Km from post p's base point to mahalla m (of p's district). @example distanceOf(model, costs, 3, 1) // 1.7 */
export const distanceOf = (model: DistrictModel, c: Costs, m: number, p: number): number =>
  c.distKm[c.costStart[m]! + model.rank[p]!]!;

/**
 * A post's deviation from its district's ideal (the mean workload over the district's posts), as a share of it.
 * @example deviation(1.1, 1) // 0.1
 */
export const deviation = (load: number, ideal: number): number => (ideal > 0 ? (load - ideal) / ideal : 0);
