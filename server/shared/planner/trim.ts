// Fewer moves for the same balance: after a search, moved mahallas go back to their post in force in groups of one,
// two or three at once (a group whose members hand work along a chain of posts, where one alone would leave a post
// in pieces or outside the band), each group kept only if no post ends up in pieces or emptied, no more posts lie
// outside the band, the excess beyond it does not grow, the largest deviation stays under an optional cap and the
// variant's score does not get worse.
import type { DistrictSearch, Objective } from './district-search.ts';
import { UNASSIGNED } from './model.ts';

/** Whether two moved mahallas touch a common post (their post now or in force): a group worth trying together. */
function related(ds: DistrictSearch, a: number, b: number): boolean {
  const { plan } = ds.t,
    was = ds.rules.inForce;
  return plan[a] === plan[b] || plan[a] === was[b] || was[a] === plan[b] || was[a] === was[b];
}

/**
 * Tries handing back the group `g` (mahallas moved from the plan in force) at once; keeps it and returns true when it
 * is legal and no worse (see the file header), else leaves the plan as it was.
 */
function tryGroup(ds: DistrictSearch, g: readonly number[], o: Objective, score: number, cap: number): number | null {
  const { t, rules } = ds;
  const outside = ds.outside,
    excess = ds.excess;
  const from = g.map((m) => t.plan[m]!);
  for (const m of g) if (rules.locked[rules.inForce[m]!]) return null;
  for (const m of g) ds.move(m, rules.inForce[m]!);
  let legal = true;
  for (let i = 0; i < g.length && legal; i++) {
    const p = from[i]!,
      q = rules.inForce[g[i]!]!;
    legal = (p === UNASSIGNED || (t.count[p]! > 0 && ds.whole(p))) && ds.whole(q);
  }
  if (legal) {
    const next = ds.score(o);
    if (ds.outside <= outside && ds.excess <= excess + 1e-12 && ds.maxAbs <= cap && next <= score + 1e-12) return next;
  }
  for (let i = g.length - 1; i >= 0; i--) ds.move(g[i]!, from[i]!);
  ds.measure();
  return null;
}

/**
 * Hands back moved mahallas in groups of up to `size` (singles first, then related pairs, then related triples),
 * again from singles after every success, until no group can go back; no group may take the largest deviation above
 * `cap` (nor above what it is, when that is higher). Returns the final score.
 * @example trim(ds, VARIANTS[0].objective) // 17.2 — ds.moved is as low as group hand-backs can make it
 */
export function trim(ds: DistrictSearch, o: Objective, size = 3, cap = Infinity): number {
  let score = ds.score(o);
  const limit = Math.max(cap, ds.maxAbs) + 1e-12;
  const movable = (): number[] =>
    Array.from(ds.mahallas).filter((m) => {
      const was = ds.rules.inForce[m]!;
      return ds.t.plan[m] !== was && was !== UNASSIGNED && !ds.frozen[m];
    });
  for (let again = true; again;) {
    again = false;
    const ms = movable();
    search: for (let k = 1; k <= size; k++) {
      for (let i = 0; i < ms.length; i++) {
        const a = ms[i]!;
        if (k === 1) {
          const next = tryGroup(ds, [a], o, score, limit);
          if (next !== null) {
            score = next;
            again = true;
            break search;
          }
          continue;
        }
        for (let j = i + 1; j < ms.length; j++) {
          const b = ms[j]!;
          if (!related(ds, a, b)) continue;
          if (k === 2) {
            const next = tryGroup(ds, [a, b], o, score, limit);
            if (next !== null) {
              score = next;
              again = true;
              break search;
            }
            continue;
          }
          for (let l = j + 1; l < ms.length; l++) {
            const c = ms[l]!;
            if (!related(ds, a, c) && !related(ds, b, c)) continue;
            const next = tryGroup(ds, [a, b, c], o, score, limit);
            if (next !== null) {
              score = next;
              again = true;
              break search;
            }
          }
        }
      }
    }
  }
  return score;
}
