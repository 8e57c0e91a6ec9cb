// The hexagon view's data: incident counts and hot spots per H3 cell for the range at one resolution, fetched as
// packed columns (GET /api/hexagons/columns: nationally ≈ 1 MB of typed arrays instead of ≈ 2.5 MB of JSON to parse).
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import type { HexagonRows } from '../../server/shared/hexagon-columns.ts';
import { getQuery, ok } from './client.ts';
import { rangeQuery, type RangeArgs } from './range.ts';

const loadDecoder = () => import('../../server/shared/hexagon-columns.ts');

/** The answer as GET /api/hexagons gives it in JSON; the packed columns decode to the same. */
export type Hexagons = InferResponseType<Api['api']['hexagons']['$get'], 200>;

/**
 * GET /api/hexagons/columns for the range at resolution `res` (5–9), FDR-corrected unless `fdr` is false. A resolution
 * too fine for the extent comes back as an error naming the finest allowed; clamp with resolutionForZoom(zoom, maxResolution).
 * @example const { data } = useHexagons(useRange(), resolutionForZoom(zoom), true);
 */
export function useHexagons(range: RangeArgs | null, res: number, fdr: boolean) {
  const query = range
    ? { ...rangeQuery(range), res: String(res), fdr: fdr ? ('true' as const) : ('false' as const) }
    : null;
  return useQuery(
    getQuery(api.api.hexagons.columns.$path(), query, async (q, init) =>
      ok(await api.api.hexagons.columns.$get({ query: q }, init), async (r) => {
        // The decoder (with h3-js) comes with the first hexagons, not with the first screen's script (issue 15).
        const [{ unpackHexagons }, bytes] = await Promise.all([loadDecoder(), r.arrayBuffer()]);
        return unpackHexagons<Omit<Hexagons, keyof HexagonRows>>(bytes);
      }),
    ),
  );
}
