// The map's geography, which never changes while a server runs: mahalla polygons, region and district outlines, base
// points.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { FeatureCollection, Geometry } from 'geojson';
import { api, type Api } from '../api.ts';
import type { MahallaProps } from '../../server/contract/mahallas.ts';
import { getQuery, ok, staticQuery } from './client.ts';

export type Boundaries = InferResponseType<Api['api']['boundaries']['$get'], 200>;
// GeoJSON crosses JSON, which widens its types; the server built these from typed features.
export type Territories = FeatureCollection<Geometry, MahallaProps>;

/** `district` (one or more SOATO codes) narrows on the server; null = every district. */
const areaQuery = (district: string | null | undefined) => (district ? { district } : {});

export const boundariesQuery = staticQuery(api.api.boundaries.$path(), {}, async () =>
  ok(await api.api.boundaries.$get(), (r) => r.json()),
);

export function useBoundaries() {
  return useQuery(boundariesQuery);
}

/** Region names by SOATO code, from the outlines (empty until they arrive). */
export function useRegionNames(): ReadonlyMap<string, string> {
  const regions = useBoundaries().data?.regions;
  return useMemo(
    () => new Map((regions?.features ?? []).map((f) => [f.properties.soato, f.properties.name])),
    [regions],
  );
}

/** Mahalla polygons of a district, or of every district when `district` is null (pages that draw the city as context). */
export function mahallasQuery(district: string | null) {
  return staticQuery(api.api.mahallas.$path(), areaQuery(district), async (query) =>
    ok(await api.api.mahallas.$get({ query }), async (r) => (await r.json()) as Territories),
  );
}

export function useMahallas(district: string | null) {
  return useQuery(mahallasQuery(district));
}

/** Police base points of a district (every district when null). */
export function useBasePoints(district: string | null) {
  return useQuery(
    getQuery(api.api['base-points'].$path(), areaQuery(district), async (query, init) =>
      ok(await api.api['base-points'].$get({ query }, init), (r) => r.json()),
    ),
  );
}
