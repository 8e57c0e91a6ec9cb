// One inspector's card: the territory mahalla by mahalla, workload and overload flags for the period, the base point,
// joint actions by service, and the territory's open and overdue applications.
import type { Db } from '../db/database.ts';
import { normsOf, type InspectorFilter } from '../contract/coverage.ts';
import { lengthDays, nextDay, type Period } from './period.ts';
import { overloadFlags, type OverloadFlag } from './overload.ts';
import { periodCounts, staff, workloadOf, type StaffInspector, type Workload } from './coverage.ts';
import { APPLICATION_SQL, applicationParams, asOfDay } from './applications-flow.ts';

export interface InspectorCard extends Pick<StaffInspector, 'id' | 'name' | 'rank' | 'districtSoato' | 'basePoint'> {
  districtName: string;
  period: Period;
  workload: Workload;
  flags: OverloadFlag[];
  /** the territory, mahalla by mahalla, nearest the base point first */
  mahallas: Array<{ id: number; code: string; name: string; population: number; households: number; areaKm2: number; distanceKm: number; incidents: number; applications: number }>;
  /** the inspector's joint actions in the period by participating service (an action with two services counts for both) */
  jointActionsByService: Array<{ service: string; count: number }>;
  /** applications that arrived in the territory in the period; open and overdue as of `asOf` (see applications-flow) */
  applications: { total: number; open: number; overdue: number; asOf: string };
}

/** The card, or null when no inspector has that id. */
export async function getInspectorCard(db: Db, id: number, f: InspectorFilter): Promise<InspectorCard | null> {
  const s = await staff(db);
  const k = s.byId.get(id);
  const insp = k === undefined ? undefined : s.inspectors[k];
  if (!insp) return null;
  const period = { from: f.from, to: f.to };
  const asOf = await asOfDay(db, f.to);
  const params = { inspector: id, from: f.from, end: nextDay(f.to) };
  const [counts, byService, [apps], [district]] = await Promise.all([
    periodCounts(db, period, id),
    db.all<{ service: string; count: number }>(
      `SELECT s.service::VARCHAR AS service, count(*)::INTEGER AS count
       FROM joint_actions j JOIN joint_action_services s ON s.action_id = j.id
       WHERE j.inspector_id = $inspector AND j.day >= $from::DATE AND j.day < $end::DATE
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    ),
    db.all<{ total: number; open: number; overdue: number }>(
      `SELECT count(*)::INTEGER AS total, count_if(${APPLICATION_SQL.open})::INTEGER AS open, count_if(${APPLICATION_SQL.overdue})::INTEGER AS overdue
       FROM applications
       WHERE received_at >= $from::TIMESTAMP AND received_at < $end::TIMESTAMP
         AND mahalla_id IN (SELECT mahalla_id FROM territory_assignment WHERE inspector_id = $inspector)`,
      { ...params, ...applicationParams(asOf) },
    ),
    db.all<{ name: string }>('SELECT name_uz AS name FROM districts WHERE soato = $soato', { soato: insp.districtSoato }),
  ]);
  const workload = workloadOf(insp, counts);
  const mahallas = insp.mahallaIds
    .map((mid) => s.mahallas.get(mid))
    .filter((m) => m !== undefined)
    .map((m) => ({
      id: m.id, code: m.code, name: m.name, population: m.population, households: m.households,
      areaKm2: Math.round(m.areaKm2 * 1000) / 1000, distanceKm: Math.round((m.distanceKm ?? 0) * 100) / 100,
      incidents: counts.incidents.get(m.id) ?? 0, applications: counts.applications.get(m.id) ?? 0,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.id - b.id);
  return {
    id: insp.id,
    name: insp.name,
    rank: insp.rank,
    districtSoato: insp.districtSoato,
    basePoint: insp.basePoint,
    districtName: district?.name ?? insp.districtSoato,
    period,
    workload,
    flags: overloadFlags(workload, normsOf(f), lengthDays(period)),
    mahallas,
    jointActionsByService: byService,
    applications: { total: apps?.total ?? 0, open: apps?.open ?? 0, overdue: apps?.overdue ?? 0, asOf },
  };
}
