// The heat map's bins: records per H3 cell for the range (GET /api/records/heat, packed centres and weights).
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { unpack } from '../../server/shared/packed.ts';
import { getQuery, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

/**
 * Bins at H3 resolution `res` (3–8), only those centred in `bbox` (west,south,east,north; null: everywhere); nothing
 * while `a` or `res` is null.
 * @example const bins = useHeatBins(range, 5, null); bins.data?.columns.weight
 */
export function useHeatBins(a: RangeArgs | null, res: number | null, bbox: string | null) {
  return useQuery(
    getQuery(
      api.api.records.heat.$path(),
      a && res !== null ? { ...rangeQuery(a), res: String(res), ...(bbox === null ? {} : { bbox }) } : null,
      async (query, init) =>
        ok(await api.api.records.heat.$get({ query }, init), async (r) =>
          unpack<{ res: number; records: number; withoutPoint: number }>(await r.arrayBuffer()),
        ),
    ),
  );
}
