// Model cooperation plans: the list and one plan with its fulfilment, and the changes (create, edit, copy, delete) as
// mutations that refresh exactly what they change.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type { PlanCopyInput, PlanInput, PlanReplaceInput } from '../../server/contract/plans.ts';
import { CHANGING, getQuery, idPath, ok } from './client.ts';

export type PlanSummary = InferResponseType<Api['api']['plans']['$get'], 200>[number];
export type PlanDetail = InferResponseType<Api['api']['plans'][':id']['$get'], 200>;

const plan = api.api.plans[':id'];
const listQuery = {
  ...getQuery(api.api.plans.$path(), {}, async (_q, init) =>
    ok(await api.api.plans.$get(undefined, init), (r) => r.json()),
  ),
  ...CHANGING,
};
const planQuery = (id: number | null) => ({
  ...getQuery(idPath(plan, id ?? 0), id === null ? null : {}, async (_q, init) =>
    ok(await plan.$get({ param: { id: String(id) } }, init), (r) => r.json()),
  ),
  ...CHANGING,
});

/** Every plan with its totals, newest first. */
export function usePlans() {
  return useQuery(listQuery);
}

/** One plan with its fulfilment; null = none. */
export function usePlan(id: number | null) {
  return useQuery(planQuery(id));
}

/** The list is refetched in the background; the page keeps showing it (and a plan just written) meanwhile. */
const refreshList = (client: QueryClient): void =>
  void client.invalidateQueries({ queryKey: listQuery.queryKey, exact: true });

/** After a plan was written: the list changes, and the plan the server sent back is that plan's detail as it now is. */
function written(client: QueryClient, p: PlanDetail): void {
  client.setQueryData(planQuery(p.id).queryKey, p);
  refreshList(client);
}

export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: PlanInput) => ok(await api.api.plans.$post({ json: input }), (r) => r.json()),
    onSuccess: (p) => written(client, p),
  });
}

/**
 * Replaces a plan read at `version` (the edit form). A plan with recorded fulfilment needs `confirm` (its state is
 * archived first); a stale version or a missing confirmation is refused with 409 and reaches the caller as ApiError.
 */
export function useReplacePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input, confirm }: { id: number; input: PlanReplaceInput; confirm: boolean }) =>
      ok(await plan.$put({ param: { id: String(id) }, query: confirm ? { confirm: 'true' } : {}, json: input }), (r) =>
        r.json(),
      ),
    onSuccess: (p) => written(client, p),
  });
}

/** Copies a plan to another period; resolves with the new plan. */
export function useCopyPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, to }: { id: number; to: PlanCopyInput }) =>
      ok(await plan.copy.$post({ param: { id: String(id) }, json: to }), (r) => r.json()),
    onSuccess: (p) => written(client, p),
  });
}

export type DeleteResult = { deleted: true; archived: boolean } | { deleted: false; reason: string; recorded: number };

/**
 * Deletes a plan; without `confirm`, a plan with recorded fulfilment is not deleted and the server's reason comes
 * back. A deletion refreshes the list; the deleted plan's own entry is left to expire (refetching it would be a 404).
 */
export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, confirm }: { id: number; confirm: boolean }): Promise<DeleteResult> => {
      const res = await plan.$delete({ param: { id: String(id) }, query: confirm ? { confirm: 'true' } : {} });
      if (res.status === 409) {
        const body = await res.json();
        // A confirmation to give, or someone else changed the plan since it was read (then there is nothing to confirm).
        return {
          deleted: false,
          reason: body.issues[0]?.reason ?? 'confirmation required',
          recorded: body.error === 'confirmation_required' ? body.recorded : 0,
        };
      }
      const done = await ok(res, (r) => r.json());
      return { deleted: true, archived: 'archived' in done ? done.archived : false };
    },
    onSuccess: (r) => {
      if (r.deleted) refreshList(client);
    },
  });
}
