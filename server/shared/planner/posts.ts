// Changing the number of posts of a district before asking for proposals: vacant posts are added at a base point,
// posts are removed (vacant ones first), and the plans are carried over — a removed post's mahallas become
// unassigned, for the proposer to give out.
import { indexPosts, UNASSIGNED, VACANT, type DistrictModel, type Plan, type PostInput } from './model.ts';

/** The model's posts as inputs, to edit and index again. @example postInputs(model)[0] // { inspectorId: 7, district: '1726294', lon: 69.2, lat: 41.3 } */
export function postInputs(model: DistrictModel): PostInput[] {
  return Array.from({ length: model.p }, (_, k) => ({
    inspectorId: model.inspector[k] === VACANT ? null : model.inspector[k]!,
    district: model.districts[model.postDistrict[k]!]!,
    lon: model.postLon[k]!,
    lat: model.postLat[k]!,
  }));
}

export interface Resized {
  model: DistrictModel;
  /** the plans given, with post indices of the new model */
  plans: Plan[];
  /** indices (in the new model) of the vacant posts added */
  added: number[];
  /** indices (in the old model) of the posts removed */
  removed: number[];
}

/**
 * Gives district `district` exactly `count` posts. New ones are vacant, at `base` or else at the base point most of
 * the district's posts work from; removal takes vacant posts first, then those with the fewest mahallas in `plans[0]`
 * (ties: the higher index). Surviving posts keep their order; new ones come last.
 *
 * @example
 * const { model: m2, plans: [p2], added } = resizePosts(model, [plan], '1726294', 27);
 * added // [26] — one vacant post, its territory empty until painted or proposed
 */
export function resizePosts(
  model: DistrictModel,
  plans: readonly Plan[],
  district: string,
  count: number,
  base?: { lon: number; lat: number },
): Resized {
  const d = model.districts.indexOf(district);
  if (d === -1) throw new RangeError(`district ${district} is not in the model`);
  if (!(Number.isInteger(count) && count >= 1))
    throw new RangeError('a district needs a whole number of posts, at least 1');
  const inputs = postInputs(model);
  const mine = Array.from(model.postList.subarray(model.postStart[d], model.postStart[d + 1]));
  const size = new Map<number, number>(mine.map((k) => [k, 0]));
  plans[0]?.forEach((k) => size.has(k) && size.set(k, size.get(k)! + 1));
  const removed = [...mine]
    .sort(
      (a, b) =>
        Number(model.inspector[b] === VACANT) - Number(model.inspector[a] === VACANT) ||
        size.get(a)! - size.get(b)! ||
        b - a,
    )
    .slice(0, Math.max(0, mine.length - count))
    .sort((a, b) => a - b);
  const kept = inputs.map((_, k) => k).filter((k) => !removed.includes(k));
  const where = base ?? commonBase(model, mine);
  const extra = Math.max(0, count - mine.length);
  const posts = [
    ...kept.map((k) => inputs[k]!),
    ...Array.from({ length: extra }, () => ({ inspectorId: null, district, lon: where.lon, lat: where.lat })),
  ];
  const newIndex = new Int32Array(model.p).fill(UNASSIGNED);
  kept.forEach((k, i) => (newIndex[k] = i));
  return {
    model: { ...model, ...indexPosts(model.districts, posts) },
    plans: plans.map((plan) => plan.map((k) => (k === UNASSIGNED ? UNASSIGNED : newIndex[k]!))),
    added: Array.from({ length: extra }, (_, i) => kept.length + i),
    removed,
  };
}

/** The base point most of the given posts share (police stations host several inspectors); the first on a tie. */
function commonBase(model: DistrictModel, posts: number[]): { lon: number; lat: number } {
  const counts = new Map<string, number>();
  for (const k of posts)
    counts.set(
      `${model.postLon[k]},${model.postLat[k]}`,
      (counts.get(`${model.postLon[k]},${model.postLat[k]}`) ?? 0) + 1,
    );
  let best = posts[0],
    most = 0;
  for (const k of posts) {
    const c = counts.get(`${model.postLon[k]},${model.postLat[k]}`)!;
    if (c > most) {
      most = c;
      best = k;
    }
  }
  if (best === undefined) throw new RangeError('a district without posts has no base point to copy: give one');
  return { lon: model.postLon[best]!, lat: model.postLat[best]! };
}
