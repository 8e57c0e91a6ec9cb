// A plan being changed one mahalla at a time, with each post's workload and members kept up to date in O(1) a move:
// the shared engine of the editor's PlanState, the proposer and the greedy baseline.
import { UNASSIGNED, type DistrictModel, type Plan } from './model.ts';
import { costOf, type Costs } from './workload.ts';

/**
 * A plan with each post's workload, size and members.
 * @example
 * const t = new Territories(model, costs, plan);
 * t.move(4, 1);
 * t.load[1]; // post 1's workload with mahalla 4
 */
export class Territories {
  readonly plan: Plan;
  /** composite workload per post */
  readonly load: Float64Array;
  /** mahallas per post */
  readonly count: Int32Array;
  // Members of each post as a doubly linked list over mahalla indices: add and remove in O(1), no allocation.
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;

  constructor(
    readonly model: DistrictModel,
    readonly costs: Costs,
    plan: Plan,
  ) {
    this.plan = new Int32Array(model.n).fill(UNASSIGNED);
    this.load = new Float64Array(model.p);
    this.count = new Int32Array(model.p);
    this.head = new Int32Array(model.p).fill(-1);
    this.next = new Int32Array(model.n).fill(-1);
    this.prev = new Int32Array(model.n).fill(-1);
    for (let m = 0; m < model.n; m++) if (plan[m] !== UNASSIGNED) this.move(m, plan[m]!);
  }

  /**
   * Moves mahalla m to post `to` (or UNASSIGNED). The caller keeps districts apart.
   * @example t.move(4, 1); t.plan[4] // 1
   */
  move(m: number, to: number): void {
    const from = this.plan[m]!;
    if (from === to) return;
    if (from !== UNASSIGNED) {
      this.load[from]! -= costOf(this.model, this.costs, m, from);
      this.count[from]!--;
      const a = this.prev[m]!,
        b = this.next[m]!;
      if (a === -1) this.head[from] = b;
      else this.next[a] = b;
      if (b !== -1) this.prev[b] = a;
      // Sums drift by rounding over thousands of moves; an emptied post is exactly empty.
      if (this.count[from] === 0) this.load[from] = 0;
    }
    this.plan[m] = to;
    if (to !== UNASSIGNED) {
      this.load[to]! += costOf(this.model, this.costs, m, to);
      this.count[to]!++;
      const h = this.head[to]!;
      this.prev[m] = -1;
      this.next[m] = h;
      if (h !== -1) this.prev[h] = m;
      this.head[to] = m;
    } else {
      this.prev[m] = this.next[m] = -1;
    }
  }

  /** The first member of post p (-1 when empty); walk on with {@link nextMember}. */
  firstMember(p: number): number {
    return this.head[p]!;
  }

  nextMember(m: number): number {
    return this.next[m]!;
  }

  /** Members of post p, in no particular order. @example t.members(0) // [3, 1, 0] */
  members(p: number): number[] {
    const out: number[] = [];
    for (let m = this.head[p]!; m !== -1; m = this.next[m]!) out.push(m);
    return out;
  }

  /** Posts' workloads recomputed from scratch (after long searches, so rounding never accumulates into a report). */
  resum(): void {
    this.load.fill(0);
    for (let m = 0; m < this.model.n; m++) {
      const p = this.plan[m]!;
      if (p !== UNASSIGNED) this.load[p]! += costOf(this.model, this.costs, m, p);
    }
  }
}

/**
 * Reusable BFS buffers: a visit stamp per mahalla (no clearing between searches) and a queue.
 * @example const s = new Scratch(model.n); const stamp = s.next(); s.mark[0] = stamp; // mahalla 0 visited
 */
export class Scratch {
  readonly mark: Int32Array;
  readonly queue: Int32Array;
  private stamp = 0;

  constructor(n: number) {
    this.mark = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  /** A fresh stamp: a mahalla is visited in this search when mark[m] equals it. */
  next(): number {
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/**
 * Whether post plan[m]'s territory stays in one piece without m (`size` = its mahallas, m included); BFS from one
 * neighbour of m over the territory, O(territory).
 *
 * @example
 * // 1×3 row all in post 0: taking out the middle cuts it in two
 * connectedWithout(model, plan, 1, 3, scratch); // false
 */
export function connectedWithout(model: DistrictModel, plan: Plan, m: number, size: number, s: Scratch): boolean {
  if (size <= 2) return true;
  const p = plan[m]!;
  const { adjStart, adj } = model;
  let start = -1,
    sameNeighbours = 0;
  for (let e = adjStart[m]!; e < adjStart[m + 1]!; e++) {
    if (plan[adj[e]!] === p) {
      sameNeighbours++;
      if (start === -1) start = adj[e]!;
    }
  }
  if (sameNeighbours <= 1) return sameNeighbours === 1;
  const stamp = s.next();
  s.mark[m] = stamp;
  s.mark[start] = stamp;
  s.queue[0] = start;
  let tail = 1,
    seen = 1;
  for (let h = 0; h < tail; h++) {
    const u = s.queue[h]!;
    for (let e = adjStart[u]!; e < adjStart[u + 1]!; e++) {
      const v = adj[e]!;
      if (plan[v] === p && s.mark[v] !== stamp) {
        s.mark[v] = stamp;
        s.queue[tail++] = v;
        seen++;
      }
    }
  }
  return seen === size - 1;
}
