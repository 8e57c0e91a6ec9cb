// Data hooks of the hot-spot map: per-mahalla figures, Gi* hot and cold spots, emerging trends, the weekly timeline,
// and a clicked mahalla's card.
// Every one narrows to the selection's district on the server (rangeQuery carries it).
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { getQuery, idPath, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

export type Metrics = InferResponseType<Api['api']['metrics']['$get'], 200>;
export type Hotspots = InferResponseType<Api['api']['hotspots']['$get'], 200>;
export type Emerging = InferResponseType<Api['api']['emerging']['$get'], 200>;
export type MahallaCardData = InferResponseType<Api['api']['mahallas'][':id']['$get'], 200>;

export function useMetrics(a: RangeArgs | null) {
  return useQuery(
    getQuery(api.api.metrics.$path(), a && rangeQuery(a), async (query, init) =>
      ok(await api.api.metrics.$get({ query }, init), (r) => r.json()),
    ),
  );
}

/** Gi* hot and cold spots for the range (FDR-corrected unless `fdr` is false). */
export function useHotspots(a: RangeArgs | null, fdr: boolean) {
  const query = a ? { ...rangeQuery(a), fdr: fdr ? ('true' as const) : ('false' as const) } : null;
  return useQuery(
    getQuery(api.api.hotspots.$path(), query, async (q, init) =>
      ok(await api.api.hotspots.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

/** Emerging hot spot classes over weekly bins of the range; with `mahalla`, also that mahalla's z-series. */
export function useEmerging(a: RangeArgs | null, mahalla?: number) {
  const query = a ? { ...rangeQuery(a), bin: 'week' as const, ...(mahalla ? { mahalla: String(mahalla) } : {}) } : null;
  return useQuery(
    getQuery(api.api.emerging.$path(), query, async (q, init) =>
      ok(await api.api.emerging.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

/** Weekly totals over the whole selection: the time slider's histogram and playback steps. */
export function useTimeline(a: RangeArgs | null) {
  return useQuery(
    getQuery(api.api.timeline.$path(), a && rangeQuery(a), async (query, init) =>
      ok(await api.api.timeline.$get({ query }, init), (r) => r.json()),
    ),
  );
}

export function useMahallaCard(id: number | null, a: RangeArgs | null) {
  const query = id !== null && a ? rangeQuery(a) : null;
  return useQuery(
    getQuery(idPath(api.api.mahallas[':id'], id ?? 0), query, async (q, init) =>
      ok(await api.api.mahallas[':id'].$get({ param: { id: String(id) }, query: q }, init), (r) => r.json()),
    ),
  );
}
