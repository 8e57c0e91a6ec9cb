// The editor's PlanState for one version: built when the model and the version arrive, restored from the local copy
// (plan, undo history, locks, pins) when there is one, written back after every change; a counter re-renders the page.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Norms } from '../../../server/contract/coverage.ts';
import { PlanState } from '../../../server/shared/planner/plan-state.ts';
import { UNASSIGNED, type DistrictModel, type Plan } from '../../../server/shared/planner/model.ts';
import { DEFAULT_WEIGHTS, workloadCosts } from '../../../server/shared/planner/workload.ts';
import type { PlannerModelJson, VersionDetail } from '../../queries/territories.ts';
import {
  buildEditorModel,
  dropLocal,
  fromLocal,
  localCopy,
  planFromAssignments,
  postSlots,
  readLocal,
  writeLocal,
} from './plan-model.ts';

export interface Editor {
  model: DistrictModel;
  state: PlanState;
  /** colour slot per post */
  slots: Uint8Array;
  /** the version counter the edits started from */
  base: number;
  /** changes on every stroke, undo, lock or pin: memoised views depend on it */
  tick: number;
  /** whether the plan differs from the version as saved */
  dirty: boolean;
  paint: (mahallas: number[], post: number) => void;
  undo: () => void;
  redo: () => void;
  lock: (post: number) => void;
  pin: (mahalla: number) => void;
  /** makes the plan equal to `plan`, one undoable stroke per post that gains mahallas */
  replace: (plan: Plan) => void;
  /** the version was saved: edits now start from `version` */
  saved: (version: number) => void;
  /** drops local edits and starts again from the version as saved */
  discard: () => void;
}

function build(json: PlannerModelJson, v: VersionDetail, norms: Norms, useLocal: boolean) {
  const model = buildEditorModel(json, v.posts);
  const saved = planFromAssignments(model, v.posts, v.assignments);
  const costs = workloadCosts(model, DEFAULT_WEIGHTS);
  const local = useLocal ? readLocal(v.id) : null;
  if (local) {
    try {
      const { plan, history } = fromLocal(model, local);
      const state = new PlanState(model, costs, plan, norms);
      state.restoreHistory(history);
      local.locked.forEach((p) => p < model.p && state.lock(p));
      local.pinned.forEach((id) => model.index.has(id) && state.pin(model.index.get(id)!));
      return { model, state, saved, base: local.version, slots: postSlots(model, saved) };
    } catch {
      // a copy that no longer fits the version (posts changed): start from the version as saved
    }
  }
  return {
    model,
    state: new PlanState(model, costs, saved, norms),
    saved,
    base: v.version,
    slots: postSlots(model, saved),
  };
}

const same = (a: Plan, b: Plan): boolean => a.every((p, k) => p === b[k]);

export function usePlanState(
  json: PlannerModelJson | undefined,
  v: VersionDetail | undefined,
  norms: Norms,
): Editor | null {
  const [tick, setTick] = useState(0);
  const [fresh, setFresh] = useState(0);
  const [base, setBase] = useState<number | null>(null);
  // Rebuilt only when another version (or model) is opened; a save's answer for the same version keeps the edits.
  const built = useMemo(
    () => (json && v && json.district === v.district ? build(json, v, norms, true) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [json, v?.id, fresh],
  );
  useEffect(() => setBase(null), [built]);
  useEffect(() => built?.state.setNorms(norms), [built, norms]);
  const keep = useCallback(
    (version?: number) => {
      if (!built) return;
      const { model, state } = built;
      writeLocal(
        v!.id,
        localCopy(model, state.plan, state.history(), version ?? base ?? built.base, state.locked, state.pinned),
      );
      setTick((t) => t + 1);
    },
    [built, base, v],
  );
  return useMemo(() => {
    if (!built || !v) return null;
    const { model, state } = built;
    const act = (f: () => void) => () => (f(), keep());
    return {
      model,
      state,
      slots: built.slots,
      base: base ?? built.base,
      tick,
      dirty: !same(state.plan, planFromAssignments(model, v.posts, v.assignments)),
      paint: (mahallas, post) => act(() => state.paint(mahallas, post))(),
      undo: act(() => state.undo()),
      redo: act(() => state.redo()),
      lock: (post) => act(() => state.lock(post, !state.locked[post]))(),
      pin: (m) => act(() => state.pin(m, !state.pinned[m]))(),
      replace: (plan) =>
        act(() => {
          const groups = new Map<number, number[]>();
          plan.forEach((p, m) => {
            if (state.plan[m] !== p) groups.set(p, [...(groups.get(p) ?? []), m]);
          });
          // Erasures first, then each post's gains: the same end plan whatever the order, one undo step per post.
          [...groups.entries()]
            .sort((a, b) => (a[0] === UNASSIGNED ? -1 : b[0] === UNASSIGNED ? 1 : a[0] - b[0]))
            .forEach(([p, ms]) => state.paint(ms, p));
        })(),
      saved: (version) => {
        setBase(version);
        keep(version);
      },
      discard: () => {
        dropLocal(v.id);
        setFresh((f) => f + 1);
      },
    };
  }, [built, v, tick, base, keep]);
}
