// Data hooks of the cooperation page: joint-action summary, map layer, matrix, gaps, before/after.
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { getQuery, ok } from './client.ts';
import type { RangeArgs } from './range.ts';

type Coop = Api['api']['cooperation'];
export type JointActionSummary = InferResponseType<Coop['summary']['$get'], 200>;
export type JointActionLayer = InferResponseType<Coop['mahallas']['$get'], 200>;
export type InspectorServiceMatrix = InferResponseType<Coop['matrix']['$get'], 200>;
export type CooperationGaps = InferResponseType<Coop['gaps']['$get'], 200>;
export type BeforeAfter = InferResponseType<Coop['before-after']['$get'], 200>;

/** Joint actions are filtered by period and district only (incident categories do not apply to them). */
const actionQuery = (a: RangeArgs) => ({ from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}) });
const incidentQuery = (a: RangeArgs) => ({
  ...actionQuery(a),
  categories: a.categories.join(','),
  statuses: a.statuses.join(','),
});
const coop = api.api.cooperation;

export function useJointActionSummary(a: RangeArgs | null) {
  return useQuery(
    getQuery(coop.summary.$path(), a && actionQuery(a), async (query, init) =>
      ok(await coop.summary.$get({ query }, init), (r) => r.json()),
    ),
  );
}

export function useJointActionLayer(a: RangeArgs | null) {
  return useQuery(
    getQuery(coop.mahallas.$path(), a && actionQuery(a), async (query, init) =>
      ok(await coop.mahallas.$get({ query }, init), (r) => r.json()),
    ),
  );
}

export function useInspectorServiceMatrix(a: RangeArgs | null) {
  return useQuery(
    getQuery(coop.matrix.$path(), a && actionQuery(a), async (query, init) =>
      ok(await coop.matrix.$get({ query }, init), (r) => r.json()),
    ),
  );
}

/** Hot spots of the range (same filters and FDR choice as the hot-spot map) without the needed service in `days`. */
export function useCooperationGaps(a: RangeArgs | null, fdr: boolean, days: number) {
  const query = a
    ? { ...incidentQuery(a), fdr: fdr ? ('true' as const) : ('false' as const), days: String(days) }
    : null;
  return useQuery(
    getQuery(coop.gaps.$path(), query, async (q, init) =>
      ok(await coop.gaps.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

export function useBeforeAfter(a: RangeArgs | null) {
  return useQuery(
    getQuery(coop['before-after'].$path(), a && incidentQuery(a), async (query, init) =>
      ok(await coop['before-after'].$get({ query }, init), (r) => r.json()),
    ),
  );
}
