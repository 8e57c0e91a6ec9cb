// Why a district cannot be balanced within ε: what the proposer reports instead of pretending, with the mahallas and
// posts to blame, in words a planner can act on.
import type { DistrictSearch } from './district-search.ts';
import { UNASSIGNED } from './model.ts';
import { costOf } from './workload.ts';

export type InfeasibleReason =
  | 'mahalla-outweighs-band'
  | 'pins-outweigh-band'
  | 'locked-out-of-band'
  | 'locked-in-pieces'
  | 'pinned-in-pieces'
  | 'unreachable'
  | 'no-room'
  | 'no-posts'
  | 'not-found';

export interface Infeasibility {
  reason: InfeasibleReason;
  district: string;
  /** mahalla ids to blame */
  mahallas: number[];
  /** post indices to blame */
  posts: number[];
  text: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * An infeasibility of the search's district, mahallas as sorted ids.
 * @example blame(ds, 'no-room', [], [3], 'Post 3 can get no mahalla…').district // '1726294'
 */
export function blame(
  ds: DistrictSearch,
  reason: InfeasibleReason,
  mahallas: number[],
  posts: number[],
  text: string,
): Infeasibility {
  return {
    reason,
    district: ds.model.districts[ds.d]!,
    mahallas: mahallas.map((m) => ds.model.ids[m]!).sort((a, b) => a - b),
    posts,
    text,
  };
}

/**
 * What makes ε unreachable whatever the search does, at the district's current ideal: a mahalla heavier than the top
 * of the band for every post that could take it, pins that already weigh more than the band, a locked post outside it.
 *
 * @example
 * obstacles(ds) // [{ reason: 'mahalla-outweighs-band', mahallas: [1726294017], text: 'Mahalla 1726294017 alone …' }]
 */
export function obstacles(ds: DistrictSearch): Infeasibility[] {
  const { model, t, rules } = ds;
  const { ideal } = ds.balance();
  const top = (1 + rules.epsilon) * ideal;
  const out: Infeasibility[] = [];
  if (ds.posts.length === 0)
    return [blame(ds, 'no-posts', [], [], 'The district has no post: nobody can cover its mahallas.')];
  const open = Array.from(ds.posts).filter((p) => !rules.locked[p]);
  const heavy = Array.from(ds.mahallas).filter(
    (m) => !ds.frozen[m] && open.length > 0 && Math.min(...open.map((p) => costOf(model, t.costs, m, p))) > top,
  );
  if (heavy.length > 0) {
    out.push(
      blame(
        ds,
        'mahalla-outweighs-band',
        heavy,
        [],
        `${heavy.length === 1 ? 'One mahalla carries' : `${heavy.length} mahallas each carry`} more work than an inspector's fair share plus the tolerance (${pct(rules.epsilon)}): whichever post takes ${heavy.length === 1 ? 'it' : 'one'} is overloaded.`,
      ),
    );
  }
  for (const p of ds.posts) {
    const dev = ideal > 0 ? (t.load[p]! - ideal) / ideal : 0;
    if (rules.locked[p] && Math.abs(dev) > rules.epsilon) {
      out.push(
        blame(
          ds,
          'locked-out-of-band',
          t.members(p),
          [p],
          `Post ${p} is locked with a workload ${pct(dev)} from the fair share, beyond the tolerance of ${pct(rules.epsilon)}.`,
        ),
      );
    }
    if (rules.locked[p]) continue;
    const pins = t.members(p).filter((m) => rules.pinned[m]);
    const weight = pins.reduce((s, m) => s + costOf(model, t.costs, m, p), 0);
    if (weight > top) {
      out.push(
        blame(
          ds,
          'pins-outweigh-band',
          pins,
          [p],
          `The mahallas pinned to post ${p} already weigh ${pct(weight / ideal - 1)} above the fair share.`,
        ),
      );
    }
  }
  return out;
}

/**
 * Posts still outside the band once the search is over, as a 'not-found' entry (none when every post is within).
 * @example shortfall(ds)[0]?.text // 'No plan within 10.0 % of the fair share was found: 2 posts stay outside it; …'
 */
export function shortfall(ds: DistrictSearch): Infeasibility[] {
  const { ideal, maxAbs } = ds.balance();
  const eps = ds.rules.epsilon;
  const out = Array.from(ds.posts).filter((p) => ideal > 0 && Math.abs(ds.t.load[p]! - ideal) / ideal > eps);
  if (out.length === 0) return [];
  const stray = Array.from(ds.mahallas).filter((m) => ds.t.plan[m] === UNASSIGNED && !ds.rules.pinned[m]);
  return [
    blame(
      ds,
      'not-found',
      stray,
      out,
      `No plan within ${pct(eps)} of the fair share was found: ${out.length} post${out.length === 1 ? '' : 's'} stay outside it; the largest deviation reached is ${pct(maxAbs)}.`,
    ),
  ];
}
