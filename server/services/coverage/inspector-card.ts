// One inspector's card: the territory mahalla by mahalla, workload and overload flags for the period, the base point,
// joint actions by service, and the territory's open and overdue applications.
import type { Db } from '../../db/database.ts';
import type { Norms } from '../../contract/coverage.ts';
import { areaSql, type Area } from '../../selection/area.ts';
import { and, timeWindow } from '../../selection/window.ts';
import { lengthDays, type Period } from '../../shared/period.ts';
import { overloadFlags, type OverloadFlag } from '../../shared/overload.ts';
import { periodCounts, staff, workloadOf, type StaffInspector, type Workload } from './coverage.ts';
import { APPLICATION_SQL, applicationParams, asOfDay } from '../applications/flow.ts';
import type { Assignment } from '../territories/in-force.ts';

export interface InspectorCard extends Pick<StaffInspector, 'id' | 'name' | 'rank' | 'districtSoato' | 'basePoint'> {
  districtName: string;
  period: Period;
  workload: Workload;
  flags: OverloadFlag[];
  /** the territory, mahalla by mahalla, nearest the base point first */
  mahallas: Array<{
    id: number;
    code: string;
    name: string;
    population: number;
    households: number;
    areaKm2: number;
    distanceKm: number;
    incidents: number;
    applications: number;
  }>;
  /** the inspector's joint actions in the period by participating service (an action with two services counts for both) */
  jointActionsByService: Array<{ service: string; count: number }>;
  /** applications that arrived in the territory in the period; open and overdue as of `asOf` (see applications-flow) */
  applications: { total: number; open: number; overdue: number; asOf: string };
}

/** The card, or null when no inspector has that id; the territory is the one `a` (the plan in force) gives. */
export async function getInspectorCard(
  db: Db,
  id: number,
  period: Period,
  norms: Norms,
  a: Assignment,
): Promise<InspectorCard | null> {
  const s = await staff(db, a);
  const k = s.byId.get(id);
  const insp = k === undefined ? undefined : s.inspectors[k];
  if (!insp) return null;
  const asOf = await asOfDay(db, period.to);
  const territory: Area = { kind: 'mahallas', ids: insp.mahallaIds };
  const acts = timeWindow(period, { col: 'j.day', type: 'DATE' });
  const apps = and(timeWindow(period, { col: 'received_at' }), areaSql(territory));
  const [counts, byService, [applications], [district]] = await Promise.all([
    periodCounts(db, period, territory, id),
    db.all<{ service: string; count: number }>(
      `SELECT s.service::VARCHAR AS service, count(*)::INTEGER AS count
       FROM joint_actions j JOIN joint_action_services s ON s.action_id = j.id
       WHERE j.inspector_id = $inspector AND ${acts.sql}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      { ...acts.params, inspector: id },
    ),
    db.all<{ total: number; open: number; overdue: number }>(
      `SELECT count(*)::INTEGER AS total, count_if(${APPLICATION_SQL.open})::INTEGER AS open, count_if(${APPLICATION_SQL.overdue})::INTEGER AS overdue
       FROM applications WHERE ${apps.sql}`,
      { ...apps.params, ...applicationParams(asOf) },
    ),
    db.all<{ name: string }>('SELECT name_uz AS name FROM districts WHERE soato = $soato', {
      soato: insp.districtSoato,
    }),
  ]);
  const workload = workloadOf(insp, counts);
  const mahallas = insp.mahallaIds
    .map((mid) => s.mahallas.get(mid))
    .filter((m) => m !== undefined)
    .map((m) => ({
      id: m.id,
      code: m.code,
      name: m.name,
      population: m.population,
      households: m.households,
      areaKm2: Math.round(m.areaKm2 * 1000) / 1000,
      distanceKm: Math.round((m.distanceKm ?? 0) * 100) / 100,
      incidents: counts.incidents.get(m.id) ?? 0,
      applications: counts.applications.get(m.id) ?? 0,
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
    flags: overloadFlags(workload, norms, lengthDays(period)),
    mahallas,
    jointActionsByService: byService,
    applications: {
      total: applications?.total ?? 0,
      open: applications?.open ?? 0,
      overdue: applications?.overdue ?? 0,
      asOf,
    },
  };
}
