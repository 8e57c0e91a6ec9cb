// Places records again in new mahalla polygons, testing only those a changed boundary could move: records of a retired
// mahalla, and records in a grid cell a changed polygon's box touches. This relies on what every writer of records
// keeps true: a record lies in its mahalla's polygon, or in none (then its mahalla remains from an earlier placing). Points are streamed as typed arrays in batches of 2^20,
// located through the PolygonIndex, and the moved rows written back through a staging table in one UPDATE.
import type { DuckDBConnection } from '@duckdb/node-api';
import { bindings, type Params } from '../../../server/db/database.ts';
import { streamTyped } from '../../../server/db/typed-columns.ts';
import type { PolygonIndex } from '../../../server/geo/polygon-index.ts';
import { boxCells, CELL_SQL, type BoundaryChanges } from './changes.ts';

/** The new polygons: their index, the mahalla id of each, and their centres (lon, lat) for records in none. */
export interface Target {
  index: PolygonIndex;
  ids: Int32Array;
  cLon: Float64Array;
  cLat: Float64Array;
}

export interface Reassigned {
  /** Records now in another mahalla. */
  moved: number;
  /**
   * Tested records in no new polygon: kept in their mahalla when it remains, else given the nearest centre's (strays
   * where nothing changed are not tested, so not counted).
   */
  outside: number;
  /** Records tested (the others cannot have moved). */
  tested: number;
  /** Mahalla ids that records left or joined, sorted. */
  touched: number[];
}

/** Index of the centre nearest to (x, y) (equirectangular at Uzbekistan's latitude; used only for strays). */
function nearest(t: Target, x: number, y: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < t.cLon.length; i++) {
    const dx = (t.cLon[i]! - x) * 0.75;
    const dy = t.cLat[i]! - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** A growable Int32Array. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

const run = async (con: DuckDBConnection, sql: string, params?: Params): Promise<void> =>
  void (await con.run(sql, ...bindings(params)));

/**
 * Which records of `table` to test: all with a point when `changes` is null (a first import, or most polygons
 * changed), else those of a retired mahalla or in a changed cell (temporary tables `reassign_ids`, `reassign_cells`).
 */
async function candidates(con: DuckDBConnection, changes: BoundaryChanges | null): Promise<string> {
  const point = 'lon IS NOT NULL AND lat IS NOT NULL';
  const cells = changes && boxCells(changes.boxes);
  if (!changes || !cells) return point;
  await run(con, 'CREATE OR REPLACE TEMP TABLE reassign_ids AS SELECT unnest($ids::INTEGER[]) AS id', {
    ids: [...changes.ids],
  });
  await run(con, 'CREATE OR REPLACE TEMP TABLE reassign_cells AS SELECT unnest($cells::BIGINT[]) AS k', { cells });
  return `${point} AND (mahalla_id IN (SELECT id FROM reassign_ids) OR ${CELL_SQL} IN (SELECT k FROM reassign_cells))`;
}

/**
 * Places the records of `table` (with lon, lat, mahalla_id) in the target polygons and writes those whose mahalla
 * changed, on `con` (inside the caller's transaction). With `changes`, only records that a change could move are read.
 *
 * @example
 * const r = await reassignTable(con, 'incidents', target, changes); // { moved: 5514, outside: 0, tested: 402113 }
 */
export async function reassignTable(
  con: DuckDBConnection,
  table: string,
  t: Target,
  changes: BoundaryChanges | null,
): Promise<Reassigned> {
  const where = await candidates(con, changes);
  const current = new Set(t.ids);
  const rows = new Ints();
  const to = new Ints();
  const touched = new Set<number>();
  let outside = 0;
  let at = new Int32Array(0);
  const tested = await streamTyped(
    con,
    `SELECT rowid::INTEGER AS r, lon, lat, mahalla_id AS m FROM ${table} WHERE ${where}`,
    undefined,
    (b) => {
      const { r, m } = b.ints as { r: Int32Array; m: Int32Array };
      const { lon, lat } = b.doubles as { lon: Float64Array; lat: Float64Array };
      if (at.length < b.length) at = new Int32Array(lon.length);
      t.index.locateMany(lon.subarray(0, b.length), lat.subarray(0, b.length), at);
      for (let i = 0; i < b.length; i++) {
        const old = m[i]!;
        let next: number;
        if (at[i]! >= 0) next = t.ids[at[i]!]!;
        else {
          outside++;
          next = current.has(old) ? old : t.ids[nearest(t, lon[i]!, lat[i]!)]!;
        }
        if (next === old) continue;
        touched.add(old).add(next);
        rows.push(r[i]!);
        to.push(next);
      }
    },
  );
  if (rows.length > 0) {
    await con.run('CREATE OR REPLACE TEMP TABLE reassign_moves (r INTEGER, m INTEGER)');
    const ap = await con.createAppender('reassign_moves');
    for (let i = 0; i < rows.length; i++) {
      ap.appendInteger(rows.data[i]!);
      ap.appendInteger(to.data[i]!);
      ap.endRow();
    }
    ap.closeSync();
    await con.run(`UPDATE ${table} SET mahalla_id = v.m FROM reassign_moves v WHERE ${table}.rowid = v.r`);
    await con.run('DROP TABLE reassign_moves');
  }
  return { moved: rows.length, outside, tested, touched: [...touched].sort((a, b) => a - b) };
}
