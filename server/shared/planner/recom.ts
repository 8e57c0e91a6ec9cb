// Recombination (ReCom, DeFord–Duchin–Solomon 2021) of two neighbouring territories: merge them, draw a random
// spanning tree of the merged mahallas, cut the one tree edge whose two sides balance best, give each side a post.
// Unlike GerryChain's uniform trees, borders between mahallas of the same post in force weigh less, so the tree
// keeps the old territories together and its best cut tends to follow the border in force: a recombination that
// rebalances while moving few mahallas. Both sides are connected by construction; pins decide which side is whose.
import type { Rng } from '../random.ts';
import type { DistrictSearch, Objective } from './district-search.ts';
import { UNASSIGNED } from './model.ts';
import { costOf } from './workload.ts';

/** Union–find root with path halving. */
function root(parent: Int32Array, x: number): number {
  while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
  return x;
}

/**
 * Tries one recombination of the territories on a random border of the district; applies it under the Metropolis rule
 * at `temp` and returns the new score, or null when nothing was tried or it was refused (the plan is then unchanged).
 * @example const next = recombine(ds, objective, rng, score, 0.5); if (next !== null) score = next;
 */
export function recombine(ds: DistrictSearch, o: Objective, rng: Rng, score: number, temp: number): number | null {
  const { model, t, rules } = ds;
  const u0 = ds.mahallas[Math.floor(rng.next() * ds.mahallas.length)]!;
  const deg = model.adjStart[u0 + 1]! - model.adjStart[u0]!;
  if (deg === 0) return null;
  const v0 = model.adj[model.adjStart[u0]! + Math.floor(rng.next() * deg)]!;
  const p1 = t.plan[u0]!,
    p2 = t.plan[v0]!;
  if (
    p1 === p2 ||
    p1 === UNASSIGNED ||
    p2 === UNASSIGNED ||
    rules.locked[p1] ||
    rules.locked[p2] ||
    model.district[v0] !== ds.d
  )
    return null;

  const nodes = [...t.members(p1), ...t.members(p2)];
  const k = nodes.length;
  const local = new Map<number, number>(nodes.map((m, i) => [m, i]));
  // Kruskal on random weights: +1 on borders between different posts in force, so same-post borders join first.
  const ea: number[] = [],
    eb: number[] = [],
    ew: number[] = [];
  nodes.forEach((m, i) => {
    for (let e = model.adjStart[m]!; e < model.adjStart[m + 1]!; e++) {
      const j = local.get(model.adj[e]!);
      if (j === undefined || j <= i) continue;
      ea.push(i);
      eb.push(j);
      ew.push(rng.next() + (rules.inForce[m] === rules.inForce[model.adj[e]!] ? 0 : 1));
    }
  });
  const order = ew.map((_, e) => e).sort((x, y) => ew[x]! - ew[y]!);
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  const tree: number[][] = Array.from({ length: k }, () => []);
  for (const e of order) {
    const a = root(parent, ea[e]!),
      b = root(parent, eb[e]!);
    if (a === b) continue;
    parent[a] = b;
    tree[ea[e]!]!.push(eb[e]!);
    tree[eb[e]!]!.push(ea[e]!);
  }
  // Root at 0; walk in BFS order, then add each subtree into its parent from the leaves up.
  const up = new Int32Array(k).fill(-1),
    seq = [0];
  up[0] = 0;
  for (let h = 0; h < seq.length; h++) {
    for (const c of tree[seq[h]!]!) {
      if (up[c] !== -1) continue;
      up[c] = seq[h]!;
      seq.push(c);
    }
  }
  if (seq.length < k) return null; // the two territories were not one connected block
  // Per subtree: its workload under p1 and under p2, its mahallas in force with p1 / p2, its pins to p1 / p2.
  const sums = Array.from({ length: 6 }, () => new Float64Array(k));
  const [c1, c2, in1, in2, pin1, pin2] = sums as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  nodes.forEach((m, i) => {
    c1[i] = costOf(model, t.costs, m, p1);
    c2[i] = costOf(model, t.costs, m, p2);
    in1[i] = rules.inForce[m] === p1 ? 1 : 0;
    in2[i] = rules.inForce[m] === p2 ? 1 : 0;
    pin1[i] = rules.pinned[m] && t.plan[m] === p1 ? 1 : 0;
    pin2[i] = rules.pinned[m] && t.plan[m] === p2 ? 1 : 0;
  });
  for (let h = k - 1; h > 0; h--) {
    const i = seq[h]!,
      p = up[i]!;
    for (const x of sums) x[p]! += x[i]!;
  }
  // Score every cut both ways round with the district's other posts as they are.
  const { ideal: idealNow } = ds.balance();
  const rest = idealNow * ds.posts.length - t.load[p1]! - t.load[p2]!;
  const eps = rules.epsilon;
  // Posts outside the band and excess beyond it, priced as the score prices them.
  const bad = (load: number, ideal: number): number => {
    const over = Math.abs(load - ideal) / ideal - eps;
    return over > 0 ? o.outside + o.excess * over : 0;
  };
  let bestCut = -1,
    bestWay = 0,
    bestLocal = Infinity;
  for (let h = 1; h < k; h++) {
    const i = seq[h]!;
    for (const way of [0, 1]) {
      // way 0: subtree to p1, the rest to p2; way 1 the other way round
      const [subPin, restPin] = way === 0 ? [pin2[i]!, pin1[0]! - pin1[i]!] : [pin1[i]!, pin2[0]! - pin2[i]!];
      if (subPin > 0 || restPin > 0) continue;
      const l1 = way === 0 ? c1[i]! : c1[0]! - c1[i]!;
      const l2 = way === 0 ? c2[0]! - c2[i]! : c2[i]!;
      const ideal = (rest + l1 + l2) / ds.posts.length;
      const kept = way === 0 ? in1[i]! + (in2[0]! - in2[i]!) : in2[i]! + (in1[0]! - in1[i]!);
      const value = bad(l1, ideal) + bad(l2, ideal) - o.moved * kept + rng.next() * 1e-9;
      if (value < bestLocal) {
        bestLocal = value;
        bestCut = i;
        bestWay = way;
      }
    }
  }
  if (bestCut === -1) return null;
  // Label the subtree of bestCut by walking up from each node (depth ≤ k), then apply and judge.
  const inSub = new Uint8Array(k);
  for (const i of seq) inSub[i] = i === bestCut || (i !== 0 && inSub[up[i]!] === 1) ? 1 : 0;
  const before = nodes.map((m) => t.plan[m]!);
  nodes.forEach((m, i) => ds.move(m, (inSub[i] === 1) === (bestWay === 0) ? p1 : p2));
  const next = ds.score(o);
  if (next <= score || rng.next() < Math.exp((score - next) / temp)) return next;
  nodes.forEach((m, i) => ds.move(m, before[i]!));
  return null;
}
