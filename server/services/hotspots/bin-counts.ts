// Records per mahalla and time bin over every mahalla (the study area of the emerging hot spots and the space-time
// scan), as three typed columns or the emerging statistics' cube: from the weekly counts when the weeks fall on their
// grid, else from the records.
import type { Db } from '../../db/database.ts';
import { weeklyGrid } from '../../db/aggregates.ts';
import { passTable, weekColumns, weekCounts, weekCubeInto, weekNumber } from '../../db/week-columns.ts';
import { countCube } from '../../stats/space-time.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { mask } from '../../selection/record-filter.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../contract/catalog.ts';

export type Bin = 'week' | 'month';

/** Grouped counts: mahalla id, bin index (0 = the bin starting on `first`), records. */
export type BinCounts = Record<'id' | 'k' | 'n', Int32Array>;

/** Whether the bins are weeks on the stored weekly grid (and the weekly counts are to be used). */
async function fromWeeks(db: Db, bin: Bin, first: string, opts: { aggregates?: boolean }): Promise<boolean> {
  return bin === 'week' && (opts.aggregates ?? true) && (await weeklyGrid(db, first));
}

/** The weekly columns' pass table of the selection's two filters. */
function passOf(sel: Selection): Uint8Array {
  return sel.source === 'incidents'
    ? passTable(mask(sel.categories, INCIDENT_CATEGORIES), mask(sel.statuses, INCIDENT_STATUSES))
    : passTable(mask(sel.registries, REGISTRIES), mask(sel.receivers, RECEIVERS));
}

/**
 * The same counts laid out as the emerging statistics read them, bin-major over `unitIds` (countCube's byBin layout),
 * into `into` (zeros, nBins × units): from the weekly columns straight into each slice, or else from binCounts' rows.
 * @example await binCubeInto(db, sel, 'week', '2023-11-05', ids, 156, new Float64Array(156 * ids.length));
 */
export async function binCubeInto(
  db: Db,
  sel: Selection,
  bin: Bin,
  first: string,
  unitIds: readonly number[],
  nBins: number,
  into: Float64Array,
): Promise<{ cube: Float64Array; from: 'weeks' | 'records' }> {
  if (await fromWeeks(db, bin, first, {}))
    return {
      cube: weekCubeInto(await weekColumns(db, sel.source), passOf(sel), weekNumber(first), nBins, unitIds, into),
      from: 'weeks',
    };
  const { rows, from } = await binCounts(db, sel, bin, first);
  return { cube: countCube(unitIds, rows.id, rows.k, rows.n, nBins, true, into), from };
}

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
  if (await fromWeeks(db, bin, first, opts)) {
    // ≈ 7.2 M stored rows nationally, already counted by week, kept in memory as columns (week-columns.ts): no
    // timestamp arithmetic over 10 M records, and no SQL GROUP BY per ask either.
    const rows = weekCounts(await weekColumns(db, sel.source), passOf(sel), weekNumber(first), weekNumber(period.to));
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
