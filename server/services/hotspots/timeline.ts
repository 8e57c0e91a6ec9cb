// Weekly totals over a selected period: the histogram under the time slider, and the steps playback walks through.
import type { Db } from '../../db/database.ts';
import { daySums, heldByDaySums, weekTotals, type CountSource } from '../../db/day-sums.ts';
import { inArea, recordsWhere, type Selection } from '../../selection/select.ts';
import { weekSteps } from '../../shared/period.ts';

export interface Timeline {
  /** Week k covers from[k]..to[k] (inclusive); weeks start on the period's first day, the last may be shorter. */
  from: string[];
  to: string[];
  count: number[];
}

export async function getTimeline(db: Db, sel: Selection, source: CountSource = 'auto'): Promise<Timeline> {
  const weeks = weekSteps(sel.period);
  const frame = { from: weeks.map((w) => w.from), to: weeks.map((w) => w.to) };
  if (source === 'auto' && heldByDaySums(sel)) {
    // The whole database counts every record, as its SQL did; an area, its mahallas'.
    const keep = sel.mask === null ? null : (u: number) => inArea(sel, u);
    return { ...frame, count: weekTotals(await daySums(db, sel.source), sel.period, weeks.length, keep) };
  }
  const w = recordsWhere(sel);
  const rows = await db.columns<{ k: number; n: number }>(
    `SELECT (date_diff('day', $from::DATE, ts::DATE) // 7)::INTEGER AS k, count(*)::INTEGER AS n
     FROM ${sel.table} WHERE ${w.sql} GROUP BY k`,
    w.params,
  );
  const count = weeks.map(() => 0);
  rows.k.forEach((k, i) => {
    if (k >= 0 && k < count.length) count[k] = rows.n[i] ?? 0;
  });
  return { ...frame, count };
}
