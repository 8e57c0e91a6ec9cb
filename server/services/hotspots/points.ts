// Record locations for the heat map, as packed Float32 lon/lat pairs (8 bytes a point, ≈ 0.6 m precision). An asker
// who may not see exact locations gets each record at the centre of its H3 cell of resolution 8 (≈ 0.7 km², edge
// ≈ 460 m) instead: the same heat map at district zoom, no address.
import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/database.ts';
import { h3KeyCell } from '../../geo/h3-bits.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { cellKey } from './hexagons.ts';

/** Upper bound of points sent at once; beyond it the heat map would not change visibly. */
export const MAX_POINTS = 2_000_000;

/** The resolution records are snapped to for askers without the `locations` capability. */
export const COARSE_RESOLUTION = 8;

/**
 * Interleaved [lon0, lat0, lon1, lat1, …] of the selected records that have a point (at most MAX_POINTS, evenly
 * thinned), and how many selected records have none (imported with only a mahalla code: not drawn).
 */
export async function getRecordPoints(
  db: Db,
  sel: Selection,
): Promise<{ points: Float32Array<ArrayBuffer>; withoutPoint: number }> {
  const w = recordsWhere(sel);
  const [count] = await db.all<{ n: number; none: number }>(
    `SELECT count(*) FILTER (WHERE h3 IS NOT NULL)::INTEGER AS n, count(*) FILTER (WHERE h3 IS NULL)::INTEGER AS none
     FROM ${sel.table} WHERE ${w.sql}`,
    w.params,
  );
  const withoutPoint = count?.none ?? 0;
  const keepOutOf = Math.max(1, Math.ceil((count?.n ?? 0) / MAX_POINTS));
  if (!sel.access.locations) return { points: await cellCentres(db, sel, keepOutOf), withoutPoint };
  const cols = await db.columns<{ lon: number; lat: number }>(
    `SELECT lon, lat FROM ${sel.table} WHERE ${w.sql} AND h3 IS NOT NULL AND (hash(id) % $keepOutOf) = 0`,
    { ...w.params, keepOutOf },
  );
  const out = new Float32Array(cols.lon.length * 2);
  for (let i = 0; i < cols.lon.length; i++) {
    out[2 * i] = cols.lon[i] ?? 0;
    out[2 * i + 1] = cols.lat[i] ?? 0;
  }
  return { points: out, withoutPoint };
}

/** One point per (thinned) record at the centre of its cell. */
async function cellCentres(db: Db, sel: Selection, keepOutOf: number): Promise<Float32Array<ArrayBuffer>> {
  const w = recordsWhere(sel);
  const k = cellKey(COARSE_RESOLUTION);
  const cells = await db.columns<{ key: number; n: number }>(
    `SELECT (${k.sql})::DOUBLE AS key, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} AND h3 IS NOT NULL AND (hash(id) % $keepOutOf) = 0 GROUP BY 1`,
    { ...w.params, ...k.params, keepOutOf },
  );
  const out = new Float32Array(cells.n.reduce((s, n) => s + n, 0) * 2);
  let at = 0;
  cells.key.forEach((key, i) => {
    const [lat, lon] = cellToLatLng(h3KeyCell(key, COARSE_RESOLUTION));
    for (let j = 0; j < (cells.n[i] ?? 0); j++, at += 2) {
      out[at] = lon;
      out[at + 1] = lat;
    }
  });
  return out;
}
