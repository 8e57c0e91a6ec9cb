// The annealing's small moves, each made on the plan as it is built (so every step is checked for legality in the
// state it acts on) and undone exactly when refused: a chain of border moves from a post outside the band through its
// neighbours until a post can absorb the change (one mahalla per post: an ejection chain), a moved mahalla handed
// back, a swap of two neighbouring mahallas, a random border move.
import type { Rng } from '../random.ts';
import type { DistrictSearch } from './district-search.ts';
import { UNASSIGNED } from './model.ts';

/**
 * The steps of one move, undone in reverse order.
 * @example const mv = new Move(); mv.push(ds, 4, 1); mv.undo(ds); // mahalla 4 is back where it was
 */
export class Move {
  n = 0;
  readonly m = new Int32Array(16);
  readonly from = new Int32Array(16);

  /** Moves mahalla m to post q and records it. */
  push(ds: DistrictSearch, m: number, q: number): void {
    this.m[this.n] = m;
    this.from[this.n++] = ds.t.plan[m]!;
    ds.move(m, q);
  }

  undo(ds: DistrictSearch): void {
    while (this.n > 0) {
      this.n--;
      ds.move(this.m[this.n]!, this.from[this.n]!);
    }
  }
}

/**
 * From a random post outside the band, a chain of up to `maxLength` border moves: an overloaded post gives a mahalla to
 * a neighbouring post, which gives one on if that pushed it over the band, and so on; an underloaded post takes one the
 * same way. At each link, of two draws the one whose other post is lighter (giving) or heavier (taking).
 * @example if (chain(ds, rng, mv, buf, 6)) ds.score(objective); // judge it; mv.undo(ds) to refuse it
 */
export function chain(ds: DistrictSearch, rng: Rng, mv: Move, buf: Int32Array, maxLength: number): boolean {
  const { model, t, rules } = ds;
  ds.measure();
  const ideal = ds.ideal,
    eps = rules.epsilon;
  let cur = -1,
    seen = 0;
  for (const p of ds.posts) {
    if (rules.locked[p] || ideal <= 0 || Math.abs(t.load[p]! - ideal) / ideal <= eps) continue;
    if (rng.next() * ++seen < 1) cur = p; // reservoir: each post outside the band equally likely
  }
  if (cur === -1) return false;
  const over = t.load[cur]! > ideal;
  for (let link = 0; link < maxLength; link++) {
    let n = 0;
    for (let u = t.firstMember(cur); u !== -1 && n < buf.length - 2; u = t.nextMember(u)) {
      for (let e = model.adjStart[u]!; e < model.adjStart[u + 1]! && n < buf.length - 2; e++) {
        const v = model.adj[e]!,
          q = t.plan[v]!;
        if (q === cur || model.district[v] !== ds.d || (q !== UNASSIGNED && rules.locked[q])) continue;
        const give = over && !ds.frozen[u] && q !== UNASSIGNED;
        if (give || (!over && !ds.frozen[v])) {
          buf[n++] = give ? u : v;
          buf[n++] = q;
        }
      }
    }
    if (n === 0) break;
    const a = 2 * Math.floor((rng.next() * n) / 2),
      b = 2 * Math.floor((rng.next() * n) / 2);
    const la = buf[a + 1] === UNASSIGNED ? Infinity : t.load[buf[a + 1]!]!;
    const lb = buf[b + 1] === UNASSIGNED ? Infinity : t.load[buf[b + 1]!]!;
    const k = over === la <= lb ? a : b;
    const m = buf[k]!,
      other = buf[k + 1]!;
    const to = over ? other : cur;
    if (!ds.canGive(m, to)) break;
    mv.push(ds, m, to);
    if (other === UNASSIGNED) break;
    const dev = (t.load[other]! - ideal) / ideal;
    if (over ? dev <= eps : dev >= -eps) break; // the neighbour absorbed it
    cur = other;
  }
  return mv.n > 0;
}

/** A random moved mahalla back to its post in force. @example handBackOne(ds, rng, mv) // true when one went back */
export function handBackOne(ds: DistrictSearch, rng: Rng, mv: Move): boolean {
  if (ds.moved === 0) return false;
  for (let tries = 0; tries < 8; tries++) {
    const m = ds.mahallas[Math.floor(rng.next() * ds.mahallas.length)]!;
    const was = ds.rules.inForce[m]!;
    if (ds.t.plan[m] !== was && was !== UNASSIGNED) {
      if (!ds.canGive(m, was)) return false;
      mv.push(ds, m, was);
      return true;
    }
  }
  return false;
}

/**
 * A random mahalla to the post of a random neighbour, or (swap) each of the two to the other's post.
 * @example border(ds, rng, mv, true) // true when a legal swap was made (both territories stay whole)
 */
export function border(ds: DistrictSearch, rng: Rng, mv: Move, swap: boolean): boolean {
  const { model, t, frozen, rules } = ds;
  const m = ds.mahallas[Math.floor(rng.next() * ds.mahallas.length)]!;
  const deg = model.adjStart[m + 1]! - model.adjStart[m]!;
  if (deg === 0) return false;
  const v = model.adj[model.adjStart[m]! + Math.floor(rng.next() * deg)]!;
  const p = t.plan[m]!,
    q = t.plan[v]!;
  if (model.district[v] !== ds.d || q === p || q === UNASSIGNED) return false;
  if (!swap) {
    if (!ds.canGive(m, q)) return false;
    mv.push(ds, m, q);
    return true;
  }
  if (p === UNASSIGNED || frozen[m] || frozen[v] || rules.locked[p] || rules.locked[q]) return false;
  mv.push(ds, m, q);
  mv.push(ds, v, p);
  if (ds.whole(p) && ds.whole(q)) return true;
  mv.undo(ds);
  return false;
}
