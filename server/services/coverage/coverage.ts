// Inspector coverage: each inspector's territory with its workload for a period, judged against the norms;
// unassigned mahallas (the dissolved territory outlines for the map: outlines.ts). Territories are those of the plan in force
// (server/services/territories/in-force.ts) that the caller names.
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import type { Norms } from '../../contract/coverage.ts';
import { areaSql, type Area } from '../../selection/area.ts';
import { maskOf, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { daySums, periodPerMahalla, type CountSource } from '../../db/day-sums.ts';
import type { RecordSource } from '../../contract/catalog.ts';
import { and, timeWindow } from '../../selection/window.ts';
import { haversineKm } from '../../shared/distance.ts';
import { lengthDays, type Period } from '../../shared/period.ts';
import { perAssignment, type Assignment } from '../territories/in-force.ts';
import { incidentLimit, overloadFlags, type OverloadFlag } from '../../shared/overload.ts';

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export interface StaffInspector {
  id: number;
  name: string;
  rank: string;
  districtSoato: string;
  basePoint: { id: number; name: string; lon: number; lat: number };
  /** ids of the mahallas assigned to the inspector, ascending */
  mahallaIds: number[];
  residents: number;
  households: number;
  areaKm2: number;
  /** mean and max great-circle distance from the base point to the mahallas' centroids, km */
  meanDistanceKm: number;
  maxDistanceKm: number;
}

export interface StaffMahalla {
  id: number;
  code: string;
  name: string;
  districtSoato: string;
  population: number;
  households: number;
  areaKm2: number;
  /** from the inspector's base point to the centroid, km; null when unassigned */
  distanceKm: number | null;
  inspectorId: number | null;
}

/** Inspectors with their base points and mahallas with their figures: read once per database. */
const staffRows = perDb(async (db) => {
  const [inspectors, mahallas] = await Promise.all([
    db.all<{
      id: number;
      name: string;
      rank: string;
      districtSoato: string;
      bpId: number;
      bpName: string;
      lon: number;
      lat: number;
    }>(
      `SELECT i.id, i.name, i.rank, i.district_soato AS districtSoato, b.id AS bpId, b.name AS bpName, b.lon, b.lat
       FROM inspectors i JOIN base_points b ON b.id = i.base_point_id ORDER BY i.id`,
    ),
    db.all<Omit<StaffMahalla, 'distanceKm' | 'inspectorId'> & { lon: number; lat: number }>(
      `SELECT m.id, m.code, m.name, m.district_soato AS districtSoato, m.population, m.households, m.area_km2 AS areaKm2,
              m.centroid_lon AS lon, m.centroid_lat AS lat
       FROM mahallas m ORDER BY m.id`,
    ),
  ]);
  return { inspectors, mahallas };
});

/** Who covers what under a plan in force (server/services/territories/in-force.ts), built once per plan. */
export const staff = perAssignment(async (db, a) => {
  const { inspectors: inspectorRows, mahallas: mahallaRows } = await staffRows(db);
  const inspectors: StaffInspector[] = inspectorRows.map((r) => ({
    id: r.id,
    name: r.name,
    rank: r.rank,
    districtSoato: r.districtSoato,
    basePoint: { id: r.bpId, name: r.bpName, lon: r.lon, lat: r.lat },
    mahallaIds: [],
    residents: 0,
    households: 0,
    areaKm2: 0,
    meanDistanceKm: 0,
    maxDistanceKm: 0,
  }));
  const byId = new Map(inspectors.map((x, k) => [x.id, k]));
  const mahallas = new Map<number, StaffMahalla>();
  for (const { lon, lat, ...m } of mahallaRows) {
    const inspectorId = a.inspectorOf.get(m.id) ?? null;
    const k = inspectorId === null ? undefined : byId.get(inspectorId);
    const insp = k === undefined ? undefined : inspectors[k];
    const distanceKm = insp ? haversineKm(insp.basePoint.lon, insp.basePoint.lat, lon, lat) : null;
    mahallas.set(m.id, { ...m, inspectorId: insp ? inspectorId : null, distanceKm });
    if (!insp || distanceKm === null) continue;
    insp.mahallaIds.push(m.id);
    insp.residents += m.population;
    insp.households += m.households;
    insp.areaKm2 += m.areaKm2;
    insp.meanDistanceKm += distanceKm;
    insp.maxDistanceKm = Math.max(insp.maxDistanceKm, distanceKm);
  }
  for (const insp of inspectors) {
    insp.meanDistanceKm = insp.mahallaIds.length > 0 ? round(insp.meanDistanceKm / insp.mahallaIds.length, 2) : 0;
    insp.maxDistanceKm = round(insp.maxDistanceKm, 2);
    insp.areaKm2 = round(insp.areaKm2, 3);
  }
  return { inspectors, byId, mahallas, unassigned: [...mahallas.values()].filter((m) => m.inspectorId === null) };
});
export type Staff = Awaited<ReturnType<typeof staff>>;

export interface PeriodCounts {
  /** incidents and applications per mahalla id, joint actions per inspector id */
  incidents: Map<number, number>;
  applications: Map<number, number>;
  jointActions: Map<number, number>;
}

/**
 * Incidents and applications per mahalla of the area and joint actions per inspector in the period (every category
 * and status); `inspectorId` narrows the actions to one inspector (the card, whose area is the territory). Records are
 * counted from the day sums (server/db/day-sums.ts), or from the records themselves with `from` 'records'.
 */
export async function periodCounts(
  db: Db,
  period: Period,
  area: Area,
  inspectorId?: number,
  from: CountSource = 'auto',
): Promise<PeriodCounts> {
  const inArea = areaSql(area);
  const perMahalla = async (table: 'incidents' | 'applications', col: 'ts' | 'received_at') => {
    if (from === 'auto') return daySumsOf(db, table, period, area);
    const w = and(timeWindow(period, { col }), inArea);
    const c = await db.columns<{ id: number; n: number }>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n FROM ${table} WHERE ${w.sql} GROUP BY 1`,
      w.params,
    );
    return new Map(c.id.map((id, k) => [id, c.n[k] ?? 0]));
  };
  const acts = and(
    timeWindow(period, { col: 'day', type: 'DATE' }),
    inspectorId === undefined
      ? { sql: 'TRUE', params: {} }
      : { sql: 'inspector_id = $inspector', params: { inspector: inspectorId } },
  );
  const [incidents, applications, ja] = await Promise.all([
    perMahalla('incidents', 'ts'),
    perMahalla('applications', 'received_at'),
    db.columns<{ id: number; n: number }>(
      `SELECT inspector_id AS id, count(*)::INTEGER AS n FROM joint_actions WHERE ${acts.sql} GROUP BY 1`,
      acts.params,
    ),
  ]);
  return { incidents, applications, jointActions: new Map(ja.id.map((id, k) => [id, ja.n[k] ?? 0])) };
}

/** Records per mahalla of the area with any in the period, from the day sums (every record counts here). */
async function daySumsOf(db: Db, source: RecordSource, period: Period, area: Area): Promise<Map<number, number>> {
  const [m, s] = await Promise.all([mahallaColumns(db), daySums(db, source)]);
  const n = periodPerMahalla(s, period);
  const mask = maskOf(area, m);
  const out = new Map<number, number>();
  m.id.forEach((id, i) => {
    if ((mask === null || mask[i] === 1) && n[i]! > 0) out.set(id, n[i]!);
  });
  return out;
}

/** An inspector's workload for the period: the static territory figures plus the period's counts. */
export function workloadOf(insp: StaffInspector, counts: PeriodCounts) {
  const sum = (m: Map<number, number>): number => insp.mahallaIds.reduce((s, id) => s + (m.get(id) ?? 0), 0);
  return {
    mahallas: insp.mahallaIds.length,
    residents: insp.residents,
    households: insp.households,
    incidents: sum(counts.incidents),
    applications: sum(counts.applications),
    jointActions: counts.jointActions.get(insp.id) ?? 0,
    areaKm2: insp.areaKm2,
    meanDistanceKm: insp.meanDistanceKm,
    maxDistanceKm: insp.maxDistanceKm,
  };
}
export type Workload = ReturnType<typeof workloadOf>;

export interface CoverageResult {
  period: Period;
  days: number;
  norms: Norms;
  /** the norms as applied to this period (incidents scaled to its length) */
  limits: Norms;
  /** columnar, one entry per inspector (of the district) in id order */
  /** name and rank are null for an asker who may not see persons' names */
  inspectors: {
    id: number[];
    name: Array<string | null>;
    rank: Array<string | null>;
    districtSoato: string[];
    basePointId: number[];
    flags: OverloadFlag[][];
  } & { [K in keyof Workload]: number[] };
  /** mahallas nobody covers, with what happens there */
  unassigned: Array<{
    id: number;
    name: string;
    districtSoato: string;
    population: number;
    incidents: number;
    applications: number;
  }>;
  totals: {
    inspectors: number;
    overloaded: number;
    mahallas: number;
    unassigned: number;
    residents: number;
    unassignedResidents: number;
  };
}

const WORKLOAD_KEYS = [
  'mahallas',
  'residents',
  'households',
  'incidents',
  'applications',
  'jointActions',
  'areaKm2',
  'meanDistanceKm',
  'maxDistanceKm',
] as const;

/**
 * Every inspector of the selection's districts with their workload for its period, judged against the norms, under
 * `a`, the plan in force on the period's last day.
 */
export async function getCoverage(db: Db, sel: Selection, norms: Norms, a: Assignment): Promise<CoverageResult> {
  const period = sel.period;
  const days = lengthDays(period);
  const inDistricts = (d: string): boolean => sel.districts === null || sel.districts.includes(d);
  const [s, counts] = await Promise.all([staff(db, a), periodCounts(db, period, sel.area)]);
  const cols: CoverageResult['inspectors'] = {
    id: [],
    name: [],
    rank: [],
    districtSoato: [],
    basePointId: [],
    flags: [],
    ...(Object.fromEntries(WORKLOAD_KEYS.map((k) => [k, [] as number[]])) as { [K in keyof Workload]: number[] }),
  };
  const totals = { inspectors: 0, overloaded: 0, mahallas: 0, unassigned: 0, residents: 0, unassignedResidents: 0 };
  for (const insp of s.inspectors) {
    if (!inDistricts(insp.districtSoato)) continue;
    const w = workloadOf(insp, counts);
    const flags = overloadFlags(w, norms, days);
    cols.id.push(insp.id);
    cols.name.push(sel.access.persons ? insp.name : null);
    cols.rank.push(sel.access.persons ? insp.rank : null);
    cols.districtSoato.push(insp.districtSoato);
    cols.basePointId.push(insp.basePoint.id);
    cols.flags.push(flags);
    for (const k of WORKLOAD_KEYS) cols[k].push(w[k]);
    totals.inspectors++;
    if (flags.length > 0) totals.overloaded++;
    totals.mahallas += w.mahallas;
    totals.residents += w.residents;
  }
  const unassigned = s.unassigned
    .filter((m) => inDistricts(m.districtSoato))
    .map((m) => ({
      id: m.id,
      name: m.name,
      districtSoato: m.districtSoato,
      population: m.population,
      incidents: counts.incidents.get(m.id) ?? 0,
      applications: counts.applications.get(m.id) ?? 0,
    }));
  totals.unassigned = unassigned.length;
  totals.mahallas += unassigned.length;
  totals.unassignedResidents = unassigned.reduce((a, m) => a + m.population, 0);
  totals.residents += totals.unassignedResidents;
  return {
    period,
    days,
    norms,
    limits: { ...norms, normIncidents: incidentLimit(norms, days) },
    inspectors: cols,
    unassigned,
    totals,
  };
}
