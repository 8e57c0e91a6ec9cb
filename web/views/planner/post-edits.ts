// Adding and removing vacant posts in the editor, as pure functions over the local copy of a version's edits. A post
// edit changes the model (post numbers shift), so instead of a plan delta it keeps the whole copy from before it
// (`prior`): undo goes back to that copy, redo forward to the one it left (`ahead`). A removed post's mahallas become
// unassigned, to be painted or proposed again.
import { UNASSIGNED } from '../../../server/shared/planner/model.ts';
import type { VersionDetail } from '../../queries/territories.ts';
import type { LocalCopy } from './plan-model.ts';

export type EditorPost = VersionDetail['posts'][number];

/** The label the editor stores for a new vacant post (language-neutral data: each reader is told it in their words). */
export const vacantLabel = (id: number): string => `Vacant post ${id}`;

/**
 * A new vacant post after `posts`: the next free post number, labelled so it can be told apart on the map.
 * @example vacantPost([{ id: 3, … }]) // { id: 4, inspector: null, label: 'Vacant post 4', vacant: true, … }
 */
export function vacantPost(posts: readonly EditorPost[]): EditorPost {
  const id = posts.reduce((m, p) => Math.max(m, p.id), 0) + 1;
  return { id, inspector: null, name: null, rank: null, label: vacantLabel(id), vacant: true };
}

/**
 * The copy with one more vacant post (an empty territory); undo goes back to `c`.
 * @example withPostAdded(copy, posts).posts.length // posts.length + 1
 */
export function withPostAdded(c: LocalCopy, posts: readonly EditorPost[]): LocalCopy {
  return {
    ...c,
    posts: [...posts, vacantPost(posts)],
    undone: [],
    done: [],
    prior: { ...c, posts: [...posts], undone: [], ahead: undefined },
    ahead: undefined,
  };
}

/**
 * The copy without post number `k` (an index into `posts`): its mahallas unassigned, later posts one place down,
 * locks kept with their posts; undo goes back to `c`. Throws for a post held by an inspector (people are not
 * removed from a plan here: their post is vacated in the staff register).
 * @example withPostRemoved(copy, posts, 2).plan // the pairs of post 2 gone, those of posts 3… renumbered
 */
export function withPostRemoved(c: LocalCopy, posts: readonly EditorPost[], k: number): LocalCopy {
  const post = posts[k];
  if (!post) throw new RangeError(`no post ${k}`);
  if (!post.vacant) throw new RangeError(`post ${post.id} is held by an inspector: only vacant posts are removed`);
  const shift = (p: number): number => (p > k ? p - 1 : p);
  return {
    ...c,
    posts: posts.filter((_, i) => i !== k),
    plan: c.plan.filter(([, p]) => p !== k && p !== UNASSIGNED).map(([m, p]) => [m, shift(p)]),
    locked: c.locked.filter((p) => p !== k).map(shift),
    done: [],
    undone: [],
    prior: { ...c, posts: [...posts], undone: [], ahead: undefined },
    ahead: undefined,
  };
}

/** The copy before the last post edit, which can then be redone; null when there is none. */
export function undoPostEdit(c: LocalCopy): LocalCopy | null {
  return c.prior ? { ...c.prior, ahead: { ...c, prior: undefined } } : null;
}

/** The copy a post edit undone had led to, which can then be undone again; null when there is none. */
export function redoPostEdit(c: LocalCopy): LocalCopy | null {
  return c.ahead ? { ...c.ahead, prior: { ...c, ahead: undefined } } : null;
}

/**
 * Steps that undo can take back: the strokes since the last post edit, plus every earlier stroke and post edit.
 * @example undoSteps({ done: [d1], prior: { done: [d0] } }) // 3 (d1, the post edit, d0)
 */
export function undoSteps(c: { done: ArrayLike<unknown>; prior?: LocalCopy }): number {
  return c.done.length + (c.prior ? 1 + undoSteps(c.prior) : 0);
}
