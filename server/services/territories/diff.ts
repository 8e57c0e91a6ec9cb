// Two versions of one district compared: the mahallas that change post (from → to), how many, and each post's
// workload before and after over a period (residents, incidents, …, and the planner core's composite index with its
// deviation from the district's ideal).
import type { Db } from '../../db/database.ts';
import type { Period } from '../../shared/period.ts';
import type { PostTitle } from '../../shared/post-title.ts';
import type { StoredTerritoryVersion, UserStore } from '../../store/types.ts';
import {
  diffPlans,
  membersOf,
  workloadOf,
  type Move,
  type PlanDiff,
  type PostChange,
  type Workload,
} from './figures.ts';
import { districtFacts, inspectorNames, postTitle, summaryOf, type VersionSummary } from './read.ts';
import { compositeLoads, type Composite } from './composite.ts';

export interface TerritoryDiff {
  before: VersionSummary;
  after: VersionSummary;
  /** the days incidents and applications are counted over */
  period: Period;
  moves: Array<Move & { code: string; name: string }>;
  counts: PlanDiff['counts'];
  posts: Array<
    PostChange & {
      title: PostTitle;
      vacant: boolean;
      /** the post's figures in each version (null where the post does not exist) */
      workload: { before: (Workload & Composite) | null; after: (Workload & Composite) | null };
    }
  >;
}

/** What changes from `before` to `after` (versions of the same district), weighed over `period`. */
export async function diffVersions(
  db: Db,
  store: UserStore,
  before: StoredTerritoryVersion,
  after: StoredTerritoryVersion,
  period: Period,
  persons: boolean,
): Promise<TerritoryDiff> {
  const holders = [...before.posts, ...after.posts].flatMap((p) => (p.inspector === null ? [] : [p.inspector]));
  const [b, a, facts, names, [compositeBefore, compositeAfter]] = await Promise.all([
    summaryOf(db, store, before),
    summaryOf(db, store, after),
    districtFacts(db, after.district, period),
    inspectorNames(db, [...new Set(holders)]),
    compositeLoads(db, after.district, [before, after], period),
  ]);
  const d = diffPlans(before, after, [...facts.keys()]);
  const membersBefore = membersOf(before);
  const membersAfter = membersOf(after);
  const side = (
    members: Map<number, number[]>,
    composite: Map<number, Composite> | undefined,
    post: number,
    exists: boolean,
  ): (Workload & Composite) | null =>
    exists
      ? { ...workloadOf(members.get(post) ?? [], facts), ...(composite?.get(post) ?? { index: 0, deviation: 0 }) }
      : null;
  return {
    before: b,
    after: a,
    period,
    moves: d.moves.map((m) => ({
      ...m,
      code: facts.get(m.mahalla)?.code ?? '',
      name: facts.get(m.mahalla)?.name ?? '',
    })),
    counts: d.counts,
    posts: d.posts.map((p) => ({
      ...p,
      title: postTitle({ id: p.post, inspector: p.inspector, label: p.label }, names, persons),
      vacant: p.inspector === null,
      workload: {
        before: side(membersBefore, compositeBefore, p.post, p.before),
        after: side(membersAfter, compositeAfter, p.post, p.after),
      },
    })),
  };
}
