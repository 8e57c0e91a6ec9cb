// Records per mahalla and time bin over every mahalla (the study area of the emerging hot spots and the space-time
// scan), as three typed columns: from the weekly counts when the weeks fall on their grid, else from the records.
import type { Db } from '../../db/database.ts';
import { WEEK_TABLES, weeklyGrid } from '../../db/aggregates.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { and, timeWindow } from '../../selection/window.ts';

export type Bin = 'week' | 'month';

/** Grouped counts: mahalla id, bin index (0 = the bin starting on `first`), records. */
export type BinCounts = Record<'id' | 'k' | 'n', Int32Array>;

/**
 * The selection's records (its filters, not its area) from `first` to the period's last day, by mahalla and bin.
 * `from` says where they were counted: 'weeks' (data/schema.sql *_weeks) or 'records'.
 * @example const { rows } = await binCounts(db, sel, 'week', '2023-11-05'); // rows.id, rows.k, rows.n
 */
export async function binCounts(
  db: Db,
  sel: Selection,
  bin: Bin,
  first: string,
  opts: { aggregates?: boolean } = {},
): Promise<{ rows: BinCounts; from: 'weeks' | 'records' }> {
  const period = { from: first, to: sel.period.to };
  if (bin === 'week' && (opts.aggregates ?? true) && (await weeklyGrid(db, first))) {
    // ≈ 1.4 M stored rows nationally, already grouped by week: no timestamp arithmetic over 10 M records.
    const w = and(timeWindow(period, { col: 'week', type: 'DATE' }), sel.filter);
    const rows = await db.ints<'id' | 'k' | 'n'>(
      `SELECT mahalla_id AS id, (date_diff('day', $first::DATE, week) // 7)::INTEGER AS k, sum(n)::INTEGER AS n
       FROM ${WEEK_TABLES[sel.source]} WHERE ${w.sql} GROUP BY ALL`,
      { ...w.params, first },
    );
    return { rows, from: 'weeks' };
  }
  const w = recordsWhere(sel, { period, area: false, mahalla: false });
  const rows = await db.ints<'id' | 'k' | 'n'>(
    `SELECT mahalla_id AS id,
            (CASE WHEN $bin = 'week' THEN date_diff('day', $first::TIMESTAMP, ts) // 7
                  ELSE date_diff('month', $first::TIMESTAMP, ts) END)::INTEGER AS k,
            count(*)::INTEGER AS n
     FROM ${sel.table} WHERE ${w.sql} GROUP BY ALL`,
    { ...w.params, bin, first },
  );
  return { rows, from: 'records' };
}
