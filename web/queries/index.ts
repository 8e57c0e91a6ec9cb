// Data hooks over the typed client; one per server resource. Keys are the request URLs.
import { api } from '../api.ts';
import { ok, useQuery } from './use-query.ts';


export interface RangeArgs {
  from: string;
  to: string;
  categories: readonly string[];
  statuses: readonly string[];
  district?: string | null;
  compare?: 'previous' | 'year';
  /** incidents (default) or applications, with the applications' own filters */
  source?: 'incidents' | 'applications';
  registries?: readonly string[];
  receivers?: readonly string[];
}

export const rangeQuery = (a: RangeArgs) => ({
  from: a.from,
  to: a.to,
  categories: a.categories.join(','),
  statuses: a.statuses.join(','),
  ...(a.district ? { district: a.district } : {}),
  ...(a.compare === 'year' ? { compare: 'year' as const } : {}),
  // Application filters travel only when applications are counted, so incident queries keep their cache keys.
  ...(a.source === 'applications'
    ? { source: 'applications' as const, registries: (a.registries ?? []).join(','), receivers: (a.receivers ?? []).join(',') }
    : {}),
});

export const keyOf = (path: string, q: Record<string, string>): string => `${path}?${new URLSearchParams(q).toString()}`;

export function useMeta() {
  return useQuery('meta', async (signal) => ok(await api.api.meta.$get(undefined, { init: { signal } }), (r) => r.json()));
}

export function useBoundaries() {
  return useQuery('boundaries', async (signal) => ok(await api.api.boundaries.$get(undefined, { init: { signal } }), (r) => r.json()));
}

export function useMahallas() {
  return useQuery('territories', async (signal) => ok(await api.api.mahallas.$get({ query: {} }, { init: { signal } }), (r) => r.json()));
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
export function useRecordPoints(a: RangeArgs | null) {
  const query = a ? rangeQuery(a) : null;
  return useQuery(query ? keyOf('points', query) : null, async (signal) =>
    ok(await api.api.records.points.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), async (r) => new Float32Array(await r.arrayBuffer())),
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

/** One page of the incidents behind a mahalla's numbers. */
export function useRecordList(a: RangeArgs | null, mahalla: number, page: number) {
  const query = a ? { ...rangeQuery(a), mahalla: String(mahalla), page: String(page), pageSize: '25' } : null;
  return useQuery(query ? keyOf('incidents', query) : null, async (signal) =>
    ok(await api.api.records.$get({ query: query ?? { from: '', to: '', mahalla: '' } }, { init: { signal } }), (r) => r.json()),
  );
}

/** Link to the CSV of all incidents behind a mahalla's numbers (same filters). */
export function recordsCsvUrl(a: RangeArgs, mahalla: number): string {
  // A plain same-origin link (the browser downloads it); the route is /api/records.csv with the list's query.
  return `/api/records.csv?${new URLSearchParams({ ...rangeQuery(a), mahalla: String(mahalla) }).toString()}`;
}

/** Weekly totals over the whole selection: the time slider's histogram and playback steps. */
export function useTimeline(a: RangeArgs | null) {
  const query = a ? rangeQuery(a) : null;
  return useQuery(query ? keyOf('timeline', query) : null, async (signal) =>
    ok(await api.api.timeline.$get({ query: query ?? { from: '', to: '' } }, { init: { signal } }), (r) => r.json()),
  );
}
