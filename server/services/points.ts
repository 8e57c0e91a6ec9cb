// Incident locations for the heat map, as packed Float32 lon/lat pairs (8 bytes a point, ≈ 0.6 m precision).
import type { Db } from '../db/database.ts';
import type { RangeFilter } from '../contract/api.ts';
import { recordFilter } from './incident-filter.ts';
import { nextDay } from './period.ts';

/** Upper bound of points sent at once; beyond it the heat map would not change visibly. */
export const MAX_POINTS = 2_000_000;

/** Interleaved [lon0, lat0, lon1, lat1, …] of the filtered records (incidents or applications) (at most MAX_POINTS, evenly thinned). */
export async function getIncidentPoints(db: Db, f: RangeFilter): Promise<Float32Array<ArrayBuffer>> {
  const { table, sql: filter, params: filterParams } = recordFilter(f);
  const cols = await db.columns<{ lon: number; lat: number }>(
    `SELECT i.lon, i.lat FROM ${table} i ${f.district ? 'JOIN mahallas m ON m.id = i.mahalla_id AND m.district_soato = $district' : ''}
     WHERE ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter}
     AND (hash(i.id) % $keepOutOf) = 0`,
    {
      from: f.from, end: nextDay(f.to), ...filterParams,
      keepOutOf: await thinning(db, f), ...(f.district ? { district: f.district } : {}),
    },
  );
  const out = new Float32Array(cols.lon.length * 2);
  for (let i = 0; i < cols.lon.length; i++) {
    out[2 * i] = cols.lon[i] ?? 0;
    out[2 * i + 1] = cols.lat[i] ?? 0;
  }
  return out;
}

async function thinning(db: Db, f: RangeFilter): Promise<number> {
  const { table, sql: filter, params: filterParams } = recordFilter(f);
  const [row] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM ${table} WHERE ts >= $from::TIMESTAMP AND ts < $end::TIMESTAMP AND ${filter}`,
    { from: f.from, end: nextDay(f.to), ...filterParams },
  );
  return Math.max(1, Math.ceil((row?.n ?? 0) / MAX_POINTS));
}
