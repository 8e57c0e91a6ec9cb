// The editor's PlanState for one version: built when the model and the version arrive, restored from the local copy
// (posts, plan, undo history, locks, pins) when there is one, written back after every change; a counter re-renders
// the page. A post edit (a vacant post added or removed) changes the model, so it writes a new local copy that keeps
// the old one for undo, and the state is built again from it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Norms } from '../../../server/contract/coverage.ts';
import { PlanState } from '../../../server/shared/planner/plan-state.ts';
import { UNASSIGNED, type DistrictModel, type Plan } from '../../../server/shared/planner/model.ts';
import { workloadCosts, type WorkloadWeights } from '../../../server/shared/planner/workload.ts';
import type { PlannerModelJson, VersionDetail } from '../../queries/territories.ts';
import {
  buildEditorModel,
  dropLocal,
  fromLocal,
  localCopy,
  planFromAssignments,
  postSlots,
  readLocal,
  saveBody,
  writeLocal,
  type LocalCopy,
} from './plan-model.ts';
import {
  redoPostEdit,
  undoPostEdit,
  undoSteps,
  withPostAdded,
  withPostRemoved,
  type EditorPost,
} from './post-edits.ts';

export interface Editor {
  model: DistrictModel;
  state: PlanState;
  /** the posts as edited: the version's, with vacant posts added or removed */
  posts: EditorPost[];
  /** colour slot per post */
  slots: Uint8Array;
  /** the version counter the edits started from */
  base: number;
  /** changes on every stroke, undo, lock or pin: memoised views depend on it */
  tick: number;
  /** whether the plan or its posts differ from the version as saved */
  dirty: boolean;
  /** steps undo and redo can take (strokes and post edits) */
  steps: { back: number; forward: number };
  paint: (mahallas: number[], post: number) => void;
  undo: () => void;
  redo: () => void;
  lock: (post: number) => void;
  pin: (mahalla: number) => void;
  addPost: () => void;
  /** removes a vacant post; its mahallas become unassigned (undoable) */
  removePost: (post: number) => void;
  /** makes the plan equal to `plan`, one undoable stroke per post that gains mahallas */
  replace: (plan: Plan) => void;
  /** the version was saved: edits now start from `version` */
  saved: (version: number) => void;
  /** drops local edits and starts again from the version as saved */
  discard: () => void;
}

interface Built {
  model: DistrictModel;
  state: PlanState;
  posts: EditorPost[];
  base: number;
  slots: Uint8Array;
  prior?: LocalCopy;
  ahead?: LocalCopy;
}

function fresh(json: PlannerModelJson, v: VersionDetail, norms: Norms, weights: WorkloadWeights): Built {
  const model = buildEditorModel(json, v.posts);
  const saved = planFromAssignments(model, v.posts, v.assignments);
  const state = new PlanState(model, workloadCosts(model, weights), saved, norms);
  return { model, state, posts: v.posts, base: v.version, slots: postSlots(model, saved) };
}

function build(json: PlannerModelJson, v: VersionDetail, norms: Norms, weights: WorkloadWeights): Built {
  const local = readLocal(v.id);
  if (!local) return fresh(json, v, norms, weights);
  try {
    const posts = local.posts ?? v.posts;
    const model = buildEditorModel(json, posts);
    const { plan, history } = fromLocal(model, local);
    const state = new PlanState(model, workloadCosts(model, weights), plan, norms);
    state.restoreHistory(history);
    local.locked.forEach((p) => p < model.p && state.lock(p));
    local.pinned.forEach((id) => model.index.has(id) && state.pin(model.index.get(id)!));
    const saved = planFromAssignments(model, posts, v.assignments);
    return { model, state, posts, base: local.version, slots: postSlots(model, saved), ...links(local) };
  } catch {
    // a copy that no longer fits the version (its mahallas changed): start from the version as saved
    return fresh(json, v, norms, weights);
  }
}

const links = (c: LocalCopy): Pick<Built, 'prior' | 'ahead'> => ({ prior: c.prior, ahead: c.ahead });

/** Posts and assignments in one comparable string: the content a save would write. */
function content(posts: readonly EditorPost[], pairs: ReadonlyArray<{ mahalla: number; post: number }>): string {
  const sorted = [...pairs].sort((a, b) => a.mahalla - b.mahalla).map((a) => [a.mahalla, a.post]);
  return JSON.stringify([posts.map((p) => [p.id, p.inspector]), sorted]);
}

/** Makes the plan equal to `plan`: erasures first, then each post's gains, one undo step per post. */
function replacePlan(state: PlanState, plan: Plan): void {
  const groups = new Map<number, number[]>();
  plan.forEach((p, m) => {
    if (state.plan[m] !== p) groups.set(p, [...(groups.get(p) ?? []), m]);
  });
  [...groups.entries()]
    .sort((a, b) => (a[0] === UNASSIGNED ? -1 : b[0] === UNASSIGNED ? 1 : a[0] - b[0]))
    .forEach(([p, ms]) => state.paint(ms, p));
}

export function usePlanState(
  json: PlannerModelJson | undefined,
  v: VersionDetail | undefined,
  norms: Norms,
  weights: WorkloadWeights,
): Editor | null {
  const [tick, setTick] = useState(0);
  const [again, setAgain] = useState(0);
  const [base, setBase] = useState<number | null>(null);
  // Rebuilt only when another version (or model) is opened or a post edit wrote a new copy; a save's answer for the
  // same version keeps the edits.
  const built = useMemo(
    () => (json && v && json.district === v.district ? build(json, v, norms, weights) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [json, v?.id, again],
  );
  useEffect(() => setBase(null), [built]);
  useEffect(() => built?.state.setNorms(norms), [built, norms]);
  useEffect(() => {
    // New weights: every workload is summed again (the plan and its history stay).
    if (!built) return;
    built.state.reweigh(workloadCosts(built.model, weights));
    setTick((t) => t + 1);
  }, [built, weights]);
  const copy = useCallback(
    (version?: number): LocalCopy | null => {
      if (!built) return null;
      const { model, state, posts, prior, ahead } = built;
      const c = localCopy(
        model,
        state.plan,
        state.history(),
        version ?? base ?? built.base,
        state.locked,
        state.pinned,
      );
      return { ...c, posts, prior, ahead };
    },
    [built, base],
  );
  const keep = useCallback(
    (version?: number) => {
      const c = copy(version);
      if (c && v) writeLocal(v.id, c);
      setTick((t) => t + 1);
    },
    [copy, v],
  );
  /** Writes `next` as the local copy and builds the editor again from it. */
  const jump = useCallback(
    (next: LocalCopy | null) => {
      if (!next || !v) return;
      writeLocal(v.id, next);
      setAgain((a) => a + 1);
    },
    [v],
  );
  return useMemo(() => {
    if (!built || !v) return null;
    const { model, state, posts } = built;
    const act = (f: () => void) => () => (f(), keep());
    const stroke = (f: () => void) => act(() => (f(), (built.ahead = undefined)));
    const h = state.history();
    return {
      model,
      state,
      posts,
      slots: built.slots,
      base: base ?? built.base,
      tick,
      dirty:
        content(posts, saveBody(model, { ...v, posts }, state.plan, 0).assignments) !==
        content(
          v.posts,
          v.assignments.filter((a) => model.index.has(a.mahalla) && v.posts.some((p) => p.id === a.post)),
        ),
      steps: {
        back: undoSteps({ done: h.done, prior: built.prior }),
        forward: h.undone.length + (built.ahead ? 1 : 0),
      },
      paint: (mahallas, post) => stroke(() => state.paint(mahallas, post))(),
      // The history is read at the call, not at render: two quick Ctrl+Z must not both see the same stroke.
      undo: () => (state.history().done.length > 0 ? act(() => state.undo())() : jump(undoPostEdit(copy()!))),
      redo: () => (state.history().undone.length > 0 ? act(() => state.redo())() : jump(redoPostEdit(copy()!))),
      lock: (post) => act(() => state.lock(post, !state.locked[post]))(),
      pin: (m) => act(() => state.pin(m, !state.pinned[m]))(),
      addPost: () => jump(withPostAdded(copy()!, posts)),
      removePost: (post) => jump(withPostRemoved(copy()!, posts, post)),
      replace: (plan) => stroke(() => replacePlan(state, plan))(),
      saved: (version) => {
        setBase(version);
        keep(version);
      },
      discard: () => {
        dropLocal(v.id);
        setAgain((a) => a + 1);
      },
    };
  }, [built, v, tick, base, keep, copy, jump]);
}
