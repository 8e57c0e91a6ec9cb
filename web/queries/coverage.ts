// Data hooks of the coverage page: inspector workload, the territories as mahalla ids, one district's dissolved
// territory outlines, one inspector's card.
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type { Norms } from '../../server/contract/coverage.ts';
import { getQuery, idPath, ok } from './client.ts';
import type { RangeArgs } from './range.ts';

export type Coverage = InferResponseType<Api['api']['coverage']['$get'], 200>;
export type Outlines = InferResponseType<Api['api']['coverage']['outlines']['$get'], 200>;
export type TerritoryColumns = InferResponseType<Api['api']['coverage']['territories']['$get'], 200>;
export type InspectorCardData = InferResponseType<Api['api']['inspectors'][':id']['$get'], 200>;

/** Coverage is judged on every incident and application: only the period, district and norms apply. */
const normQuery = (n: Norms) => ({
  normResidents: String(n.normResidents),
  normIncidents: String(n.normIncidents),
  normDistanceKm: String(n.normDistanceKm),
});

export function useCoverage(a: RangeArgs | null, norms: Norms) {
  const query = a
    ? { from: a.from, to: a.to, ...(a.district ? { district: a.district } : {}), ...normQuery(norms) }
    : null;
  return useQuery(
    getQuery(api.api.coverage.$path(), query, async (q, init) =>
      ok(await api.api.coverage.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

/**
 * Every inspector's territory (of a district; every district when null) as the ids of its mahallas and a colour slot:
 * the map draws them from the mahalla tiles, and the plan form offers their inspectors. They do not depend on the
 * period.
 */
export function useTerritoryColumns(district: string | null) {
  return useQuery(
    getQuery(api.api.coverage.territories.$path(), district ? { district } : {}, async (query, init) =>
      ok(await api.api.coverage.territories.$get({ query }, init), (r) => r.json()),
    ),
  );
}

/**
 * Dissolved outlines of the territories in one district (null: none are fetched): one district's shapes, never the
 * whole country's.
 */
export function useOutlines(district: string | null) {
  return useQuery(
    getQuery(api.api.coverage.outlines.$path(), district ? { district } : null, async (query, init) =>
      ok(await api.api.coverage.outlines.$get({ query }, init), (r) => r.json()),
    ),
  );
}

export function useInspectorCard(id: number | null, a: RangeArgs | null, norms: Norms) {
  const query = id !== null && a ? { from: a.from, to: a.to, ...normQuery(norms) } : null;
  return useQuery(
    getQuery(idPath(api.api.inspectors[':id'], id ?? 0), query, async (q, init) =>
      ok(await api.api.inspectors[':id'].$get({ param: { id: String(id) }, query: q }, init), (r) => r.json()),
    ),
  );
}
