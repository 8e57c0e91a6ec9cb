// The records behind the figures: their locations for the heat map, one mahalla's paged list, and its CSV link.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { getQuery, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

/** Heat-map points as interleaved Float32 lon/lat, and how many records of the view have no point to draw. */
export function useRecordPoints(a: RangeArgs | null) {
  return useQuery(
    getQuery(api.api.records.points.$path(), a && rangeQuery(a), async (query, init) =>
      ok(await api.api.records.points.$get({ query }, init), async (r) => ({
        points: new Float32Array(await r.arrayBuffer()),
        withoutPoint: Number(r.headers.get('x-without-point') ?? 0),
      })),
    ),
  );
}

/** One page of the records behind a mahalla's numbers. */
export function useRecordList(a: RangeArgs | null, mahalla: number, page: number) {
  const query = a ? { ...rangeQuery(a), mahalla: String(mahalla), page: String(page), pageSize: '25' } : null;
  return useQuery(
    getQuery(api.api.records.$path(), query, async (q, init) =>
      ok(await api.api.records.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}

/** Link to the CSV of all records behind a mahalla's numbers (same filters), written in the screen's language. */
export function recordsCsvUrl(a: RangeArgs, mahalla: number, lang = 'en'): string {
  // A plain same-origin link (the browser downloads it); the route is /api/records.csv with the list's query.
  return `/api/records.csv?${new URLSearchParams({ ...rangeQuery(a), mahalla: String(mahalla), lang }).toString()}`;
}
