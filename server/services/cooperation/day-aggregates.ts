// Day-level aggregates the cooperation endpoints read instead of joining millions of rows per request: incidents per
// mahalla and district and day, the joint actions by day, and the days each service acted in each mahalla. The
// unfiltered ones are built once per database (records do not change while a server runs); days count from the
// start of the data (server/services/data-period.ts).
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import { daySums } from '../../db/day-sums.ts';
import { SERVICES } from '../../contract/catalog.ts';
import { dayCounts, dayLists, groupDayCounts, type DayCounts, type DayLists } from '../../stats/day-counts.ts';
import type { ActionColumns } from '../../stats/ratio-of-ratios.ts';
import { dataPeriod } from '../data-period.ts';
import { areaSql } from '../../selection/area.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import type { Selection } from '../../selection/select.ts';
import { and, timeWindow, type SqlPart } from '../../selection/window.ts';
import { addDays, daysBetween } from '../../shared/period.ts';

/** Mahallas as units 0…n−1 (id order, as `mahallaColumns`) and their districts as units 0…k−1. */
export interface MahallaUnits {
  /** mahalla id → unit, −1 for an id that is not a mahalla */
  unitOf: (id: number) => number;
  districtOf: Int32Array;
  districts: number;
}

export const mahallaUnits = perDb(async (db): Promise<MahallaUnits> => {
  const m = await mahallaColumns(db);
  // Ids are 1…n (data/build-db.ts), so a dense array answers the 10 M lookups of an incident scan fastest.
  const byId = new Int32Array(m.id.reduce((max, id) => Math.max(max, id), 0) + 1).fill(-1);
  m.id.forEach((id, u) => (byId[id] = u));
  const codes = new Map<string, number>();
  const districtOf = Int32Array.from(m.district, (d) => codes.get(d) ?? codes.set(d, codes.size).get(d) ?? -1);
  return { unitOf: (id) => byId[id] ?? -1, districtOf, districts: codes.size };
});

export interface IncidentDays {
  mahalla: DayCounts;
  district: DayCounts;
}

/**
 * Incidents per mahalla and day in [from, end) (days from the data start, `end` exclusive) that pass `where` (record
 * filters and area, no time: the days are added here).
 */
async function queryIncidentDays(db: Db, where: SqlPart, from: number, end: number): Promise<IncidentDays> {
  const [data, units] = await Promise.all([dataPeriod(db), mahallaUnits(db)]);
  // One row per incident, counted here: reading 10 M pairs costs ≈ 0.3 s, grouping them in DuckDB first ≈ 1.5 s. The
  // time range stays a plain comparison on `ts`, so the time-sorted table's zone maps skip the other row groups.
  const w = and(timeWindow({ from: addDays(data.start, from), to: addDays(data.start, end - 1) }), where);
  const rows = await db.ints<'m' | 'd'>(
    `SELECT mahalla_id AS m, (ts::DATE - $start::DATE)::INTEGER AS d FROM incidents WHERE ${w.sql}`,
    { ...w.params, start: data.start },
  );
  const mahalla = dayCounts(units.districtOf.length, from, end - from, rows.m.map(units.unitOf), rows.d);
  return { mahalla, district: groupDayCounts(mahalla, units.districtOf, units.districts) };
}

/**
 * Every incident of the data, unfiltered, from the map's day sums (server/db/day-sums.ts: the same running sums, kept
 * once per data generation instead of a second ≈ 41 MB copy), read on this module's calendar; their last unit, the
 * records of no mahalla, is left out as the query above leaves them out.
 */
const allIncidentDays = perDb(async (db): Promise<IncidentDays> => {
  const [data, sums, units] = await Promise.all([dataPeriod(db), daySums(db, 'incidents'), mahallaUnits(db)]);
  const c = sums.counts;
  const mahalla: DayCounts = {
    units: c.units - 1,
    first: daysBetween(data.start, sums.origin),
    days: c.days,
    cum: c.cum.subarray(0, (c.units - 1) * (c.days + 1)),
  };
  return { mahalla, district: groupDayCounts(mahalla, units.districtOf, units.districts) };
});

/**
 * Incidents of the selection (its record filters, in its area) per mahalla and per district and day, at least over
 * days [from, end) from the data start. Without category or status filters this is the cached whole record; with
 * them, a query of just those days (and that area).
 */
export async function incidentDays(db: Db, sel: Selection, from: number, end: number): Promise<IncidentDays> {
  // The record filter leaves out a selection of everything, so no parameters = no filter.
  if (Object.keys(sel.filter.params).length === 0) return allIncidentDays(db);
  return queryIncidentDays(db, and(sel.filter, areaSql(sel.area)), from, end);
}

/** Joint actions in mahallas of the database, ascending by day; `kind` is the type's ENUM code (catalog order). */
export const actionsByDay = perDb(async (db): Promise<ActionColumns> => {
  const [data, units] = await Promise.all([dataPeriod(db), mahallaUnits(db)]);
  const a = await db.ints<'day' | 'mahalla' | 'kind'>(
    `SELECT (day - $start::DATE)::INTEGER AS day, mahalla_id AS mahalla, enum_code(type)::INTEGER AS kind
     FROM joint_actions ORDER BY day, id`,
    { start: data.start },
  );
  const unit = a.mahalla.map(units.unitOf);
  const keep = (i: number): boolean => (unit[i] ?? -1) >= 0;
  const pick = (col: Int32Array): Int32Array => col.filter((_, i) => keep(i));
  const mahalla = pick(unit);
  return { day: pick(a.day), mahalla, district: mahalla.map((u) => units.districtOf[u] ?? -1), kind: pick(a.kind) };
});

/** The days of joint actions per mahalla and service, keyed `unit × SERVICES.length + service code`. */
export const serviceDays = perDb(async (db): Promise<DayLists> => {
  const [data, units] = await Promise.all([dataPeriod(db), mahallaUnits(db)]);
  const r = await db.ints<'mahalla' | 'service' | 'day'>(
    `SELECT a.mahalla_id AS mahalla, enum_code(s.service)::INTEGER AS service, (a.day - $start::DATE)::INTEGER AS day
     FROM joint_actions a JOIN joint_action_services s ON s.action_id = a.id`,
    { start: data.start },
  );
  const key = r.mahalla.map((id, i) => {
    const u = units.unitOf(id);
    return u < 0 ? -1 : u * SERVICES.length + (r.service[i] ?? 0);
  });
  return dayLists(units.districtOf.length * SERVICES.length, key, r.day);
});
