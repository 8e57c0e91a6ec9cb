// Data hooks of the applications page: the flow breakdown and per-mahalla counts for the map.
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { getQuery, ok } from './client.ts';
import type { RangeArgs } from './range.ts';

export type ApplicationsFlow = InferResponseType<Api['api']['applications']['flow']['$get'], 200>;
export type ApplicationsByMahalla = InferResponseType<Api['api']['applications']['flow']['mahallas']['$get'], 200>;

/** Applications are filtered by period and place only (incident categories do not apply to them). */
const placeQuery = (a: RangeArgs) => ({ from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}) });

/** The flow for the district (or the whole database), or for one mahalla when `mahalla` is given. */
export function useApplicationsFlow(a: RangeArgs | null, mahalla: number | null) {
  const query = a ? { ...placeQuery(a), ...(mahalla !== null ? { mahalla: String(mahalla) } : {}) } : null;
  return useQuery(
    getQuery(api.api.applications.flow.$path(), query, async (q, init) =>
      ok(await api.api.applications.flow.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

export function useApplicationsByMahalla(a: RangeArgs | null) {
  return useQuery(
    getQuery(api.api.applications.flow.mahallas.$path(), a && placeQuery(a), async (query, init) =>
      ok(await api.api.applications.flow.mahallas.$get({ query }, init), (r) => r.json()),
    ),
  );
}
