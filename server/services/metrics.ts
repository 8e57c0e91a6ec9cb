// Per-mahalla incident counts and rates per 1,000 residents for a period, with the previous period beside them.
import type { Db } from '../db/database.ts';
import type { RangeFilter } from '../contract/api.ts';
import { nextDay, previousPeriod, type Period } from './period.ts';
import { INCIDENT_FILTER, incidentFilterParams } from './incident-filter.ts';

export interface MetricsResult {
  period: Period;
  previous: Period;
  categories: string[];
  statuses: string[];
  /** Columnar, one entry per mahalla in id order (compact for 9,400 mahallas). */
  ids: number[];
  count: number[];
  prev: number[];
  population: number[];
  /** per 1,000 residents, 2 decimals */
  rate: number[];
  prevRate: number[];
  totals: { count: number; prev: number; population: number };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;


export async function getMetrics(db: Db, f: RangeFilter): Promise<MetricsResult> {
  const period = { from: f.from, to: f.to };
  const previous = previousPeriod(period);
  const rows = await db.columns<{ id: number; n: number; p: number; population: number }>(
    `WITH c AS (
       SELECT mahalla_id,
              count(*) FILTER (WHERE ts >= $from)::INTEGER AS n,
              count(*) FILTER (WHERE ts < $from)::INTEGER AS p
       FROM incidents
       WHERE ts >= $pfrom::TIMESTAMP AND ts < $end::TIMESTAMP AND ${INCIDENT_FILTER}
       GROUP BY mahalla_id)
     SELECT m.id, coalesce(c.n, 0)::INTEGER AS n, coalesce(c.p, 0)::INTEGER AS p, m.population
     FROM mahallas m LEFT JOIN c ON c.mahalla_id = m.id
     WHERE $district IS NULL OR m.district_soato = $district
     ORDER BY m.id`,
    {
      from: f.from, end: nextDay(f.to), pfrom: previous.from,
      ...incidentFilterParams(f), district: f.district ?? null,
    },
  );
  const rate = rows.n.map((n, i) => round2((n * 1000) / Math.max(1, rows.population[i] ?? 1)));
  const prevRate = rows.p.map((p, i) => round2((p * 1000) / Math.max(1, rows.population[i] ?? 1)));
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    period, previous, categories: f.categories, statuses: f.statuses,
    ids: rows.id, count: rows.n, prev: rows.p, population: rows.population, rate, prevRate,
    totals: { count: sum(rows.n), prev: sum(rows.p), population: sum(rows.population) },
  };
}
