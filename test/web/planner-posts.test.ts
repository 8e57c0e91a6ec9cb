// Vacant posts in the editor's local copy: adding one keeps the plan, removing one leaves its mahallas unassigned and
// renumbers the later posts (plan and locks alike), inspectors' posts are not removed, and undo/redo walk back and
// forth through post edits without losing the strokes on either side.
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n/translate.ts';
import type { LocalCopy } from '../../web/views/planner/plan-model.ts';
import { postName } from '../../web/views/planner/PostList.tsx';
import {
  redoPostEdit,
  undoPostEdit,
  undoSteps,
  vacantPost,
  withPostAdded,
  withPostRemoved,
  type EditorPost,
} from '../../web/views/planner/post-edits.ts';

const post = (id: number, inspector: number | null): EditorPost => ({
  id,
  inspector,
  name: inspector === null ? null : `Inspector ${inspector}`,
  rank: null,
  label: inspector === null ? `Vacant post ${id}` : null,
  vacant: inspector === null,
});
// Posts: 0 = inspector 70, 1 = vacant 5, 2 = inspector 72. Mahallas 101–104.
const posts = [post(3, 70), post(5, null), post(4, 72)];
const stroke = { mahallas: [101], from: [0], to: [1] };
const copy: LocalCopy = {
  version: 2,
  plan: [
    [101, 1],
    [102, 0],
    [103, 2],
    [104, 1],
  ],
  done: [stroke],
  undone: [],
  locked: [2],
  pinned: [102],
};

describe('vacant posts in the editor', () => {
  it('numbers a new vacant post after the highest post number', () => {
    expect(vacantPost(posts)).toEqual(post(6, null));
    expect(vacantPost([])).toEqual(post(1, null));
  });

  it('adds a vacant post with an empty territory; the strokes before it are one undo away', () => {
    const next = withPostAdded(copy, posts);
    expect(next.posts).toEqual([...posts, post(6, null)]);
    expect(next.plan).toEqual(copy.plan);
    expect(next.done).toEqual([]);
    expect(undoSteps(next)).toBe(2); // the post edit, then the stroke before it
  });

  it('removes a vacant post: its mahallas unassigned, later posts and locks renumbered', () => {
    const next = withPostRemoved(copy, posts, 1);
    expect(next.posts).toEqual([posts[0], posts[2]]);
    expect(next.plan).toEqual([
      [102, 0],
      [103, 1],
    ]);
    expect(next.locked).toEqual([1]);
    expect(next.pinned).toEqual([102]);
  });

  it('does not remove a post an inspector holds', () => {
    expect(() => withPostRemoved(copy, posts, 0)).toThrow(/held by an inspector/);
    expect(() => withPostRemoved(copy, posts, 9)).toThrow(/no post 9/);
  });

  it('undoes and redoes post edits in order, keeping the strokes between them', () => {
    const added = withPostAdded(copy, posts);
    const painted = { ...added, plan: [...added.plan, [105, 3]] as Array<[number, number]>, done: [stroke] };
    const removed = withPostRemoved(painted, painted.posts!, 3);
    expect(undoSteps(removed)).toBe(4);
    const back1 = undoPostEdit(removed)!;
    expect(back1.posts).toHaveLength(4);
    expect(back1.plan).toContainEqual([105, 3]);
    expect(back1.done).toEqual([stroke]);
    // Past the stroke (undone by the plan's own history), then back over the addition.
    const back2 = undoPostEdit({ ...back1, done: [], undone: [stroke] })!;
    expect(back2.posts).toEqual(posts);
    expect(back2.plan).toEqual(copy.plan);
    expect(undoPostEdit(back2)).toBeNull();
    // Redo walks forward again: the addition, then (after the stroke) the removal.
    const fwd1 = redoPostEdit(back2)!;
    expect(fwd1.posts).toHaveLength(4);
    expect(fwd1.undone).toEqual([stroke]);
    const fwd2 = redoPostEdit({ ...fwd1, done: [stroke], undone: [] })!;
    expect(fwd2.posts).toHaveLength(3);
    expect(fwd2.plan).not.toContainEqual([105, 3]);
    expect(redoPostEdit(fwd2)).toBeNull();
  });

  it("names a new vacant post in the reader's language, and keeps a label someone typed", () => {
    const added = vacantPost(posts);
    expect(postName(added, 3, translator('ru'))).toBe('Вакантная должность 6');
    expect(postName(added, 3, translator('uz-Latn'))).toBe('6-boʻsh lavozim');
    // As the server sends a saved one: named after its label, or "Vacant post N" without one.
    expect(postName({ ...added, name: 'Vacant post 6' }, 3, translator('ru'))).toBe('Вакантная должность 6');
    expect(postName({ ...added, name: 'Vacant post 6', label: null }, 3, translator('ru'))).toBe(
      'Вакантная должность 6',
    );
    expect(postName({ ...added, label: 'Vacant post (Bog‘bon)' }, 3, translator('ru'))).toBe('Vacant post (Bog‘bon)');
    expect(postName(posts[0], 0, translator('ru'))).toBe('Inspector 70');
  });
});
