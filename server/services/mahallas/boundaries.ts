// The real region and district outlines (the map draws them from the tiles, server/geo/borders.ts; these serve the
// names, boxes and lists), one label point per district and per region, and the police base points: the static layers
// drawn with the mahallas.
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { keptPerDb } from '../../db/kept.ts';
import { perDb } from '../../db/per-db.ts';
import type { BoundaryProps } from '../../contract/mahallas.ts';
import { labelPoint } from '../../shared/label-point.ts';
import { feature } from './mahallas.ts';
import { districtSql } from '../../selection/area.ts';

/** Region and district outlines, and the basemap's label points. */
export async function getBoundaries(db: Db): Promise<{
  regions: FeatureCollection<Geometry, BoundaryProps>;
  districts: FeatureCollection<Geometry, BoundaryProps>;
  /**
   * one label point per district and per region, each with its `kind` (multi-part areas would otherwise be labelled
   * once per part): the map names regions at country zoom and districts closer in
   */
  labels: FeatureCollection<Geometry, BoundaryProps>;
}> {
  const regions = await db.all<{ soato: string; name: string; geometry: string }>(
    `SELECT soato, name_uz AS name, geometry FROM regions ORDER BY soato`,
  );
  const districts = await db.all<{ soato: string; name: string; geometry: string }>(
    `SELECT soato, name_uz AS name, geometry FROM districts ORDER BY soato`,
  );
  const fc = (rows: typeof regions, kind: BoundaryProps['kind']): FeatureCollection<Geometry, BoundaryProps> => ({
    type: 'FeatureCollection',
    features: rows.map((r) => feature(r.geometry, { soato: r.soato, name: r.name, kind })),
  });
  const [r, d] = [fc(regions, 'region'), fc(districts, 'district')];
  const labels: FeatureCollection<Geometry, BoundaryProps> = {
    type: 'FeatureCollection',
    features: [...r.features, ...d.features].map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
      properties: f.properties,
    })),
  };
  return { regions: r, districts: d, labels };
}

/** The outlines, once per database and data generation (they are the same for every asker). */
export const boundariesOf = perDb(getBoundaries);

/**
 * The bytes GET /api/boundaries answers with (Hono's c.json is JSON.stringify), for the warm-up to compress ahead of
 * the first screen's ask (server/http/encoding.ts precompress): compressing them on that ask took ≈ 0.45 s nationally.
 * @example await precompress(await boundariesBody(db));
 */
export async function boundariesBody(db: Db): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await boundariesOf(db)));
}

export interface BasePoint {
  id: number;
  name: string;
  districtSoato: string;
  lon: number;
  lat: number;
  inspectors: number;
}

/**
 * getBasePoints kept per area (server/db/kept.ts): static until an import, and 0.2–0.4 s of the national first screen
 * on a busy server when asked anew (issue 15).
 */
export const keptBasePoints = keptPerDb(
  (districts: readonly string[] | null) => JSON.stringify(districts),
  (db, districts) => getBasePoints(db, districts),
  16,
);

/**
 * The bytes GET /api/base-points answers every district with (c.json is JSON.stringify), for the warm-up to compress
 * ahead of the first screen's ask, which servedOnce (server/app.ts) then answers from the kept bytes.
 * @example await precompress(await basePointsBody(db));
 */
export async function basePointsBody(db: Db): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await keptBasePoints(db, null)));
}

/** The base points of some districts (null = all), with how many inspectors work from each. */
export async function getBasePoints(db: Db, districts: readonly string[] | null): Promise<BasePoint[]> {
  const where = districtSql(districts, 'b.district_soato');
  return db.all<BasePoint & Record<string, unknown>>(
    `SELECT b.id, b.name, b.district_soato AS districtSoato, b.lon, b.lat, count(i.id)::INTEGER AS inspectors
     FROM base_points b LEFT JOIN inspectors i ON i.base_point_id = b.id
     WHERE ${where.sql}
     GROUP BY ALL ORDER BY b.id`,
    where.params,
  );
}
