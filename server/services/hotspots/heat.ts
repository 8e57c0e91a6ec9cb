// The heat map at national and regional zoom: records counted per H3 cell in the database, sent as the cells' centres
// with their weights (12 bytes a cell) instead of every record's point (8 bytes a record, 7 MB nationally for 90 days).
import { cellToLatLng } from 'h3-js';
import type { Bbox } from '../../contract/heat.ts';
import type { Db } from '../../db/database.ts';
import { h3KeyCell } from '../../geo/h3-bits.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import { and, type SqlPart } from '../../selection/window.ts';
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

/** Mean edge of an H3 cell in km by resolution (h3geo.org, "Tables of cell statistics"): 3–8 are served. */
const EDGE_KM = [1281.3, 483.1, 182.5, 68.98, 26.07, 9.854, 3.725, 1.406, 0.531];

/**
 * The records that may lie in a cell whose centre is in `box`: those within the box grown by three mean edges of a
 * cell (a record is at most one circumradius, i.e. one edge, from its cell's centre, and the largest cells of a
 * resolution are under twice the mean). A cheap prefilter on the records' own points; the cells are then kept by their
 * centre exactly.
 */
function nearBox(box: Bbox, res: number): SqlPart {
  const padLat = (3 * (EDGE_KM[res] ?? 1300)) / 111;
  const maxLat = Math.min(89, Math.max(Math.abs(box.south), Math.abs(box.north)) + padLat);
  const padLon = padLat / Math.cos((maxLat * Math.PI) / 180);
  return {
    sql: 'lon >= $bw AND lon <= $be AND lat >= $bs AND lat <= $bn',
    params: { bw: box.west - padLon, be: box.east + padLon, bs: box.south - padLat, bn: box.north + padLat },
  };
}

const inBox = (box: Bbox, lon: number, lat: number): boolean =>
  lon >= box.west && lon < box.east && lat >= box.south && lat < box.north;

/**
 * The selection's records per H3 cell of resolution `res` (3–8), only the cells whose centre lies in `box` when one is
 * given (the map's view: the country at resolution 7 is ≈ 0.9 MB, a region's view a fraction): aggregates, so any
 * asker who may read the map gets them (no record's location is finer than its cell). `withoutPoint` counts the whole
 * selection, box or not (such records have no place to be in or out of a box).
 * @example const { columns } = await getHeatBins(db, sel, 5); // columns.weight[i] records around (lon[i], lat[i])
 */
export async function getHeatBins(db: Db, sel: Selection, res: number, box?: Bbox): Promise<HeatBins> {
  const w = recordsWhere(sel);
  const k = cellKey(res);
  const near = box ? and(w, nearBox(box, res)) : w;
  // The cell key fits a DOUBLE exactly (≤ 52 bits at resolution ≤ 8): two numeric columns, no row objects.
  const [cells, [none]] = await Promise.all([
    db.columns<{ key: number; n: number }>(
      `SELECT (${k.sql})::DOUBLE AS key, count(*)::INTEGER AS n FROM ${sel.table}
       WHERE ${near.sql} AND h3 IS NOT NULL GROUP BY 1 ORDER BY 1`,
      { ...near.params, ...k.params },
    ),
    db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} AND h3 IS NULL`, w.params),
  ]);
  const lons: number[] = [];
  const lats: number[] = [];
  const weights: number[] = [];
  cells.key.forEach((key, i) => {
    const [y, x] = cellToLatLng(h3KeyCell(key, res));
    if (box && !inBox(box, x, y)) return;
    lons.push(x);
    lats.push(y);
    weights.push(cells.n[i] ?? 0);
  });
  const weight = Uint32Array.from(weights);
  return {
    meta: { res, records: weight.reduce((s, n) => s + n, 0), withoutPoint: none?.n ?? 0 },
    columns: { lon: Float32Array.from(lons), lat: Float32Array.from(lats), weight },
  };
}
