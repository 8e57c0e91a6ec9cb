// Data hooks over the typed client; one per server resource. Keys are the request URLs.
import { api } from '../api.ts';
import { ok, useQuery } from './use-query.ts';


export interface RangeArgs {
  from: string;
  to: string;
  categories: readonly string[];
  statuses: readonly string[];
  district?: string | null;
}

const rangeQuery = (a: RangeArgs) => ({
  from: a.from,
  to: a.to,
  categories: a.categories.join(','),
  statuses: a.statuses.join(','),
  ...(a.district ? { district: a.district } : {}),
});

const keyOf = (path: string, q: Record<string, string>): string => `${path}?${new URLSearchParams(q).toString()}`;

export function useMeta() {
  return useQuery('meta', async (signal) => ok(await api.api.meta.$get(undefined, { init: { signal } }), (r) => r.json()));
}

export function useBoundaries() {
  return useQuery('boundaries', async (signal) => ok(await api.api.boundaries.$get(undefined, { init: { signal } }), (r) => r.json()));
}

export function useTerritories() {
  return useQuery('territories', async (signal) => ok(await api.api.territories.$get({ query: {} }, { init: { signal } }), (r) => r.json()));
}

export function useBasePoints() {
  return useQuery('base-points', async (signal) => ok(await api.api['base-points'].$get({ query: {} }, { init: { signal } }), (r) => r.json()));
}

export function useMetrics(a: RangeArgs | null) {
  const query = a ? rangeQuery(a) : null;
  return useQuery(query ? keyOf('metrics', query) : null, async (signal) =>
    ok(await api.api.metrics.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), (r) => r.json()),
  );
}

/** Heat-map points as interleaved Float32 lon/lat. */
export function useIncidentPoints(a: RangeArgs | null) {
  const query = a ? rangeQuery(a) : null;
  return useQuery(query ? keyOf('points', query) : null, async (signal) =>
    ok(await api.api.incidents.points.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), async (r) => new Float32Array(await r.arrayBuffer())),
  );
}

export function useMahallaCard(id: number | null, a: RangeArgs | null) {
  const query = a ? rangeQuery(a) : null;
  return useQuery(id !== null && query ? keyOf(`mahalla/${id}`, query) : null, async (signal) =>
    ok(await api.api.mahallas[':id'].$get({ param: { id: String(id) }, query: query ?? { from: '', to: '' } }, { init: { signal } }), (r) => r.json()),
  );
}

/** Gi* hot and cold spots for the range (FDR-corrected unless `fdr` is false). */
export function useHotspots(a: RangeArgs | null, fdr: boolean) {
  const query = a ? { ...rangeQuery(a), fdr: fdr ? ('true' as const) : ('false' as const) } : null;
  return useQuery(query ? keyOf('hotspots', query) : null, async (signal) =>
    ok(await api.api.hotspots.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), (r) => r.json()),
  );
}

/** Emerging hot spot classes over weekly bins of the range; with `mahalla`, also that mahalla's z-series. */
export function useEmerging(a: RangeArgs | null, mahalla?: number) {
  const query = a ? { ...rangeQuery(a), bin: 'week' as const, ...(mahalla ? { mahalla: String(mahalla) } : {}) } : null;
  return useQuery(query ? keyOf('emerging', query) : null, async (signal) =>
    ok(await api.api.emerging.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), (r) => r.json()),
  );
}
