// Mahalla polygons with their district, residents and inspector, and the real district/region outlines, as GeoJSON.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { labelPoint } from '../geo/label-point.ts';
import type { Db } from '../db/database.ts';

/** What identifies and sizes a mahalla, shared by the map features and the card. */
export interface MahallaIdentity {
  id: number;
  code: string;
  name: string;
  districtSoato: string;
  districtName: string;
  population: number;
  households: number;
  areaKm2: number;
  synthetic: boolean;
}

export interface MahallaProps extends MahallaIdentity {
  inspectorId: number | null;
  inspectorName: string | null;
}

type MahallaRow = MahallaProps & { geometry: string };

const feature = <P>(geometry: string, properties: P): Feature<Geometry, P> => ({
  type: 'Feature',
  geometry: JSON.parse(geometry) as Geometry,
  properties,
});

/** Mahallas (optionally of one district) as a FeatureCollection; feature `id` = mahalla id. */
export async function getTerritories(db: Db, district?: string): Promise<FeatureCollection<Geometry, MahallaProps>> {
  const rows = await db.all<MahallaRow>(
    `SELECT m.id, m.code, m.name, m.district_soato AS districtSoato, d.name_uz AS districtName, m.population,
            m.households, round(m.area_km2, 3) AS areaKm2, m.synthetic, t.inspector_id AS inspectorId,
            i.name AS inspectorName, m.geometry
     FROM mahallas m
     JOIN districts d ON d.soato = m.district_soato
     LEFT JOIN territory_assignment t ON t.mahalla_id = m.id
     LEFT JOIN inspectors i ON i.id = t.inspector_id
     WHERE $district IS NULL OR m.district_soato = $district
     ORDER BY m.id`,
    { district: district ?? null },
  );
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...p }) => ({ ...feature(geometry, p), id: p.id })),
  };
}

export interface BoundaryProps {
  soato: string;
  name: string;
  kind: 'region' | 'district';
}

/** Region and district outlines for the offline basemap. */
export async function getBoundaries(db: Db): Promise<{
  regions: FeatureCollection<Geometry, BoundaryProps>;
  districts: FeatureCollection<Geometry, BoundaryProps>;
  /** one label point per district (multi-part districts would otherwise be labelled once per part) */
  districtLabels: FeatureCollection<Geometry, BoundaryProps>;
}> {
  const regions = await db.all<{ soato: string; name: string; geometry: string }>(`SELECT soato, name_uz AS name, geometry FROM regions ORDER BY soato`);
  const districts = await db.all<{ soato: string; name: string; geometry: string }>(`SELECT soato, name_uz AS name, geometry FROM districts ORDER BY soato`);
  const fc = (rows: typeof regions, kind: BoundaryProps['kind']): FeatureCollection<Geometry, BoundaryProps> => ({
    type: 'FeatureCollection',
    features: rows.map((r) => feature(r.geometry, { soato: r.soato, name: r.name, kind })),
  });
  const d = fc(districts, 'district');
  const districtLabels: FeatureCollection<Geometry, BoundaryProps> = {
    type: 'FeatureCollection',
    features: d.features.map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
      properties: f.properties,
    })),
  };
  return { regions: fc(regions, 'region'), districts: d, districtLabels };
}

export interface BasePoint {
  id: number;
  name: string;
  districtSoato: string;
  lon: number;
  lat: number;
  inspectors: number;
}

export async function getBasePoints(db: Db, district?: string): Promise<BasePoint[]> {
  return db.all<BasePoint & Record<string, unknown>>(
    `SELECT b.id, b.name, b.district_soato AS districtSoato, b.lon, b.lat, count(i.id)::INTEGER AS inspectors
     FROM base_points b LEFT JOIN inspectors i ON i.base_point_id = b.id
     WHERE $district IS NULL OR b.district_soato = $district
     GROUP BY ALL ORDER BY b.id`,
    { district: district ?? null },
  );
}
