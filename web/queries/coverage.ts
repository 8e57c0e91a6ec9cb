// Data hooks of the coverage page: inspector workload, dissolved territory outlines, one inspector's card.
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type { Norms } from '../../server/contract/coverage.ts';
import { ok, useQuery } from './use-query.ts';
import type { RangeArgs } from './index.ts';

export type Coverage = InferResponseType<Api['api']['coverage']['$get'], 200>;
export type Outlines = InferResponseType<Api['api']['coverage']['outlines']['$get'], 200>;
export type InspectorCardData = InferResponseType<Api['api']['inspectors'][':id']['$get'], 200>;

const keyOf = (path: string, q: Record<string, string>): string => `coverage/${path}?${new URLSearchParams(q).toString()}`;
const EMPTY = { from: '', to: '' };

/** Coverage is judged on every incident and application: only the period, district and norms apply. */
const normQuery = (n: Norms) => ({ normResidents: String(n.normResidents), normIncidents: String(n.normIncidents), normDistanceKm: String(n.normDistanceKm) });

export function useCoverage(a: RangeArgs | null, norms: Norms) {
  const query = a ? { from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}), ...normQuery(norms) } : null;
  return useQuery(query ? keyOf('workload', query) : null, async (signal) =>
    ok(await api.api.coverage.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

/** Outlines of every inspector's territory (they do not depend on the period; the page filters by district). */
export function useOutlines() {
  return useQuery('coverage/outlines', async (signal) => ok(await api.api.coverage.outlines.$get({ query: {} }, { init: { signal } }), (r) => r.json()));
}

export function useInspectorCard(id: number | null, a: RangeArgs | null, norms: Norms) {
  const query = a ? { from: a.from, to: a.to, ...normQuery(norms) } : null;
  return useQuery(id !== null && query ? keyOf(`inspector/${id}`, query) : null, async (signal) =>
    ok(await api.api.inspectors[':id'].$get({ param: { id: String(id) }, query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}
