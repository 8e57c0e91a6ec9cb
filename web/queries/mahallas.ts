// The map's geography, which never changes while a server runs: mahalla polygons, region and district outlines, base
// points.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { api, type Api } from '../api.ts';
import type { MahallaProps } from '../../server/contract/mahallas.ts';
import { unpack } from '../../server/shared/packed.ts';
import type { MahallaIndexMeta } from '../../server/contract/tiles.ts';
import { getQuery, ok, staticQuery } from './client.ts';
import { useMeta } from './meta.ts';

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

/**
 * Region names by SOATO code, from /api/meta (empty until it arrives): it names the region of a city database too,
 * which has no region outline.
 */
export function useRegionNames(): ReadonlyMap<string, string> {
  const regions = useMeta().data?.regions;
  return useMemo(() => new Map((regions ?? []).map((r) => [r.soato, r.name])), [regions]);
}

/** Mahalla polygons of a district, or of every district when `district` is null (pages that draw the city as context). */
export function mahallasQuery(district: string | null) {
  return staticQuery(api.api.mahallas.$path(), areaQuery(district), async (query) =>
    ok(await api.api.mahallas.$get({ query }), async (r) => (await r.json()) as Territories),
  );
}

/** `enabled` false: nothing is fetched (a page that has no district to draw yet). */
export function useMahallas(district: string | null, enabled = true) {
  return useQuery({ ...mahallasQuery(district), enabled });
}

/** Police base points of a district (every district when null). */
export function useBasePoints(district: string | null) {
  return useQuery(
    getQuery(api.api['base-points'].$path(), areaQuery(district), async (query, init) =>
      ok(await api.api['base-points'].$get({ query }, init), (r) => r.json()),
    ),
  );
}

/** What the index knows of a mahalla (the national map draws the shapes from tiles, web/map/mahalla-tiles.ts). */
export interface IndexProps {
  id: number;
  name: string;
  districtSoato: string;
  districtName: string;
}
/** Every mahalla as its centroid (a Point feature, `bbox` its box): names, labels, lists and fly-to, no polygons. */
export type MahallaIndex = FeatureCollection<Point, IndexProps>;

/**
 * The packed index (GET /api/tiles/mahalla-index) as point features.
 * @example mahallaIndexOf(await res.arrayBuffer()).features[0] // { id: 1, geometry: { type: 'Point', … }, bbox, … }
 */
export function mahallaIndexOf(buf: ArrayBuffer): MahallaIndex {
  const { meta, columns } = unpack<MahallaIndexMeta>(buf);
  const { id, district, centroid, bbox } = columns as Record<'id' | 'district' | 'centroid' | 'bbox', Float32Array>;
  const features: Array<Feature<Point, IndexProps>> = Array.from(id, (mid, i) => {
    const d = meta.districts[district[i]!]!;
    return {
      type: 'Feature',
      id: mid,
      bbox: [bbox[4 * i]!, bbox[4 * i + 1]!, bbox[4 * i + 2]!, bbox[4 * i + 3]!],
      geometry: { type: 'Point', coordinates: [centroid[2 * i]!, centroid[2 * i + 1]!] },
      properties: { id: mid, name: meta.names[i] ?? '', districtSoato: d.soato, districtName: d.name },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Every mahalla's id, name, district, centroid and box, fetched once (the shapes come as tiles). */
export const mahallaIndexQuery = staticQuery('/api/tiles/mahalla-index', {}, async () =>
  ok(await api.api.tiles['mahalla-index'].$get(), async (r) => mahallaIndexOf(await r.arrayBuffer())),
);

export function useMahallaIndex() {
  return useQuery(mahallaIndexQuery);
}

/** The tiles' TileJSON (their URL template, with the boundaries' fingerprint, and zooms). */
export type TileJson = InferResponseType<Api['api']['tiles']['mahallas.json']['$get'], 200>;

/**
 * The TileJSON, asked with the page's first data rather than by MapLibre once the map is made: MapLibre reads its
 * answer only between frames, which in software GL left ≈ 1–1.8 s between the map's style and the first tile request
 * on the national first screen (issue 15). The map gets the tile URLs inline (web/map/mahalla-tiles.ts).
 */
export const tileJsonQuery = staticQuery('/api/tiles/mahallas.json', {}, async () =>
  ok(await api.api.tiles['mahallas.json'].$get(), (r) => r.json()),
);

export function useTileJson() {
  return useQuery(tileJsonQuery);
}
