// The records the emerging (space-time) scan reads: counts per mahalla and whole week, the weeks ending on the
// period's last day, over every mahalla of the database (the study area).
import type { Db } from '../../db/database.ts';
import type { Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { addDays, lengthDays } from '../../shared/period.ts';
import { binCounts } from './bin-counts.ts';

/** Whole weeks ending on `to` (a leading part-week is left out, as the emerging hot spots do). */
export function wholeWeeks(p: { from: string; to: string }): { first: string; weeks: number } {
  const weeks = Math.floor(lengthDays(p) / 7);
  return { first: addDays(p.to, 1 - 7 * weeks), weeks };
}

/**
 * Records per mahalla and week, unit-major (counts[i × weeks + t], t = 0 the first week), aligned with
 * `mahallaColumns`.
 * @example const { counts, weeks } = await weeklyCounts(db, sel); spaceTimeScan(counts, weeks, w, opts)
 */
export async function weeklyCounts(
  db: Db,
  sel: Selection,
): Promise<{ counts: Int32Array; weeks: number; first: string }> {
  const { first, weeks } = wholeWeeks(sel.period);
  // From the weekly counts when the weeks are theirs (bin-counts.ts), typed columns either way.
  const [{ index, id }, { rows }] = await Promise.all([mahallaColumns(db), binCounts(db, sel, 'week', first)]);
  const counts = new Int32Array(id.length * weeks);
  rows.id.forEach((mahalla, r) => {
    const i = index.get(mahalla);
    const k = rows.k[r] ?? -1;
    if (i !== undefined && k >= 0 && k < weeks) counts[i * weeks + k] = rows.n[r] ?? 0;
  });
  return { counts, weeks, first };
}
