// Model cooperation plans: the list and one plan (reloadable after a change) and the changes, over the typed client.
import { useCallback, useEffect, useState } from 'react';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type { PlanCopyInput, PlanInput } from '../../server/contract/plans.ts';
import { ok } from './use-query.ts';

export type PlanSummary = InferResponseType<Api['api']['plans']['$get'], 200>[number];
export type PlanDetail = InferResponseType<Api['api']['plans'][':id']['$get'], 200>;

interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** Loads when `key` changes (it carries a version counter bumped after a change); keeps the last data meanwhile. */
function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: key !== null });
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ data, error: undefined, loading: false }),
      (err: unknown) => !ctrl.signal.aborted && setState((s) => ({ ...s, error: err instanceof Error ? err : new Error(String(err)), loading: false })),
    );
    return () => ctrl.abort();
    // `load` is recreated each render; the key fully identifies the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

/** A counter to put in keys: `bump()` after a create, update, copy or delete makes every plan query load afresh. */
export function usePlanVersion(): [number, () => void] {
  const [version, setVersion] = useState(0);
  return [version, useCallback(() => setVersion((v) => v + 1), [])];
}

export function usePlans(version: number) {
  return useLoad(`plans#${version}`, async (signal) => ok(await api.api.plans.$get(undefined, { init: { signal } }), (r) => r.json()));
}

export function usePlan(id: number | null, version: number) {
  return useLoad(id === null ? null : `plan/${id}#${version}`, async (signal) =>
    ok(await api.api.plans[':id'].$get({ param: { id: String(id) } }, { init: { signal } }), (r) => r.json()),
  );
}

export async function createPlan(input: PlanInput): Promise<PlanDetail> {
  return ok(await api.api.plans.$post({ json: input }), (r) => r.json());
}

export async function copyPlan(id: number, to: PlanCopyInput): Promise<PlanDetail> {
  return ok(await api.api.plans[':id'].copy.$post({ param: { id: String(id) }, json: to }), (r) => r.json());
}

export type DeleteResult = { deleted: true; archived: boolean } | { deleted: false; reason: string; recorded: number };

/** Deletes a plan; without `confirm`, a plan with recorded fulfilment is not deleted and the server's reason comes back. */
export async function deletePlan(id: number, confirm: boolean): Promise<DeleteResult> {
  const res = await api.api.plans[':id'].$delete({ param: { id: String(id) }, query: confirm ? { confirm: 'true' } : {} });
  if (res.status === 409) {
    const body = await res.json();
    return { deleted: false, reason: body.issues[0]?.reason ?? 'confirmation required', recorded: body.recorded };
  }
  const done = await ok(res, (r) => r.json());
  return { deleted: true, archived: 'archived' in done ? done.archived : false };
}
