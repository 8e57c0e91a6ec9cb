// The days the database covers, from its meta table: the reference "today" of plans and the edges of before/after windows.
import { perDb } from '../db/per-db.ts';

export interface DataPeriod {
  /** first day with data */
  start: string;
  /** the first day without data (exclusive end): the demo's "today", so its plans read the same whatever the clock says */
  end: string;
}

/** Read once per database: the meta table is written at build time only. */
export const dataPeriod = perDb(async (db): Promise<DataPeriod> => {
  const rows = await db.all<{ key: string; value: string }>(
    `SELECT key, value FROM meta WHERE key IN ('period_start', 'period_end')`,
  );
  const kv = new Map(rows.map((r) => [r.key, r.value]));
  return { start: kv.get('period_start') ?? '2023-11-01', end: kv.get('period_end') ?? '2026-11-01' };
});
