// Mahalla polygons with their district, residents and inspector, as GeoJSON, simplified for the map's zoom. The
// polygons are cached per database; the inspector of each comes from the plan in force the caller names.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { MahallaProps } from '../../contract/mahallas.ts';
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import { simplifier } from '../../geo/simplify.ts';
import { ALL, areaSql, type Area } from '../../selection/area.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { staff } from '../coverage/coverage.ts';
import type { Assignment } from '../territories/in-force.ts';

type MahallaRow = MahallaProps & { geometry: string };

/** The columns of a mahalla's properties (`MahallaProps`), of `mahallas m JOIN districts d`; no inspector here. */
const PROPS = `m.id, m.code, m.name, m.district_soato AS districtSoato, d.name_uz AS districtName, m.population,
  m.households, round(m.area_km2, 3) AS areaKm2, m.synthetic, NULL::INTEGER AS inspectorId, NULL::VARCHAR AS inspectorName`;

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

/** Every mahalla, and its simplifications per zoom: built once per database (boundaries change only on a rebuild). */
const everyMahalla = perDb(async (db) => {
  const all = await getMahallas(db, ALL);
  const byZoom = simplifier(all as FeatureCollection<Polygon | MultiPolygon, MahallaProps>);
  return { all, byZoom };
});

/**
 * The mahallas of an area, simplified for `zoom` (every vertex when absent), each with the inspector `a` (the plan in
 * force) gives it: from the per-database cache, so a request costs a filter, not a query.
 */
export async function mahallaShapes(
  db: Db,
  area: Area,
  a: Assignment,
  zoom?: number,
): Promise<FeatureCollection<Geometry, MahallaProps>> {
  const [{ all, byZoom }, s] = await Promise.all([everyMahalla(db), staff(db, a)]);
  const fc: FeatureCollection<Geometry, MahallaProps> = zoom === undefined ? all : byZoom(zoom);
  const covered = (f: Feature<Geometry, MahallaProps>): Feature<Geometry, MahallaProps> => {
    const id = s.mahallas.get(f.properties.id)?.inspectorId ?? null;
    const insp = id === null ? undefined : s.inspectors[s.byId.get(id) ?? -1];
    return { ...f, properties: { ...f.properties, inspectorId: insp ? id : null, inspectorName: insp?.name ?? null } };
  };
  if (area.kind === 'all') return { ...fc, features: fc.features.map(covered) };
  const m = await mahallaColumns(db);
  const keep = new Set<number | string>(area.kind === 'mahallas' ? area.ids : area.districts);
  const key = (id: number): number | string =>
    area.kind === 'mahallas' ? id : (m.district[m.index.get(id) ?? -1] ?? '');
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => keep.has(key(f.properties.id))).map(covered),
  };
}

/** The mahallas of an area as a FeatureCollection; feature `id` = mahalla id; no inspector (see mahallaShapes). */
export async function getMahallas(db: Db, area: Area): Promise<FeatureCollection<Geometry, MahallaProps>> {
  const where = areaSql(area, 'm.id');
  const rows = await db.all<MahallaRow>(
    `SELECT ${PROPS}, m.geometry FROM mahallas m JOIN districts d ON d.soato = m.district_soato
     WHERE ${where.sql} ORDER BY m.id`,
    where.params,
  );
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...p }) => ({ ...feature(geometry, p), id: p.id })),
  };
}

/**
 * Every mahalla's identity by id, read once per database without geometry: a card needs neither the polygons parsed nor
 * their topology built (≈ 0.4 s of the main thread nationally when the first card of a server built them).
 */
export const mahallaIdentities = perDb(async (db) => {
  const rows = await db.all<MahallaProps>(
    `SELECT ${PROPS} FROM mahallas m JOIN districts d ON d.soato = m.district_soato ORDER BY m.id`,
  );
  return new Map(rows.map((p) => [p.id, p]));
});

/** A mahalla's identity from the per-database cache (its inspector is the plan's: see staff); null for an id no mahalla has. */
export async function mahallaIdentity(db: Db, id: number): Promise<MahallaProps | null> {
  return (await mahallaIdentities(db)).get(id) ?? null;
}
