// Kulldorff's spatial scan for the hot-spot page: GET /api/hotspots/scan with the server's defaults (999 draws, circles
// of up to half the residents, high-rate clusters), which the answer echoes in its params.
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { getQuery, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

export type Scan = InferResponseType<Api['api']['hotspots']['scan']['$get'], 200>;
export type ScanCluster = Scan['clusters'][number];

/**
 * The scan's clusters for the range (the district only narrows which are returned); nothing is fetched while `range`
 * is null (the scan layer is off).
 * @example const { data } = useScan(on ? useRange() : null);
 */
export function useScan(range: RangeArgs | null) {
  return useQuery(
    getQuery(api.api.hotspots.scan.$path(), range && rangeQuery(range), async (query, init) =>
      ok(await api.api.hotspots.scan.$get({ query }, init), (r) => r.json()),
    ),
  );
}
