// The emerging hot spots every user opens with, computed ahead (server/services/warm.ts runs it after the server starts
// and after each committed import), so the first national ask is answered from the kept statistics instead of ≈ 1–2 s
// of work, one ask at a time, outside any request (no deadline, no heavy-gate permit, nothing awaited by startup).
import type { Db } from '../../db/database.ts';
import { select, type SelectionInput } from '../../selection/select.ts';
import { addDays, defaultRange } from '../../shared/period.ts';
import { dataPeriod } from '../data-period.ts';
import { getEmerging } from './emerging.ts';

/**
 * The asks kept warm, all records of every category and status (their statistics serve every district, whose area
 * only narrows the answer): the default view of every page (the last 90 days of data) and the whole data period.
 * @example await defaultEmergingAsks(db); // [{ from: '2026-08-03', to: '2026-10-31' }, { from: '2023-11-01', to: '2026-10-31' }]
 */
export async function defaultEmergingAsks(db: Db): Promise<SelectionInput[]> {
  const { start, end } = await dataPeriod(db);
  const last = addDays(end, -1);
  return [defaultRange(last), { from: start, to: last }];
}

/**
 * Computes the default asks' statistics into getEmerging's cache, one after the other; resolves with how many were
 * computed. A failure (the database closing under it) only leaves the cache cold.
 * @example await warmEmerging(db); // 2
 */
export async function warmEmerging(db: Db): Promise<number> {
  let done = 0;
  for (const ask of await defaultEmergingAsks(db)) {
    await getEmerging(db, await select(db, ask), 'week');
    done++;
  }
  return done;
}
