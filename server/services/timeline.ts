// Weekly totals over a selected period: the histogram under the time slider, and the steps playback walks through.
import type { Db } from '../db/database.ts';
import type { RangeFilter } from '../contract/api.ts';
import { recordFilter } from './incident-filter.ts';
import { nextDay } from './period.ts';
import { weekSteps } from '../contract/weeks.ts';

export interface Timeline {
  /** Week k covers from[k]..to[k] (inclusive); weeks start on the period's first day, the last may be shorter. */
  from: string[];
  to: string[];
  count: number[];
}

export async function getTimeline(db: Db, f: RangeFilter): Promise<Timeline> {
  const { table, sql: filter, params } = recordFilter(f);
  const weeks = weekSteps(f);
  const rows = await db.columns<{ k: number; n: number }>(
    `SELECT (date_diff('day', $from::DATE, ts::DATE) // 7)::INTEGER AS k, count(*)::INTEGER AS n
     FROM ${table}
     WHERE ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter}
       ${f.district ? 'AND mahalla_id IN (SELECT id FROM mahallas WHERE district_soato = $district)' : ''}
     GROUP BY k`,
    { from: f.from, end: nextDay(f.to), ...params, ...(f.district ? { district: f.district } : {}) },
  );
  const count = weeks.map(() => 0);
  rows.k.forEach((k, i) => {
    if (k >= 0 && k < count.length) count[k] = rows.n[i] ?? 0;
  });
  return { from: weeks.map((w) => w.from), to: weeks.map((w) => w.to), count };
}
