// Kulldorff's scans for the hot-spot page: GET /api/hotspots/scan with the server's defaults (999 draws, circles of up
// to 10 % of the residents, high-rate clusters, emerging ones up to 4 weeks back), which the answer echoes in params.
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { getQuery, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

export type Scan = InferResponseType<Api['api']['hotspots']['scan']['$get'], 200>;
export type ScanCluster = Scan['clusters'][number];

/**
 * The scan's clusters for the range (the district only narrows which are returned): anywhere in the period, or
 * emerging in its last weeks; nothing is fetched while `range` is null (the scan layer is off).
 * @example const { data } = useScan(on ? useRange() : null, 'emerging');
 */
export function useScan(range: RangeArgs | null, kind: 'spatial' | 'emerging') {
  const query = range ? { ...rangeQuery(range), ...(kind === 'emerging' ? { kind } : {}) } : null;
  return useQuery(
    getQuery(api.api.hotspots.scan.$path(), query, async (q, init) =>
      ok(await api.api.hotspots.scan.$get({ query: q }, init), (r) => r.json()),
    ),
  );
}
