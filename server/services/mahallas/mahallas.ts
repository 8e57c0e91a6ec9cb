// Mahalla polygons with their district, residents and inspector, as GeoJSON.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MahallaProps } from '../../contract/mahallas.ts';
import type { Db } from '../../db/database.ts';
import { areaSql, type Area } from '../../selection/area.ts';

type MahallaRow = MahallaProps & { geometry: string };

/** A feature from a row's GeoJSON geometry text and its properties. */
export const feature = <P>(geometry: string, properties: P): Feature<Geometry, P> => ({
  type: 'Feature',
  geometry: JSON.parse(geometry) as Geometry,
  properties,
});

/** The same mahallas without their inspectors' names, for an asker who may not see persons' names. */
export function withoutNames(fc: FeatureCollection<Geometry, MahallaProps>): FeatureCollection<Geometry, MahallaProps> {
  return { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, inspectorName: null } })) };
}

/** The mahallas of an area as a FeatureCollection; feature `id` = mahalla id. */
export async function getMahallas(db: Db, area: Area): Promise<FeatureCollection<Geometry, MahallaProps>> {
  const where = areaSql(area, 'm.id');
  const rows = await db.all<MahallaRow>(
    `SELECT m.id, m.code, m.name, m.district_soato AS districtSoato, d.name_uz AS districtName, m.population,
            m.households, round(m.area_km2, 3) AS areaKm2, m.synthetic, t.inspector_id AS inspectorId,
            i.name AS inspectorName, m.geometry
     FROM mahallas m
     JOIN districts d ON d.soato = m.district_soato
     LEFT JOIN territory_assignment t ON t.mahalla_id = m.id
     LEFT JOIN inspectors i ON i.id = t.inspector_id
     WHERE ${where.sql}
     ORDER BY m.id`,
    where.params,
  );
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...p }) => ({ ...feature(geometry, p), id: p.id })),
  };
}
