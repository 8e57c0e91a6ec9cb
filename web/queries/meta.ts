// What the server says about its data: scale, data period, districts, counts, bbox, provenance (GET /api/meta).
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Api } from '../api.ts';
import { ok, staticQuery } from './client.ts';

export type Meta = InferResponseType<Api['api']['meta']['$get'], 200>;

/** Fetched once per page load, however many components (and wall-screen refreshes) ask. */
export const metaQuery = staticQuery(api.api.meta.$path(), {}, async () =>
  ok(await api.api.meta.$get(), (r) => r.json()),
);

export function useMeta() {
  return useQuery(metaQuery);
}
