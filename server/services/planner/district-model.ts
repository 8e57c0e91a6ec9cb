// The planner's district model read from the analytics database: mahallas with the period's counts, their borders
// (mahalla_adjacency), inspectors as posts at their base points, and the plan in force on a day as the territory
// versions decide it (server/services/territories/in-force.ts), never the analytics table of the first import.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { INCIDENT_CATEGORIES } from '../../contract/catalog.ts';
import { flattenPolygons } from '../../geo/flat-polygons.ts';
import { polygonPerimeterKm } from '../../geo/metrics.ts';
import { areaSql, districtSql, districtsArea } from '../../selection/area.ts';
import { and, timeWindow } from '../../selection/window.ts';
import { lengthDays, type Period } from '../../shared/period.ts';
import { buildModel, planOf, type DistrictModel, type Plan } from '../../shared/planner/model.ts';
import type { UserStore } from '../../store/types.ts';
import { assignmentOn } from '../territories/in-force.ts';

export interface DistrictModelQuery {
  /** district SOATO codes; null = every district */
  districts: readonly string[] | null;
  period: Period;
  /**
   * Joint actions the cooperation plan requires of each inspector (id → sum of its plan items) for the period: spread
   * over the inspector's territory in force by residents, so the requirement moves with its mahallas. Absent = the
   * joint actions recorded in each mahalla in the period stand in for it.
   */
  required?: ReadonlyMap<number, number>;
  /**
   * Who covers each mahalla in the plan in force (mahalla id → inspector id: `assignmentOn(…).inspectorOf`, or
   * {@link loadModelInForce}). Absent: only the model is wanted, and `inForce` comes back with every mahalla unassigned.
   */
  assignment?: ReadonlyMap<number, number>;
}

export interface LoadedModel {
  model: DistrictModel;
  /** the plan in force (of `assignment`): post k is the k-th inspector by id of the model's districts */
  inForce: Plan;
  /** where the joint-action figures came from */
  jointActions: 'plan' | 'recorded';
}

/**
 * The model of some districts for a period.
 * @example const { model } = await loadDistrictModel(db, { districts: ['1726294'], period: { from: '2026-08-01', to: '2026-10-31' } });
 */
export async function loadDistrictModel(db: Db, q: DistrictModelQuery): Promise<LoadedModel> {
  if (q.required && !q.assignment) throw new RangeError('a plan requirement is spread over the plan in force: give it');
  const area = q.districts === null ? districtsArea(undefined) : districtsArea(q.districts);
  const inArea = areaSql(area);
  const inAreaA = areaSql(area, 'a');
  const inAreaB = areaSql(area, 'b');
  const inDistricts = districtSql(q.districts === null ? null : [...q.districts], 'i.district_soato');
  const ids = areaSql(area, 'id');
  const inc = and(timeWindow(q.period), inArea);
  const app = and(timeWindow(q.period, { col: 'received_at' }), inArea);
  const acts = and(timeWindow(q.period, { col: 'day', type: 'DATE' }), inArea);
  const [mahallas, incidents, applications, actions, adjacency, posts] = await Promise.all([
    db.columns<{ id: number; district: string; population: number; area: number; lon: number; lat: number; g: string }>(
      `SELECT id, district_soato AS district, population, area_km2 AS area, centroid_lon AS lon, centroid_lat AS lat, geometry AS g
       FROM mahallas WHERE ${ids.sql} ORDER BY id`,
      ids.params,
    ),
    db.columns<{ id: number; c: string; n: number }>(
      `SELECT mahalla_id AS id, category::VARCHAR AS c, count(*)::INTEGER AS n FROM incidents WHERE ${inc.sql} GROUP BY 1, 2`,
      inc.params,
    ),
    db.columns<{ id: number; n: number }>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n FROM applications WHERE ${app.sql} GROUP BY 1`,
      app.params,
    ),
    db.columns<{ id: number; n: number }>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n FROM joint_actions WHERE ${acts.sql} GROUP BY 1`,
      acts.params,
    ),
    db.columns<{ a: number; b: number; m: number }>(
      `SELECT a, b, shared_m AS m FROM mahalla_adjacency WHERE ${inAreaA.sql} AND ${inAreaB.sql}`,
      { ...inAreaA.params, ...inAreaB.params },
    ),
    db.columns<{ id: number; district: string; lon: number; lat: number }>(
      `SELECT i.id, i.district_soato AS district, b.lon, b.lat FROM inspectors i JOIN base_points b ON b.id = i.base_point_id
       WHERE ${inDistricts.sql} ORDER BY i.id`,
      inDistricts.params,
    ),
  ]);

  const row = new Map(mahallas.id.map((id, k) => [id, k]));
  const counts = new Map<number, number[]>(mahallas.id.map((id) => [id, INCIDENT_CATEGORIES.map(() => 0)]));
  incidents.id.forEach((id, k) => {
    const c = INCIDENT_CATEGORIES.indexOf(incidents.c[k] as (typeof INCIDENT_CATEGORIES)[number]);
    const into = counts.get(id);
    if (into && c >= 0) into[c] = incidents.n[k]!;
  });
  const byId = (c: { id: number[]; n: number[] }): Map<number, number> => new Map(c.id.map((id, k) => [id, c.n[k]!]));
  const apps = byId(applications);
  const postOf = new Map(posts.id.map((id, k) => [id, k]));
  // The plan in force within the model's mahallas, each held by an inspector of the mahalla's own district.
  const inspectorOf = new Map<number, number>();
  const districtOf = new Map(mahallas.id.map((id, k) => [id, mahallas.district[k]!]));
  const districtOfInspector = new Map(posts.id.map((id, k) => [id, posts.district[k]!]));
  for (const [m, i] of q.assignment ?? [])
    if (districtOf.has(m) && districtOf.get(m) === districtOfInspector.get(i)) inspectorOf.set(m, i);

  // The plan's requirement of an inspector, spread over its territory in force by residents.
  const joint = q.required ? new Map<number, number>() : byId(actions);
  if (q.required) {
    const residents = new Map<number, number>();
    for (const [m, i] of inspectorOf)
      residents.set(i, (residents.get(i) ?? 0) + (mahallas.population[row.get(m) ?? -1] ?? 0));
    for (const [m, i] of inspectorOf) {
      const total = residents.get(i) ?? 0;
      const pop = mahallas.population[row.get(m) ?? -1] ?? 0;
      joint.set(m, total > 0 ? ((q.required.get(i) ?? 0) * pop) / total : 0);
    }
  }

  const flat = flattenPolygons(mahallas.g.map((g) => JSON.parse(g) as Polygon | MultiPolygon));
  const model = buildModel({
    mahallas: mahallas.id.map((id, k) => ({
      id,
      district: mahallas.district[k]!,
      residents: mahallas.population[k]!,
      incidents: counts.get(id)!,
      applications: apps.get(id) ?? 0,
      jointActions: joint.get(id) ?? 0,
      areaKm2: mahallas.area[k]!,
      perimeterKm: polygonPerimeterKm(flat, k),
      lon: mahallas.lon[k]!,
      lat: mahallas.lat[k]!,
    })),
    adjacency: { a: adjacency.a, b: adjacency.b, sharedKm: adjacency.m.map((m) => m / 1000) },
    posts: posts.id.map((id, k) => ({
      inspectorId: id,
      district: posts.district[k]!,
      lon: posts.lon[k]!,
      lat: posts.lat[k]!,
    })),
    categories: INCIDENT_CATEGORIES,
    days: lengthDays(q.period),
  });
  const pairs = new Map<number, number>();
  for (const [m, i] of inspectorOf) {
    const post = postOf.get(i);
    if (post !== undefined) pairs.set(m, post);
  }
  return { model, inForce: planOf(model, pairs), jointActions: q.required ? 'plan' : 'recorded' };
}

/**
 * The model with the plan in force on `day` (default: the period's last day) as the territory versions decide it:
 * once a new version is approved and its effective day has come, proposals and moves start from it; an analysis of an
 * earlier period gets the plan of then.
 * @example const { inForce } = await loadModelInForce(db, store, { districts: ['1726287'], period: march })
 */
export async function loadModelInForce(
  db: Db,
  store: UserStore,
  q: Omit<DistrictModelQuery, 'assignment'> & { day?: string },
): Promise<LoadedModel> {
  const { inspectorOf } = await assignmentOn(db, store, q.day ?? q.period.to);
  return loadDistrictModel(db, { ...q, assignment: inspectorOf });
}
