// The greedy baseline the proposals are judged against, on the same inputs and the same legal start: repeatedly move
// one border mahalla from the most loaded territory that can give one to its least loaded neighbouring territory,
// until every post is within ε or no such move lowers the heavier of the two.
import type { DistrictSearch } from './district-search.ts';
import { UNASSIGNED } from './model.ts';
import { costOf } from './workload.ts';

/**
 * Runs the greedy moves on one prepared district; returns the number of moves made.
 * @example greedy(ds) // 14
 */
export function greedy(ds: DistrictSearch): number {
  const { model, t, rules } = ds;
  const cap = 20 * ds.mahallas.length;
  let moves = 0;
  for (; moves < cap && ds.balance().excess > 0; moves++) {
    const order = Array.from(ds.posts)
      .filter((p) => !rules.locked[p])
      .sort((a, b) => t.load[b]! - t.load[a]! || a - b);
    let move: [number, number] | null = null;
    for (const p of order) {
      let bestQ = -1,
        bestM = -1,
        bestPeak = t.load[p]!;
      for (let u = t.firstMember(p); u !== -1; u = t.nextMember(u)) {
        for (let e = model.adjStart[u]!; e < model.adjStart[u + 1]!; e++) {
          const q = t.plan[model.adj[e]!]!;
          if (q === p || q === UNASSIGNED || (bestQ !== -1 && t.load[q]! > t.load[bestQ]!) || !ds.canGive(u, q))
            continue;
          const peak = Math.max(t.load[p]! - costOf(model, t.costs, u, p), t.load[q]! + costOf(model, t.costs, u, q));
          // the least loaded neighbour first; among its border mahallas, the one that leaves the lower peak
          if (peak < t.load[p]! - 1e-12 && (bestQ === -1 || t.load[q]! < t.load[bestQ]! || peak < bestPeak)) {
            bestQ = q;
            bestM = u;
            bestPeak = peak;
          }
        }
      }
      if (bestQ !== -1) {
        move = [bestM, bestQ];
        break;
      }
    }
    if (move === null) break;
    ds.move(move[0], move[1]);
  }
  return moves;
}
