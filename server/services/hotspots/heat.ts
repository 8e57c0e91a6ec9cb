// The heat map at national and regional zoom: records counted per H3 cell in the database, sent as the cells' centres
// with their weights (12 bytes a cell) instead of every record's point (8 bytes a record, 7 MB nationally for 90 days).
import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/database.ts';
import { h3KeyCell } from '../../geo/h3-bits.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { cellKey } from './hexagons.ts';

export interface HeatBins {
  meta: {
    res: number;
    /** records counted in the cells, and selected records without a point (imported with only a mahalla code) */
    records: number;
    withoutPoint: number;
  };
  /** One entry per non-empty cell: its centre (WGS84 lon, lat degrees) and its records. */
  columns: { lon: Float32Array<ArrayBuffer>; lat: Float32Array<ArrayBuffer>; weight: Uint32Array<ArrayBuffer> };
}

/**
 * The selection's records per H3 cell of resolution `res` (3–8): aggregates, so any asker who may read the map gets
 * them (no record's location is finer than its cell).
 * @example const { columns } = await getHeatBins(db, sel, 5); // columns.weight[i] records around (lon[i], lat[i])
 */
export async function getHeatBins(db: Db, sel: Selection, res: number): Promise<HeatBins> {
  const w = recordsWhere(sel);
  const k = cellKey(res);
  // The cell key fits a DOUBLE exactly (≤ 52 bits at resolution ≤ 8): two numeric columns, no row objects.
  const [cells, [none]] = await Promise.all([
    db.columns<{ key: number; n: number }>(
      `SELECT (${k.sql})::DOUBLE AS key, count(*)::INTEGER AS n FROM ${sel.table}
       WHERE ${w.sql} AND h3 IS NOT NULL GROUP BY 1 ORDER BY 1`,
      { ...w.params, ...k.params },
    ),
    db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} AND h3 IS NULL`, w.params),
  ]);
  const lon = new Float32Array(cells.key.length);
  const lat = new Float32Array(cells.key.length);
  const weight = Uint32Array.from(cells.n);
  cells.key.forEach((key, i) => {
    const [y, x] = cellToLatLng(h3KeyCell(key, res));
    lon[i] = x;
    lat[i] = y;
  });
  return {
    meta: { res, records: weight.reduce((s, n) => s + n, 0), withoutPoint: none?.n ?? 0 },
    columns: { lon, lat, weight },
  };
}
