// Data hooks of the applications page: the flow breakdown and per-mahalla counts for the map.
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { ok, useQuery } from './use-query.ts';
import type { RangeArgs } from './index.ts';

export type ApplicationsFlow = InferResponseType<Api['api']['applications']['flow']['$get'], 200>;
export type ApplicationsByMahalla = InferResponseType<Api['api']['applications']['flow']['mahallas']['$get'], 200>;

const keyOf = (path: string, q: Record<string, string>): string => `applications/${path}?${new URLSearchParams(q).toString()}`;
const EMPTY = { from: '', to: '' };
/** Applications are filtered by period and place only (incident categories do not apply to them). */
const placeQuery = (a: RangeArgs) => ({ from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}) });

/** The flow for the district (or the whole database), or for one mahalla when `mahalla` is given. */
export function useApplicationsFlow(a: RangeArgs | null, mahalla: number | null) {
  const query = a ? { ...placeQuery(a), ...(mahalla !== null ? { mahalla: String(mahalla) } : {}) } : null;
  return useQuery(query ? keyOf('flow', query) : null, async (signal) =>
    ok(await api.api.applications.flow.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}

export function useApplicationsByMahalla(a: RangeArgs | null) {
  const query = a ? placeQuery(a) : null;
  return useQuery(query ? keyOf('mahallas', query) : null, async (signal) =>
    ok(await api.api.applications.flow.mahallas.$get({ query: query ?? EMPTY }, { init: { signal } }), (r) => r.json()),
  );
}
