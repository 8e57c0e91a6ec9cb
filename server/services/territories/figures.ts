// Pure arithmetic over two territory versions' contents: what each post holds (mahallas, residents, incidents, …) and
// what changes between two versions (which mahallas move from which post to which). The composite workload index of
// the planner core (server/shared/planner/workload.ts) can later join these figures as `workload.index`.
import type { TerritoryAssignmentInput, TerritoryPostInput } from '../../contract/territories.ts';

export interface Content {
  posts: readonly TerritoryPostInput[];
  assignments: readonly TerritoryAssignmentInput[];
}

/** What the counts of a mahalla are, for the period asked (incidents, applications) and at all (the rest). */
export interface MahallaFacts {
  id: number;
  code: string;
  name: string;
  population: number;
  households: number;
  areaKm2: number;
  incidents: number;
  applications: number;
}

export interface Workload {
  mahallas: number;
  residents: number;
  households: number;
  areaKm2: number;
  incidents: number;
  applications: number;
}

const EMPTY: Workload = { mahallas: 0, residents: 0, households: 0, areaKm2: 0, incidents: 0, applications: 0 };

/**
 * The sums of some mahallas' facts (a mahalla without facts counts as one mahalla with nothing in it).
 * @example workloadOf([1, 2], facts) // { mahallas: 2, residents: 3000, households: 770, areaKm2: 46.309, incidents: 5, applications: 4 }
 */
export function workloadOf(mahallas: readonly number[], facts: ReadonlyMap<number, MahallaFacts>): Workload {
  const w = { ...EMPTY, mahallas: mahallas.length };
  for (const id of mahallas) {
    const f = facts.get(id);
    if (!f) continue;
    w.residents += f.population;
    w.households += f.households;
    w.areaKm2 += f.areaKm2;
    w.incidents += f.incidents;
    w.applications += f.applications;
  }
  w.areaKm2 = Math.round(w.areaKm2 * 1000) / 1000;
  return w;
}

/**
 * Each post's mahallas (ascending), every post of the version listed even when it holds none.
 * @example membersOf({ posts: [{ id: 1, … }, { id: 9, … }], assignments: [{ mahalla: 2, post: 1 }] }) // Map { 1 => [2], 9 => [] }
 */
export function membersOf(v: Content): Map<number, number[]> {
  const out = new Map<number, number[]>(v.posts.map((p) => [p.id, []]));
  for (const a of v.assignments) out.get(a.post)?.push(a.mahalla);
  for (const list of out.values()) list.sort((x, y) => x - y);
  return out;
}

export interface Move {
  mahalla: number;
  /** the post before and after (null: unassigned) */
  from: number | null;
  to: number | null;
}

export interface PostChange {
  post: number;
  /** the holder after the change (before, for a removed post); null for a vacant post */
  inspector: number | null;
  label: string | null;
  /** whether the post exists in each version */
  before: boolean;
  after: boolean;
  /** mahallas that come to the post, and that leave it */
  gained: number[];
  lost: number[];
}

export interface PlanDiff {
  /** every mahalla of the district whose post differs, ascending */
  moves: Move[];
  posts: PostChange[];
  counts: {
    mahallas: number;
    moved: number;
    /** assigned in one version and not in the other */
    newlyAssigned: number;
    newlyUnassigned: number;
    unassignedBefore: number;
    unassignedAfter: number;
    postsAdded: number;
    postsRemoved: number;
    /** posts in both whose holder changed (an appointment to a vacant post, say) */
    holdersChanged: number;
  };
}

/**
 * What changes from `before` to `after` over a district's mahallas: posts are compared by their number (kept by
 * copies), so a vacant post filled by an inspector is the same post with a new holder.
 *
 * @example
 * diffPlans(
 *   { posts: [{ id: 1, inspector: 1, label: null }], assignments: [{ mahalla: 1, post: 1 }, { mahalla: 2, post: 1 }] },
 *   { posts: [{ id: 1, inspector: 1, label: null }, { id: 9, inspector: null, label: 'Vacant' }], assignments: [{ mahalla: 1, post: 1 }, { mahalla: 2, post: 9 }] },
 *   [1, 2],
 * ).moves // [{ mahalla: 2, from: 1, to: 9 }]
 */
export function diffPlans(before: Content, after: Content, districtMahallas: readonly number[]): PlanDiff {
  const was = new Map(before.assignments.map((a) => [a.mahalla, a.post]));
  const now = new Map(after.assignments.map((a) => [a.mahalla, a.post]));
  const ids = [...new Set([...districtMahallas, ...was.keys(), ...now.keys()])].sort((x, y) => x - y);
  const moves: Move[] = [];
  for (const mahalla of ids) {
    const from = was.get(mahalla) ?? null;
    const to = now.get(mahalla) ?? null;
    if (from !== to) moves.push({ mahalla, from, to });
  }
  const postsBefore = new Map(before.posts.map((p) => [p.id, p]));
  const postsAfter = new Map(after.posts.map((p) => [p.id, p]));
  const postIds = [...new Set([...postsBefore.keys(), ...postsAfter.keys()])].sort((x, y) => x - y);
  const gained = new Map<number, number[]>();
  const lost = new Map<number, number[]>();
  const add = (m: Map<number, number[]>, post: number | null, mahalla: number): void => {
    if (post !== null) (m.get(post) ?? m.set(post, []).get(post))?.push(mahalla);
  };
  for (const m of moves) {
    add(gained, m.to, m.mahalla);
    add(lost, m.from, m.mahalla);
  }
  const posts = postIds.map((post): PostChange => {
    const b = postsBefore.get(post);
    const a = postsAfter.get(post);
    const holder = a ?? b;
    return {
      post,
      inspector: holder?.inspector ?? null,
      label: holder?.label ?? null,
      before: b !== undefined,
      after: a !== undefined,
      gained: gained.get(post) ?? [],
      lost: lost.get(post) ?? [],
    };
  });
  return {
    moves,
    posts,
    counts: {
      mahallas: ids.length,
      moved: moves.length,
      newlyAssigned: moves.filter((m) => m.from === null).length,
      newlyUnassigned: moves.filter((m) => m.to === null).length,
      unassignedBefore: ids.filter((id) => !was.has(id)).length,
      unassignedAfter: ids.filter((id) => !now.has(id)).length,
      postsAdded: posts.filter((p) => p.after && !p.before).length,
      postsRemoved: posts.filter((p) => p.before && !p.after).length,
      holdersChanged: postIds.filter((id) => {
        const b = postsBefore.get(id);
        const a = postsAfter.get(id);
        return a !== undefined && b !== undefined && a.inspector !== b.inspector;
      }).length,
    },
  };
}
