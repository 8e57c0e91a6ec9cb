// Undo history of the editor as deltas (which mahallas went from which post to which), checked before it is
// trusted and convertible to plain JSON with mahalla ids, so it can be kept across reloads.
import { UNASSIGNED, type DistrictModel, type Plan } from './model.ts';

/** One stroke: mahallas[k] went from post from[k] to post to[k] (indices; UNASSIGNED = no post). */
export interface Delta {
  mahallas: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** Strokes done (undo takes the last) and undone (redo takes the last), oldest first. */
export interface History {
  done: Delta[];
  undone: Delta[];
}

/** A delta as JSON: mahalla ids, post indices (null = unassigned). */
export interface DeltaJson {
  mahallas: number[];
  from: Array<number | null>;
  to: Array<number | null>;
}

const post = (p: number): number | null => (p === UNASSIGNED ? null : p);

/** @example deltaToJson(model, delta) // { mahallas: [1726294001], from: [0], to: [null] } */
export function deltaToJson(model: DistrictModel, d: Delta): DeltaJson {
  return {
    mahallas: Array.from(d.mahallas, (m) => model.ids[m]!),
    from: Array.from(d.from, post),
    to: Array.from(d.to, post),
  };
}

/** The delta of a JSON one; throws on an unknown mahalla or post or mismatched lengths. @example deltaFromJson(model, json).mahallas */
export function deltaFromJson(model: DistrictModel, j: DeltaJson): Delta {
  if (j.from.length !== j.mahallas.length || j.to.length !== j.mahallas.length)
    throw new Error('a delta needs one from and one to per mahalla');
  const index = (id: number): number => {
    const m = model.index.get(id);
    if (m === undefined) throw new Error(`mahalla ${id} is not in the model`);
    return m;
  };
  const toPost = (p: number | null): number => {
    if (p === null) return UNASSIGNED;
    if (!(Number.isInteger(p) && p >= 0 && p < model.p)) throw new Error(`no post ${p}`);
    return p;
  };
  return {
    mahallas: Int32Array.from(j.mahallas, index),
    from: Int32Array.from(j.from, toPost),
    to: Int32Array.from(j.to, toPost),
  };
}

/**
 * Throws unless the history leads to `plan`: undoing every done stroke from it, newest first, must find each stroke's
 * `to` in place, and redoing the undone ones from there each one's `from`. Changes nothing.
 * @example checkHistory(model, state.plan, state.history()) // passes
 */
export function checkHistory(model: DistrictModel, plan: Plan, h: History): void {
  const p = plan.slice();
  const walk = (d: Delta, expect: Int32Array, put: Int32Array, what: string): void => {
    if (d.from.length !== d.mahallas.length || d.to.length !== d.mahallas.length)
      throw new Error('a delta needs one from and one to per mahalla');
    d.mahallas.forEach((m, k) => {
      if (!(m >= 0 && m < model.n)) throw new Error(`no mahalla ${m}`);
      if (!(put[k]! >= UNASSIGNED && put[k]! < model.p)) throw new Error(`no post ${put[k]}`);
      if (p[m] !== expect[k])
        throw new Error(`history does not lead to this plan: ${what} expects mahalla ${model.ids[m]} elsewhere`);
      p[m] = put[k]!;
    });
  };
  for (let i = h.done.length - 1; i >= 0; i--) walk(h.done[i]!, h.done[i]!.to, h.done[i]!.from, `done stroke ${i + 1}`);
  for (let i = 0; i < h.done.length; i++) walk(h.done[i]!, h.done[i]!.from, h.done[i]!.to, `done stroke ${i + 1}`);
  for (let i = h.undone.length - 1; i >= 0; i--)
    walk(h.undone[i]!, h.undone[i]!.from, h.undone[i]!.to, `undone stroke ${i + 1}`);
}
