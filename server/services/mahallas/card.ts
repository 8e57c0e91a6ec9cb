// One mahalla's card: its numbers for the period, its inspector and base point, its monthly trend.
import type { Db } from '../../db/database.ts';
import type { MahallaIdentity } from '../../contract/mahallas.ts';
import { areaSql, districtSql, districtsArea } from '../../selection/area.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { and } from '../../selection/window.ts';
import { addDays, comparisonPeriod, type Comparison, type Period } from '../../shared/period.ts';
import { dataPeriod } from '../data-period.ts';
import { staff } from '../coverage/coverage.ts';
import type { Assignment } from '../territories/in-force.ts';
import { mahallaIdentity } from './mahallas.ts';

export interface MahallaCard extends MahallaIdentity {
  /** name and rank are null for an asker who may not see persons' names */
  inspector: { id: number; name: string | null; rank: string | null; mahallas: number; basePoint: string } | null;
  period: Period;
  previous: Period;
  count: number;
  prev: number;
  rate: number;
  /** rank of the rate among the district's mahallas, 1 = highest */
  districtRank: number;
  districtMahallas: number;
  /** incidents by category code, or applications by registry code (form1, form2, alphabetical) */
  byCategory: Array<{ category: string; count: number }>;
  /** whole data period, selected categories and statuses */
  trend: Array<{ month: string; count: number }>;
  /** incidents of the period by weekday (0 = Monday … 6 = Sunday) × hour of day (0–23) */
  weekHour: number[][];
}

/** The card of the selection's mahalla, or null when no mahalla has that id; its inspector is the one `a` gives. */
export async function getMahallaCard(
  db: Db,
  sel: Selection & { mahalla: number },
  compare: Comparison,
  a: Assignment,
): Promise<MahallaCard | null> {
  const id = sel.mahalla;
  // Who the mahalla is comes from a per-database cache, who covers it from the plan in force (cached per plan).
  const [identity, s, data] = await Promise.all([mahallaIdentity(db, id), staff(db, a), dataPeriod(db)]);
  const covering = s.mahallas.get(id)?.inspectorId ?? null;
  const k = covering === null ? undefined : s.byId.get(covering);
  const insp = k === undefined ? undefined : s.inspectors[k];
  const m = identity && {
    ...identity,
    inspectorId: covering,
    inspectorName: insp?.name ?? null,
    rank: insp?.rank ?? null,
    basePoint: insp?.basePoint.name ?? null,
    inspectorMahallas: insp?.mahallaIds.length ?? null,
  };
  if (!m) return null;
  const period = sel.period;
  const previous = comparisonPeriod(period, compare);
  // Incidents break down by category, applications by the book or journal they were registered in.
  const kind = sel.source === 'incidents' ? 'category' : 'registry';
  const now = recordsWhere(sel);
  const before = recordsWhere(sel, { period: previous });
  // The monthly counts of the mahalla by the selection's record filters (data/schema.sql *_months).
  const months = sel.source === 'incidents' ? 'incident_months' : 'application_months';
  const always = and(sel.filter, { sql: 'mahalla_id = $mahalla', params: { mahalla: id } });
  const home = districtsArea([m.districtSoato]);
  const district = and(recordsWhere(sel, { mahalla: false, area: false }), areaSql(home));
  const homeMahallas = districtSql([m.districtSoato], 'm.district_soato');
  // Independent queries: run them side by side on the connection pool.
  const [ranked, [prevRow], byCategory, trend, cells] = await Promise.all([
    db.all<{ id: number; n: number; rate: number }>(
      `WITH c AS (SELECT mahalla_id, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${district.sql} GROUP BY 1)
       SELECT m.id, coalesce(c.n, 0)::INTEGER AS n, (coalesce(c.n, 0) * 1000.0 / m.population)::DOUBLE AS rate
       FROM mahallas m LEFT JOIN c ON c.mahalla_id = m.id WHERE ${homeMahallas.sql} ORDER BY rate DESC, m.id`,
      { ...district.params, ...homeMahallas.params },
    ),
    db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${before.sql}`, before.params),
    db.all<{ category: string; count: number }>(
      `SELECT ${kind}::VARCHAR AS category, count(*)::INTEGER AS count FROM ${sel.table} WHERE ${now.sql} GROUP BY 1 ORDER BY 2 DESC, 1`,
      now.params,
    ),
    // Every month of the data period, zero where nothing happened, so the sparkline's time axis is honest.
    db.all<{ month: string; count: number }>(
      `WITH months AS (SELECT unnest(generate_series(date_trunc('month', $start::DATE), $last::DATE, INTERVAL 1 MONTH)) AS m),
       c AS (SELECT month AS m, sum(n)::INTEGER AS n FROM ${months} WHERE ${always.sql} GROUP BY 1)
       SELECT strftime(months.m, '%Y-%m') AS month, coalesce(c.n, 0)::INTEGER AS count
       FROM months LEFT JOIN c ON c.m = months.m ORDER BY 1`,
      { ...always.params, start: data.start, last: addDays(data.end, -1) },
    ),
    db.columns<{ d: number; h: number; n: number }>(
      `SELECT (isodow(ts) - 1)::INTEGER AS d, hour(ts)::INTEGER AS h, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${now.sql} GROUP BY ALL`,
      now.params,
    ),
  ]);
  const weekHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  cells.n.forEach((n, k) => {
    const row = weekHour[cells.d[k] ?? 0];
    if (row) row[cells.h[k] ?? 0] = n;
  });
  const rankIndex = ranked.findIndex((r) => r.id === id);
  const mine = ranked[rankIndex];
  const { inspectorId, inspectorName, rank, basePoint, inspectorMahallas, ...rest } = m;
  return {
    ...rest,
    inspector:
      inspectorId !== null && inspectorName !== null
        ? {
            id: inspectorId,
            name: sel.access.persons ? inspectorName : null,
            rank: sel.access.persons ? (rank ?? '') : null,
            mahallas: inspectorMahallas ?? 0,
            basePoint: basePoint ?? '',
          }
        : null,
    period,
    previous,
    count: mine?.n ?? 0,
    prev: prevRow?.n ?? 0,
    rate: Math.round((mine?.rate ?? 0) * 100) / 100,
    districtRank: rankIndex + 1,
    districtMahallas: ranked.length,
    byCategory,
    trend,
    weekHour,
  };
}
