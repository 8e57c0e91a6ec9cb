// Record locations for the heat map, as packed Float32 lon/lat pairs (8 bytes a point, ≈ 0.6 m precision).
import type { Db } from '../../db/database.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';

/** Upper bound of points sent at once; beyond it the heat map would not change visibly. */
export const MAX_POINTS = 2_000_000;

/** Interleaved [lon0, lat0, lon1, lat1, …] of the selected records (at most MAX_POINTS, evenly thinned). */
export async function getRecordPoints(db: Db, sel: Selection): Promise<Float32Array<ArrayBuffer>> {
  const w = recordsWhere(sel);
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql}`, w.params);
  const keepOutOf = Math.max(1, Math.ceil((count?.n ?? 0) / MAX_POINTS));
  const cols = await db.columns<{ lon: number; lat: number }>(
    `SELECT lon, lat FROM ${sel.table} WHERE ${w.sql} AND (hash(id) % $keepOutOf) = 0`,
    { ...w.params, keepOutOf },
  );
  const out = new Float32Array(cols.lon.length * 2);
  for (let i = 0; i < cols.lon.length; i++) {
    out[2 * i] = cols.lon[i] ?? 0;
    out[2 * i + 1] = cols.lat[i] ?? 0;
  }
  return out;
}
