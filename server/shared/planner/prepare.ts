// Before any search: make the district's plan a legal starting point — every territory in one piece, every post with
// at least one mahalla, every free mahalla covered — changing as little as possible, and say what cannot be fixed.
import type { DistrictSearch } from './district-search.ts';
import { blame, type Infeasibility } from './feasibility.ts';
import { UNASSIGNED } from './model.ts';
import { piecesOf } from './shape.ts';
import { costOf, distanceOf } from './workload.ts';

/**
 * A territory in pieces first takes back, from its neighbours, mahallas it holds in the plan in force where that joins
 * two of its pieces (a draft that painted over a territory's middle is mended by undoing just that).
 */
function mendFromPlanInForce(ds: DistrictSearch): void {
  const { model, t, rules } = ds;
  for (let changed = true; changed;) {
    changed = false;
    for (const m of ds.mahallas) {
      const p = rules.inForce[m]!;
      if (p === UNASSIGNED || t.plan[m] === p || t.count[p] === 0 || !ds.canGive(m, p)) continue;
      const before = piecesOf(model, t.plan, t.members(p), ds.s).length;
      if (before <= 1) continue;
      const from = t.plan[m]!;
      ds.move(m, p);
      if (piecesOf(model, t.plan, t.members(p), ds.s).length < before) changed = true;
      else ds.move(m, from);
    }
  }
}

/** Stray pieces of a territory go back to the pool: the piece with most pins (then most work) stays. */
function joinPieces(ds: DistrictSearch, out: Infeasibility[]): void {
  const { model, t, rules } = ds;
  mendFromPlanInForce(ds);
  for (const p of ds.posts) {
    const pieces = piecesOf(model, t.plan, t.members(p), ds.s);
    if (pieces.length <= 1) continue;
    if (rules.locked[p]) {
      out.push(
        blame(
          ds,
          'locked-in-pieces',
          pieces.slice(1).flat(),
          [p],
          `Post ${p} is locked but its territory is in ${pieces.length} pieces.`,
        ),
      );
      continue;
    }
    const pins = (piece: number[]): number => piece.filter((m) => rules.pinned[m]).length;
    const work = (piece: number[]): number => piece.reduce((s, m) => s + costOf(model, t.costs, m, p), 0);
    const ranked = [...pieces].sort((a, b) => pins(b) - pins(a) || work(b) - work(a) || a[0]! - b[0]!);
    for (const piece of ranked.slice(1)) {
      if (pins(piece) > 0) {
        out.push(
          blame(
            ds,
            'pinned-in-pieces',
            piece.filter((m) => rules.pinned[m]),
            [p],
            `Mahallas pinned to post ${p} lie apart from the rest of its territory: it cannot be made one piece.`,
          ),
        );
      } else {
        for (const m of piece) ds.move(m, UNASSIGNED);
      }
    }
  }
}

/** An empty post starts from the free mahalla nearest its base point: unassigned first, else one a neighbour can spare. */
function seedEmptyPosts(ds: DistrictSearch, out: Infeasibility[]): void {
  const { model, t, rules } = ds;
  for (const p of ds.posts) {
    if (t.count[p]! > 0 || rules.locked[p]) continue;
    const near = (ms: number[]): number =>
      ms.reduce(
        (best, m) => (best === -1 || distanceOf(model, t.costs, m, p) < distanceOf(model, t.costs, best, p) ? m : best),
        -1,
      );
    const free = Array.from(ds.mahallas).filter((m) => t.plan[m] === UNASSIGNED && !rules.pinned[m]);
    const seed = free.length > 0 ? near(free) : near(Array.from(ds.mahallas).filter((m) => ds.canGive(m, p)));
    if (seed === -1)
      out.push(
        blame(
          ds,
          'no-room',
          [],
          [p],
          `Post ${p} can get no mahalla: every one is pinned, locked or needed to keep a territory whole.`,
        ),
      );
    else ds.move(seed, p);
  }
}

/** Unassigned free mahallas join the lightest post they border, in waves, until none can. */
function coverStrays(ds: DistrictSearch, out: Infeasibility[]): void {
  const { model, t, rules } = ds;
  const strays = (): number[] => Array.from(ds.mahallas).filter((m) => t.plan[m] === UNASSIGNED && !rules.pinned[m]);
  for (
    let left = strays(), before = Infinity;
    left.length > 0 && left.length < before;
    before = left.length, left = strays()
  ) {
    for (const m of left) {
      let best = UNASSIGNED;
      for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
        const q = t.plan[model.adj[e]!]!;
        if (
          q !== UNASSIGNED &&
          model.postDistrict[q] === ds.d &&
          !rules.locked[q] &&
          (best === UNASSIGNED || t.load[q]! < t.load[best]! || (t.load[q] === t.load[best] && q < best))
        )
          best = q;
      }
      if (best !== UNASSIGNED) ds.move(m, best);
    }
  }
  const left = strays();
  if (left.length > 0)
    out.push(
      blame(
        ds,
        'unreachable',
        left,
        [],
        `${left.length} mahalla${left.length === 1 ? '' : 's'} border${left.length === 1 ? 's' : ''} no post that may take ${left.length === 1 ? 'it' : 'them'} (only locked posts or none around).`,
      ),
    );
}

/**
 * Makes the start legal, deterministically; returns what it could not fix.
 * @example prepare(ds) // [] once every territory is whole, every post has a mahalla and nothing free is unassigned
 */
export function prepare(ds: DistrictSearch): Infeasibility[] {
  const out: Infeasibility[] = [];
  joinPieces(ds, out);
  seedEmptyPosts(ds, out);
  coverStrays(ds, out);
  return out;
}
