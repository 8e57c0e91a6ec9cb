// One district's plan under search: the legal moves (pins, locks, contiguity, the district border) and the score a
// proposal minimises — posts outside the ε band first, then mahallas moved from the plan in force, cut edges and the
// largest deviation — kept up to date in O(neighbours) a move plus O(posts) a score.
import { UNASSIGNED, type DistrictModel, type Plan } from './model.ts';
import { connectedWithout, type Scratch, type Territories } from './territories.ts';

export interface Rules {
  /** 1 for a post whose territory must not change */
  locked: Uint8Array;
  /** 1 for a mahalla that must keep the post it has in the current plan */
  pinned: Uint8Array;
  /** the plan in force: "moved" counts mahallas whose post differs from it */
  inForce: Plan;
  /** tolerance: a post is balanced when |workload − ideal| ≤ ε · ideal */
  epsilon: number;
}

/** Prices of the score's terms. */
export interface Objective {
  /** per post outside the band */
  outside: number;
  /** per unit of deviation beyond ε, summed over posts */
  excess: number;
  /** per mahalla moved from the plan in force */
  moved: number;
  /** per adjacency edge between two posts of the district (compactness) */
  cut: number;
  /** per unit of the largest absolute deviation (evenness beyond ε) */
  spread: number;
}

export interface Balance {
  ideal: number;
  /** Σ over posts of max(0, |deviation| − ε) */
  excess: number;
  maxAbs: number;
}

/**
 * One district of a plan under search (the other districts of the same Territories are never touched).
 * @example
 * const ds = new DistrictSearch(new Territories(model, costs, plan), 0, rules, new Scratch(model.n));
 * if (ds.canGive(4, 1)) ds.move(4, 1);
 * ds.score(VARIANTS[0].objective); // outside·300 + excess·100 + moved + …
 */
export class DistrictSearch {
  readonly model: DistrictModel;
  readonly mahallas: Int32Array;
  readonly posts: Int32Array;
  /** 1 for a mahalla no move may touch: pinned, or in a locked post */
  readonly frozen: Uint8Array;
  moved = 0;
  cut = 0;

  constructor(
    readonly t: Territories,
    readonly d: number,
    readonly rules: Rules,
    readonly s: Scratch,
  ) {
    const model = (this.model = t.model);
    this.mahallas = model.mahallaList.subarray(model.mahallaStart[d], model.mahallaStart[d + 1]);
    this.posts = model.postList.subarray(model.postStart[d], model.postStart[d + 1]);
    this.frozen = new Uint8Array(model.n);
    for (const m of this.mahallas) {
      const p = t.plan[m]!;
      this.frozen[m] = rules.pinned[m] || (p !== UNASSIGNED && rules.locked[p]) ? 1 : 0;
      if (p !== rules.inForce[m]) this.moved++;
      for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
        const v = model.adj[e]!;
        if (v > m && model.district[v] === d && t.plan[v] !== p) this.cut++;
      }
    }
  }

  /** The ideal, the excess beyond ε and the largest deviation of the district's posts, O(posts). */
  balance(): Balance {
    this.measure();
    return { ideal: this.ideal, excess: this.excess, maxAbs: this.maxAbs };
  }

  // The last measure, in fields: the search scores every move, and an object per score is garbage per move.
  ideal = 0;
  excess = 0;
  maxAbs = 0;
  outside = 0;

  /** Refreshes ideal, excess and maxAbs. */
  measure(): void {
    const { posts, t } = this;
    let total = 0;
    for (const p of posts) total += t.load[p]!;
    const ideal = posts.length > 0 ? total / posts.length : 0;
    let excess = 0,
      maxAbs = 0,
      outside = 0;
    if (ideal > 0) {
      for (const p of posts) {
        const dev = Math.abs(t.load[p]! - ideal) / ideal;
        if (dev > maxAbs) maxAbs = dev;
        if (dev > this.rules.epsilon) {
          excess += dev - this.rules.epsilon;
          outside++;
        }
      }
    }
    this.outside = outside;
    this.ideal = ideal;
    this.excess = excess;
    this.maxAbs = maxAbs;
  }

  score(o: Objective): number {
    this.measure();
    return this.value(o);
  }

  /** The score of the last measure under an objective (no new measure). */
  value(o: Objective): number {
    return (
      o.outside * this.outside +
      o.excess * this.excess +
      o.moved * this.moved +
      o.cut * this.cut +
      o.spread * this.maxAbs
    );
  }

  /** Whether post p's territory is in one piece (an empty one is), BFS O(territory). */
  whole(p: number): boolean {
    const { model, t, s } = this;
    const start = t.firstMember(p);
    if (start === -1) return true;
    const stamp = s.next();
    s.mark[start] = stamp;
    s.queue[0] = start;
    let tail = 1;
    for (let h = 0; h < tail; h++) {
      const u = s.queue[h]!;
      for (let e = model.adjStart[u]!; e < model.adjStart[u + 1]!; e++) {
        const v = model.adj[e]!;
        if (t.plan[v] === p && s.mark[v] !== stamp) {
          s.mark[v] = stamp;
          s.queue[tail++] = v;
        }
      }
    }
    return tail === t.count[p];
  }

  /**
   * Whether mahalla m may go to post q: m is free, q is a post of the district, unlocked, borders m (or is empty), and
   * m's post keeps at least one mahalla and stays in one piece.
   */
  canGive(m: number, q: number): boolean {
    const { model, t } = this;
    if (this.frozen[m] || q === UNASSIGNED || this.rules.locked[q] || model.postDistrict[q] !== this.d) return false;
    const p = t.plan[m]!;
    if (p === q) return false;
    if (t.count[q]! > 0) {
      let borders = false;
      for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]! && !borders; e++)
        borders = t.plan[model.adj[e]!] === q;
      if (!borders) return false;
    }
    return p === UNASSIGNED || (t.count[p]! >= 2 && connectedWithout(model, t.plan, m, t.count[p]!, this.s));
  }

  /** Moves m to q (or UNASSIGNED) with no check, keeping the moved and cut counts. */
  move(m: number, q: number): void {
    const { model, t } = this;
    const p = t.plan[m]!;
    if (p === q) return;
    const was = this.rules.inForce[m]!;
    this.moved += (q !== was ? 1 : 0) - (p !== was ? 1 : 0);
    for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
      const v = model.adj[e]!;
      if (model.district[v] !== this.d) continue;
      const r = t.plan[v]!;
      this.cut += (r !== q ? 1 : 0) - (r !== p ? 1 : 0);
    }
    t.move(m, q);
  }

  /** The district's labels, to come back to (into `into` when given: no allocation). */
  snapshot(into: Int32Array = new Int32Array(this.mahallas.length)): Int32Array {
    for (let k = 0; k < this.mahallas.length; k++) into[k] = this.t.plan[this.mahallas[k]!]!;
    return into;
  }

  restore(snap: Int32Array): void {
    this.mahallas.forEach((m, k) => this.move(m, snap[k]!));
  }
}
