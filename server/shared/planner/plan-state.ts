// The editor's plan: paint and erase strokes, locked posts, pinned mahallas, a preview of what a stroke would do,
// and multi-step undo/redo as deltas. Metrics are kept incrementally: a stroke touches only the posts it changes
// (and their neighbours, whose enclave status may change), so a stroke costs O(strokes' territories), not O(plan).
import type { Norms } from '../../contract/coverage.ts';
import { postMetrics, summarise, type PlanMetrics, type PostMetrics } from './evaluate.ts';
import { UNASSIGNED, type DistrictModel, type Plan } from './model.ts';
import { cutEdges } from './shape.ts';
import { Scratch, Territories } from './territories.ts';
import { costOf, deviation, type Costs } from './workload.ts';
import { checkHistory, type Delta, type History } from './history.ts';

export type SkipReason = 'other-district' | 'pinned' | 'locked';

export interface Stroke {
  /** what changed (empty when every mahalla was skipped or already had that post) */
  delta: Delta;
  skipped: Array<{ mahalla: number; reason: SkipReason }>;
}

export interface PreviewRow {
  post: number;
  before: { workload: number; deviation: number; mahallas: number; residents: number };
  after: { workload: number; deviation: number; mahallas: number; residents: number };
}

export interface Preview {
  /** the posts whose territory the stroke would change, in post order */
  posts: PreviewRow[];
  skipped: Stroke['skipped'];
}

/**
 * The plan an editor works on.
 * @example
 * const state = new PlanState(model, workloadCosts(model, DEFAULT_WEIGHTS), inForce, NORM_DEFAULTS);
 * state.preview([3, 4], 1); // hover: what the stroke would do to each post touched
 * state.paint([3, 4], 1);
 * state.metrics().maxAbsDeviation; // 0.21
 * state.undo();
 */
export class PlanState {
  readonly locked: Uint8Array;
  readonly pinned: Uint8Array;
  private t: Territories;
  private readonly s: Scratch;
  private done: Delta[] = [];
  private undone: Delta[] = [];
  private readonly posts: PostMetrics[] = [];
  private readonly dirty: Uint8Array;
  private readonly residents: Float64Array;
  private cut: number;

  constructor(
    readonly model: DistrictModel,
    private costs: Costs,
    plan: Plan,
    private norms: Norms,
  ) {
    this.t = new Territories(model, costs, plan);
    this.s = new Scratch(model.n);
    this.locked = new Uint8Array(model.p);
    this.pinned = new Uint8Array(model.n);
    this.dirty = new Uint8Array(model.p).fill(1);
    this.residents = new Float64Array(model.p);
    plan.forEach((p, m) => p !== UNASSIGNED && (this.residents[p]! += model.residents[m]!));
    this.cut = cutEdges(model, this.t.plan);
  }

  /** New weights (their costs): every workload is summed again; the plan and its history stay. */
  reweigh(costs: Costs): void {
    this.costs = costs;
    this.t = new Territories(this.model, costs, this.t.plan);
    this.dirty.fill(1);
  }

  /** New overload norms: every post's flags are judged again. */
  setNorms(norms: Norms): void {
    this.norms = norms;
    this.dirty.fill(1);
  }

  /** The costs of the weights in use. */
  get weights(): Costs {
    return this.costs;
  }

  /** The plan as it stands (read it, never write it: strokes keep the metrics in step). */
  get plan(): Plan {
    return this.t.plan;
  }

  /** Which of `mahallas` a stroke with `post` (or UNASSIGNED to erase) would change, and why the others stay. */
  private sort(mahallas: ArrayLike<number>, post: number): { take: number[]; skipped: Stroke['skipped'] } {
    const { model, t } = this;
    if (post !== UNASSIGNED && !(Number.isInteger(post) && post >= 0 && post < model.p))
      throw new RangeError(`no post ${post}`);
    const take: number[] = [];
    const skipped: Stroke['skipped'] = [];
    for (const m of new Set(Array.from(mahallas))) {
      if (!(Number.isInteger(m) && m >= 0 && m < model.n)) throw new RangeError(`no mahalla ${m}`);
      const from = t.plan[m]!;
      if (from === post) continue;
      if (post !== UNASSIGNED && model.postDistrict[post] !== model.district[m])
        skipped.push({ mahalla: m, reason: 'other-district' });
      else if (this.pinned[m]) skipped.push({ mahalla: m, reason: 'pinned' });
      else if ((from !== UNASSIGNED && this.locked[from]) || (post !== UNASSIGNED && this.locked[post]))
        skipped.push({ mahalla: m, reason: 'locked' });
      else take.push(m);
    }
    return { take, skipped };
  }

  /**
   * Gives `mahallas` (indices) to `post`; mahallas of another district, pinned ones and those of locked posts stay.
   * @example state.paint([3, 4], 1).delta.mahallas // Int32Array [3, 4]
   */
  paint(mahallas: ArrayLike<number>, post: number): Stroke {
    const { take, skipped } = this.sort(mahallas, post);
    const delta: Delta = {
      mahallas: Int32Array.from(take),
      from: Int32Array.from(take, (m) => this.t.plan[m]!),
      to: new Int32Array(take.length).fill(post),
    };
    if (take.length > 0) {
      this.apply(delta.mahallas, delta.to);
      this.done.push(delta);
      this.undone = [];
    }
    return { delta, skipped };
  }

  /** Leaves `mahallas` unassigned (pinned ones and those of locked posts stay). @example state.erase([3]) */
  erase(mahallas: ArrayLike<number>): Stroke {
    return this.paint(mahallas, UNASSIGNED);
  }

  /**
   * What painting `mahallas` with `post` would do to the workload of every post it touches, without doing it.
   * @example state.preview([3], 1).posts // [{ post: 0, before: {…}, after: {…} }, { post: 1, … }]
   */
  preview(mahallas: ArrayLike<number>, post: number): Preview {
    const { model, costs, t } = this;
    const { take, skipped } = this.sort(mahallas, post);
    const load = new Map<number, { w: number; n: number; r: number }>();
    const at = (p: number) =>
      load.get(p) ?? load.set(p, { w: t.load[p]!, n: t.count[p]!, r: this.residents[p]! }).get(p)!;
    for (const m of take) {
      const from = t.plan[m]!;
      if (from !== UNASSIGNED)
        Object.assign(at(from), {
          w: at(from).w - costOf(model, costs, m, from),
          n: at(from).n - 1,
          r: at(from).r - model.residents[m]!,
        });
      if (post !== UNASSIGNED)
        Object.assign(at(post), {
          w: at(post).w + costOf(model, costs, m, post),
          n: at(post).n + 1,
          r: at(post).r + model.residents[m]!,
        });
    }
    const ideal = (after: boolean, d: number): number => {
      const mine = model.postList.subarray(model.postStart[d], model.postStart[d + 1]);
      return (
        mine.reduce((s, p) => s + (after && load.has(p) ? load.get(p)!.w : t.load[p]!), 0) / Math.max(1, mine.length)
      );
    };
    const posts = [...load.keys()]
      .sort((a, b) => a - b)
      .map((p) => {
        const d = model.postDistrict[p]!,
          a = load.get(p)!;
        return {
          post: p,
          before: {
            workload: t.load[p]!,
            deviation: deviation(t.load[p]!, ideal(false, d)),
            mahallas: t.count[p]!,
            residents: this.residents[p]!,
          },
          after: { workload: a.w, deviation: deviation(a.w, ideal(true, d)), mahallas: a.n, residents: a.r },
        };
      });
    return { posts, skipped };
  }

  /** Takes back the last stroke; null when there is none. Undo restores history exactly, locks and pins aside. */
  undo(): Delta | null {
    const delta = this.done.pop();
    if (!delta) return null;
    this.apply(delta.mahallas, delta.from);
    this.undone.push(delta);
    return delta;
  }

  /** Does again the last stroke undone; null when there is none. */
  redo(): Delta | null {
    const delta = this.undone.pop();
    if (!delta) return null;
    this.apply(delta.mahallas, delta.to);
    this.done.push(delta);
    return delta;
  }

  /** Locks a post: its territory neither gains nor loses a mahalla until unlocked. */
  lock(post: number, on = true): void {
    if (!(post >= 0 && post < this.model.p)) throw new RangeError(`no post ${post}`);
    this.locked[post] = on ? 1 : 0;
  }

  /** Pins a mahalla to the post it has now (or to none). */
  pin(mahalla: number, on = true): void {
    if (!(mahalla >= 0 && mahalla < this.model.n)) throw new RangeError(`no mahalla ${mahalla}`);
    this.pinned[mahalla] = on ? 1 : 0;
  }

  /** The strokes done and undone, oldest first, to keep across reloads. */
  history(): History {
    return { done: [...this.done], undone: [...this.undone] };
  }

  /** Takes over a history kept for this very plan; throws, changing nothing, when it does not lead to it. */
  restoreHistory(h: History): void {
    checkHistory(this.model, this.t.plan, h);
    this.done = [...h.done];
    this.undone = [...h.undone];
  }

  /** Every metric, recomputing only the posts strokes touched since the last call. */
  metrics(): PlanMetrics {
    const { model, costs, t } = this;
    for (let p = 0; p < model.p; p++) {
      if (!this.dirty[p]) continue;
      this.posts[p] = postMetrics(model, costs, t.plan, p, t.members(p), t.load[p]!, 0, this.norms, this.s);
      this.dirty[p] = 0;
    }
    return summarise(model, t.plan, this.posts, this.cut);
  }

  private apply(mahallas: Int32Array, to: Int32Array): void {
    const { model, t } = this;
    const { adjStart, adj } = model;
    mahallas.forEach((m, k) => {
      const from = t.plan[m]!,
        post = to[k]!;
      if (from === post) return;
      for (let e = adjStart[m]!; e < adjStart[m + 1]!; e++) {
        const q = t.plan[adj[e]!]!;
        this.cut += (q !== post ? 1 : 0) - (q !== from ? 1 : 0);
        if (q !== UNASSIGNED) this.dirty[q] = 1;
      }
      if (from !== UNASSIGNED) {
        this.dirty[from] = 1;
        this.residents[from]! -= model.residents[m]!;
      }
      if (post !== UNASSIGNED) {
        this.dirty[post] = 1;
        this.residents[post]! += model.residents[m]!;
      }
      t.move(m, post);
    });
  }
}
