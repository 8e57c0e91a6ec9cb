// The hexagon view's data: incident counts and Gi* per H3 cell for the range at one resolution.
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { keyOf, rangeQuery, type RangeArgs } from './index.ts';
import { ok, useQuery } from './use-query.ts';

export type Hexagons = InferResponseType<Api['api']['hexagons']['$get'], 200>;

/**
 * GET /api/hexagons for the range at resolution `res` (5–9), FDR-corrected unless `fdr` is false. A resolution too fine
 * for the extent comes back as an error naming the finest allowed; clamp with resolutionForZoom(zoom, maxResolution).
 * @example const { data } = useHexagons(useRange(), resolutionForZoom(zoom), true);
 */
export function useHexagons(range: RangeArgs | null, res: number, fdr: boolean) {
  const query = range ? { ...rangeQuery(range), res: String(res), fdr: fdr ? ('true' as const) : ('false' as const) } : null;
  return useQuery(query ? keyOf('hexagons', query) : null, async (signal) =>
    ok(await api.api.hexagons.$get({ query: query ?? { from: '', to: '', res: '' } }, { init: { signal } }), (r) => r.json()),
  );
}
