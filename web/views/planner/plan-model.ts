// The editor's plan from the server's pieces, as pure functions: the district model with a version's posts (vacant
// posts at the district's mean base point), a version's plan, the save body, post colours, and the local copy of the
// plan and its undo history (kept per version in localStorage so a reload loses nothing).
import type { TerritoryReplaceInput } from '../../../server/contract/territories.ts';
import { buildModel, planOf, UNASSIGNED, type DistrictModel, type Plan } from '../../../server/shared/planner/model.ts';
import { deltaFromJson, deltaToJson, type DeltaJson, type History } from '../../../server/shared/planner/history.ts';
import type { PlannerModelJson, VersionDetail } from '../../queries/territories.ts';

type Posts = ReadonlyArray<{ id: number; inspector: number | null }>;
type Assignments = ReadonlyArray<{ mahalla: number; post: number }>;

/**
 * The model of the district with `posts` in their order: an inspector's post at their base point, a vacant one (or one
 * whose base point is unknown) at the mean of the district's base points.
 * @example buildEditorModel(json, [{ id: 7, inspector: 7 }, { id: 8, inspector: null }]).p // 2
 */
export function buildEditorModel(json: PlannerModelJson, posts: Posts): DistrictModel {
  const base = new Map(json.bases.map((b) => [b.inspectorId, b]));
  const n = Math.max(1, json.bases.length);
  const centre = json.bases.length
    ? { lon: json.bases.reduce((s, b) => s + b.lon, 0) / n, lat: json.bases.reduce((s, b) => s + b.lat, 0) / n }
    : { lon: json.mahallas[0]?.lon ?? 0, lat: json.mahallas[0]?.lat ?? 0 };
  return buildModel({
    mahallas: json.mahallas,
    adjacency: json.adjacency,
    categories: json.categories,
    days: json.days,
    posts: posts.map((p) => {
      const b = p.inspector === null ? undefined : base.get(p.inspector);
      return {
        inspectorId: p.inspector,
        district: json.district,
        lon: b?.lon ?? centre.lon,
        lat: b?.lat ?? centre.lat,
      };
    }),
  });
}

/**
 * The plan of some assignments over `posts` (by post number); assignments to a post not among them stay unassigned.
 * @example planFromAssignments(model, [{ id: 7, inspector: 7 }], [{ mahalla: 101, post: 7 }]) // Int32Array [0, -1, …]
 */
export function planFromAssignments(model: DistrictModel, posts: Posts, assignments: Assignments): Plan {
  const index = new Map(posts.map((p, k) => [p.id, k]));
  const pairs = new Map<number, number>();
  for (const a of assignments) {
    const k = index.get(a.post);
    if (k !== undefined && model.index.has(a.mahalla)) pairs.set(a.mahalla, k);
  }
  return planOf(model, pairs);
}

/**
 * The body that saves `plan` as the content of `v`, read at `version`.
 * @example saveBody(model, detail, plan, 3).assignments[0] // { mahalla: 101, post: 7 }
 */
export function saveBody(model: DistrictModel, v: VersionDetail, plan: Plan, version: number): TerritoryReplaceInput {
  const assignments: TerritoryReplaceInput['assignments'] = [];
  plan.forEach((p, m) => {
    if (p !== UNASSIGNED) assignments.push({ mahalla: model.ids[m]!, post: v.posts[p]!.id });
  });
  return {
    name: v.name,
    reason: v.reason,
    version,
    posts: v.posts.map((p) => ({ id: p.id, inspector: p.inspector, label: p.label })),
    assignments,
  };
}

/**
 * A colour slot (0–7) per post, so that neighbouring territories of `plan` differ where eight colours allow.
 * @example postSlots(model, plan) // Uint8Array [0, 1, 0, 2, …]
 */
export function postSlots(model: DistrictModel, plan: Plan): Uint8Array {
  const near = Array.from({ length: model.p }, () => new Set<number>());
  for (let m = 0; m < model.n; m++)
    for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
      const p = plan[m]!,
        q = plan[model.adj[e]!]!;
      if (p !== UNASSIGNED && q !== UNASSIGNED && p !== q) near[p]!.add(q);
    }
  // Greedy, most neighbours first: the lowest slot no coloured neighbour has (wrapping when all eight are taken).
  const slots = new Uint8Array(model.p);
  const done = new Uint8Array(model.p);
  const order = [...near.keys()].sort((a, b) => near[b]!.size - near[a]!.size || a - b);
  for (const p of order) {
    const used = new Set([...near[p]!].filter((q) => done[q]).map((q) => slots[q]!));
    let c = 0;
    while (used.has(c) && c < 8) c++;
    slots[p] = c % 8;
    done[p] = 1;
  }
  return slots;
}

/** What is kept per version: the plan as edited (by mahalla id), its undo history, locks, pins and the version read. */
export interface LocalCopy {
  /** the version counter the edits started from (sent with the save, so a stale save is refused) */
  version: number;
  plan: Array<[number, number]>;
  done: DeltaJson[];
  undone: DeltaJson[];
  locked: number[];
  pinned: number[];
  /** the posts as edited (vacant ones added or removed); absent = the version's own */
  posts?: VersionDetail['posts'];
  /** the copy before the last post edit (undo goes back to it) and the one an undone post edit led to (redo) */
  prior?: LocalCopy;
  ahead?: LocalCopy;
}

const key = (id: number): string => `hamkor.planner.${id}`;

/** The local copy of a version's edits, or null (none, or unreadable). */
export function readLocal(id: number, storage: Pick<Storage, 'getItem'> = localStorage): LocalCopy | null {
  try {
    const raw = storage.getItem(key(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocal(id: number, copy: LocalCopy, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(key(id), JSON.stringify(copy));
  } catch {
    // storage full or refused: edits stay on the page, only the reload safety is lost
  }
}

export function dropLocal(id: number, storage: Pick<Storage, 'removeItem'> = localStorage): void {
  storage.removeItem(key(id));
}

/** A local copy of `plan` and `history`. @example localCopy(model, plan, state.history(), 3, [], []).plan[0] // [101, 0] */
export function localCopy(
  model: DistrictModel,
  plan: Plan,
  h: History,
  version: number,
  locked: Uint8Array,
  pinned: Uint8Array,
): LocalCopy {
  const pairs: Array<[number, number]> = [];
  plan.forEach((p, m) => p !== UNASSIGNED && pairs.push([model.ids[m]!, p]));
  const on = (a: Uint8Array): number[] => [...a.keys()].filter((k) => a[k]);
  return {
    version,
    plan: pairs,
    done: h.done.map((d) => deltaToJson(model, d)),
    undone: h.undone.map((d) => deltaToJson(model, d)),
    locked: on(locked),
    pinned: on(pinned).map((m) => model.ids[m]!),
  };
}

/** The plan and history of a local copy; throws when it does not fit the model (the caller starts afresh). */
export function fromLocal(model: DistrictModel, c: LocalCopy): { plan: Plan; history: History } {
  return {
    plan: planOf(model, new Map(c.plan)),
    history: { done: c.done.map((d) => deltaFromJson(model, d)), undone: c.undone.map((d) => deltaFromJson(model, d)) },
  };
}
