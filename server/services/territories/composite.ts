// The planner core's composite workload index (server/shared/planner/workload.ts) of each post of some versions of one
// district, with its deviation from the district's ideal: what the comparison of two versions and the annex show
// beside residents and counts. Default weights; joint actions as recorded in the period.
import { NORM_DEFAULTS } from '../../contract/coverage.ts';
import type { Db } from '../../db/database.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import type { Period } from '../../shared/period.ts';
import { evaluatePlan } from '../../shared/planner/evaluate.ts';
import { indexPosts, planOf, type DistrictModel, type PostInput } from '../../shared/planner/model.ts';
import { postInputs } from '../../shared/planner/posts.ts';
import { costOf, DEFAULT_WEIGHTS, workloadCosts } from '../../shared/planner/workload.ts';
import { loadDistrictModel } from '../planner/district-model.ts';
import type { Content } from './figures.ts';

export interface Composite {
  /** composite workload index: 1 = an average post's share of the district's work */
  index: number;
  /** (index − the district's ideal) / ideal */
  deviation: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Where a vacant post is placed: the base point most of the district's posts work from (police stations host several). */
function commonBase(posts: readonly PostInput[]): { lon: number; lat: number } {
  const counts = new Map<string, { n: number; lon: number; lat: number }>();
  for (const p of posts) {
    const key = `${p.lon},${p.lat}`;
    const hit = counts.get(key) ?? { n: 0, lon: p.lon, lat: p.lat };
    hit.n++;
    counts.set(key, hit);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0] ?? { lon: 0, lat: 0 };
}

/** One version's posts on the district's model: inspectors at their base points, vacant posts at the common one. */
function versionModel(model: DistrictModel, district: string, v: Content): DistrictModel {
  const inspectors = postInputs(model);
  const at = new Map(inspectors.map((p) => [p.inspectorId, p]));
  const vacant = { district, ...commonBase(inspectors) };
  const posts = v.posts.map(
    (p): PostInput => (p.inspector !== null ? at.get(p.inspector) : undefined) ?? { inspectorId: null, ...vacant },
  );
  return { ...model, ...indexPosts(model.districts, posts) };
}

/** One version's composite figures: each post's index and deviation, and what each assigned mahalla adds. */
export interface CompositeDetail {
  /** by post number */
  posts: Map<number, Composite>;
  /** by mahalla id: the index units it adds to its post (a post's mahallas sum to its index, up to rounding) */
  mahallas: Map<number, number>;
}

/**
 * Each post's composite index in each version (by post number), over `period`.
 * @example (await compositeLoads(db, '1726287', [v1, v2], march))[1].get(9) // { index: 0.87, deviation: -0.13 }
 */
export async function compositeLoads(
  db: Db,
  district: string,
  versions: readonly Content[],
  period: Period,
): Promise<Array<Map<number, Composite>>> {
  return (await compositeDetails(db, district, versions, period)).map((d) => d.posts);
}

/**
 * compositeLoads with each assigned mahalla's own part of its post's index (the annex's per-mahalla column).
 * @example (await compositeDetails(db, '1726287', [v1], march))[0].mahallas.get(101) // 0.212
 */
export async function compositeDetails(
  db: Db,
  district: string,
  versions: readonly Content[],
  period: Period,
): Promise<CompositeDetail[]> {
  const none = (): CompositeDetail => ({ posts: new Map(), mahallas: new Map() });
  // A district without mahallas (or a version without posts) has no work to share.
  if (!(await mahallaColumns(db)).district.includes(district)) return versions.map(none);
  const { model } = await loadDistrictModel(db, { districts: [district], period });
  return versions.map((v) => {
    if (v.posts.length === 0) return none();
    const m = versionModel(model, district, v);
    const slot = new Map(v.posts.map((p, k) => [p.id, k]));
    // A mahalla the model does not hold (after a rebuild on other boundaries) is left out.
    const plan = planOf(
      m,
      new Map(
        v.assignments.flatMap((a) => (m.index.has(a.mahalla) ? [[a.mahalla, slot.get(a.post) ?? 0] as const] : [])),
      ),
    );
    const costs = workloadCosts(m, DEFAULT_WEIGHTS);
    const metrics = evaluatePlan(m, costs, plan, NORM_DEFAULTS);
    const mahallas = new Map<number, number>();
    for (const a of v.assignments) {
      const at = m.index.get(a.mahalla);
      const k = slot.get(a.post);
      if (at !== undefined && k !== undefined) mahallas.set(a.mahalla, round3(costOf(m, costs, at, k)));
    }
    return {
      posts: new Map(
        v.posts.map((p, k) => [
          p.id,
          { index: round3(metrics.posts[k]?.workload ?? 0), deviation: round3(metrics.posts[k]?.deviation ?? 0) },
        ]),
      ),
      mahallas,
    };
  });
}
