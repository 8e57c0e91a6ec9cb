// Territory plan versions and the planner's district model: the list, one version, the comparison of two, and the
// changes (new draft, save, submit, approve) as mutations that refresh exactly what they change.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type {
  TerritoryApproveInput,
  TerritoryCreateInput,
  TerritoryReplaceInput,
} from '../../server/contract/territories.ts';
import { CHANGING, getQuery, idPath, ok } from './client.ts';

const t = api.api.territories;
const one = t.versions[':id'];
export type VersionSummary = InferResponseType<(typeof t.versions)['$get'], 200>['versions'][number];
export type VersionDetail = InferResponseType<(typeof one)['$get'], 200>;
export type TerritoryDiff = InferResponseType<(typeof t.diff)['$get'], 200>;
export type PlannerModelJson = InferResponseType<Api['api']['planner']['model']['$get'], 200>;

const listQuery = (district: string | null) => ({
  ...getQuery(t.versions.$path(), district ? { district } : null, async (query, init) =>
    ok(await t.versions.$get({ query }, init), (r) => r.json()),
  ),
  ...CHANGING,
});
const versionQuery = (id: number | null) => ({
  ...getQuery(idPath(one, id ?? 0), id === null ? null : {}, async (_q, init) =>
    ok(await one.$get({ param: { id: String(id) } }, init), (r) => r.json()),
  ),
  ...CHANGING,
});

/** The versions of a district (none asked while no district is chosen: the editor plans one district). */
export function useTerritoryVersions(district: string | null) {
  return useQuery(listQuery(district));
}

export function useTerritoryVersion(id: number | null) {
  return useQuery(versionQuery(id));
}

/** The district's model (workload inputs, borders, base points); it does not change while a server runs. */
export function usePlannerModel(district: string | null) {
  return useQuery(
    getQuery(api.api.planner.model.$path(), district ? { district } : null, async (query, init) =>
      ok(await api.api.planner.model.$get({ query }, init), (r) => r.json()),
    ),
  );
}

/** What changes from `before` to `after`; null = not asked. */
export function useTerritoryDiff(before: number | null, after: number | null) {
  const query = before !== null && after !== null ? { before: String(before), after: String(after) } : null;
  return useQuery({
    ...getQuery(t.diff.$path(), query, async (q, init) => ok(await t.diff.$get({ query: q }, init), (r) => r.json())),
    ...CHANGING,
  });
}

/** A version changed: its detail is what the server sent back; the list and any comparison are asked again. */
function written(client: QueryClient, v: VersionDetail): void {
  client.setQueryData(versionQuery(v.id).queryKey, v);
  void client.invalidateQueries({ queryKey: [t.versions.$path()] });
  void client.invalidateQueries({ queryKey: [t.diff.$path()] });
}

export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: TerritoryCreateInput) => ok(await t.versions.$post({ json: input }), (r) => r.json()),
    onSuccess: (v) => written(client, v),
  });
}

/** Saves a draft; a 409 (someone saved since) rejects with an ApiError naming who and when. */
export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: TerritoryReplaceInput }) =>
      ok(await one.$put({ param: { id: String(id) }, json: body }), (r) => r.json()),
    onSuccess: (v) => written(client, v),
  });
}

export function useSubmitVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: number; version: number }) =>
      ok(await one.submit.$post({ param: { id: String(id) }, json: { version } }), (r) => r.json()),
    onSuccess: (v) => written(client, v),
  });
}

export function useApproveVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: TerritoryApproveInput }) =>
      ok(await one.approve.$post({ param: { id: String(id) }, json: body }), (r) => r.json()),
    onSuccess: (v) => {
      written(client, v);
      // Every page follows the plan in force: coverage, outlines and cards are asked again.
      void client.invalidateQueries();
    },
  });
}

export type TerritoryAnnex = InferResponseType<(typeof one)['annex']['$get'], 200>;

/** The order's annex of a version (the print page's data: posts, their mahallas and figures); null = not asked. */
export function useTerritoryAnnex(id: number | null) {
  return useQuery({
    ...getQuery(idPath(one.annex, id ?? 0), id === null ? null : {}, async (_q, init) =>
      ok(await one.annex.$get({ param: { id: String(id) }, query: {} }, init), (r) => r.json()),
    ),
    ...CHANGING,
  });
}

/**
 * Where the annex downloads of a version are (CSV and XLSX, as the order's attachment); the XLSX says the names the
 * system wrote (the seeded version's) in `lang`, the screen's language.
 */
export const annexDownloads = (id: number, lang: string) => ({
  csv: `${idPath(one['annex.csv'], id)}?${new URLSearchParams({ lang }).toString()}`,
  xlsx: `${idPath(one['annex.xlsx'], id)}?${new URLSearchParams({ lang }).toString()}`,
});
