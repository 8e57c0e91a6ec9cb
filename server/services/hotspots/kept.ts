// The map's per-mahalla figures and weekly timeline kept for the asks most recently made, and computed ahead for the
// first screen every user opens (server/services/warm.ts): nationally each is a scan of ≈ 2 M records, 0.3–0.5 s of
// the first screen's wait on a server just started (issue 15), and a district's morning asks repeat one another.
import type { Db } from '../../db/database.ts';
import { keptPerDb } from '../../db/kept.ts';
import { select, type Selection } from '../../selection/select.ts';
import { addDays, defaultRange, type Comparison } from '../../shared/period.ts';
import { dataPeriod } from '../data-period.ts';
import { getMetrics } from './metrics.ts';
import { getTimeline } from './timeline.ts';

/** Asks kept per database and route: a few districts' default views and their last filter changes. */
const KEEP = 8;

/**
 * What a map answer depends on: the records (source, filters, period) and the area, not who asks or how the URL spelled
 * it (the asker's access is decided before and changes nothing in these answers).
 * @example selectionKey(await select(db, { from: '2026-08-03', to: '2026-10-31' })) // '["incidents",{"from":…},…]'
 */
export const selectionKey = (s: Selection): string =>
  JSON.stringify([s.source, s.period, s.categories, s.statuses, s.registries, s.receivers, s.area, s.mahalla]);

/** getMetrics, kept (server/db/kept.ts). */
export const keptMetrics = keptPerDb(
  ([sel, compare]: readonly [Selection, Comparison]) => `${compare}|${selectionKey(sel)}`,
  (db, [sel, compare]) => getMetrics(db, sel, compare),
  KEEP,
);

/** getTimeline, kept (server/db/kept.ts). */
export const keptTimeline = keptPerDb(selectionKey, getTimeline, KEEP);

/**
 * The hot-spot map's first ask: every record of the last 90 days of data over the whole database, compared with the
 * previous period (what web/queries/range.ts asks with no filter in the link; a district's user asks for their
 * district, computed on their first ask).
 * @example await firstScreenAsk(db) // { period: { from: '2026-08-03', to: '2026-10-31' }, area: { kind: 'all' }, … }
 */
export async function firstScreenAsk(db: Db): Promise<Selection> {
  const { end } = await dataPeriod(db);
  return select(db, defaultRange(addDays(end, -1)));
}

/**
 * Computes the first screen's figures and timeline into the kept answers.
 * @example await warmFirstScreen(db);
 */
export async function warmFirstScreen(db: Db): Promise<void> {
  const sel = await firstScreenAsk(db);
  await keptMetrics(db, [sel, 'previous']);
  await keptTimeline(db, sel);
}
