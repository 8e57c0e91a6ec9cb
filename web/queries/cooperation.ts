// Data hooks of the cooperation page: joint-action summary, map layer, matrix, gaps, before/after. Keys are the URLs.
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { ok, useQuery } from './use-query.ts';
import type { RangeArgs } from './index.ts';

type Coop = Api['api']['cooperation'];
export type JointActionSummary = InferResponseType<Coop['summary']['$get'], 200>;
export type JointActionLayer = InferResponseType<Coop['mahallas']['$get'], 200>;
export type InspectorServiceMatrix = InferResponseType<Coop['matrix']['$get'], 200>;
export type CooperationGaps = InferResponseType<Coop['gaps']['$get'], 200>;
export type BeforeAfter = InferResponseType<Coop['before-after']['$get'], 200>;

const keyOf = (path: string, q: Record<string, string>): string => `cooperation/${path}?${new URLSearchParams(q).toString()}`;

/** Joint actions are filtered by period and district only (incident categories do not apply to them). */
const actionQuery = (a: RangeArgs) => ({ from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}) });
const incidentQuery = (a: RangeArgs) => ({ ...actionQuery(a), categories: a.categories.join(','), statuses: a.statuses.join(',') });
const EMPTY = { from: '', to: '' };

export function useJointActionSummary(a: RangeArgs | null) {
  const query = a ? actionQuery(a) : null;
  return useQuery(query ? keyOf('summary', query) : null, async (signal) =>
    ok(await api.api.cooperation.summary.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

export function useJointActionLayer(a: RangeArgs | null) {
  const query = a ? actionQuery(a) : null;
  return useQuery(query ? keyOf('mahallas', query) : null, async (signal) =>
    ok(await api.api.cooperation.mahallas.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

export function useInspectorServiceMatrix(a: RangeArgs | null) {
  const query = a ? actionQuery(a) : null;
  return useQuery(query ? keyOf('matrix', query) : null, async (signal) =>
    ok(await api.api.cooperation.matrix.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

/** Hot spots of the range (same filters and FDR choice as the hot-spot map) without the needed service in `days`. */
export function useCooperationGaps(a: RangeArgs | null, fdr: boolean, days: number) {
  const query = a ? { ...incidentQuery(a), fdr: fdr ? ('true' as const) : ('false' as const), days: String(days) } : null;
  return useQuery(query ? keyOf('gaps', query) : null, async (signal) =>
    ok(await api.api.cooperation.gaps.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

export function useBeforeAfter(a: RangeArgs | null) {
  const query = a ? incidentQuery(a) : null;
  return useQuery(query ? keyOf('before-after', query) : null, async (signal) =>
    ok(await api.api.cooperation['before-after'].$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}
