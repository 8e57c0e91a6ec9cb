// Places the checked rows of a bulk import (bulk.ts) column by column: lon, lat, mahalla code index and day come out of
// DuckDB as typed arrays a million rows at a time, are joined by the PolygonIndex, flagged (quality.ts) and given their
// H3 cells on two worker threads while the next million is read; mahalla ids and cells go back as data chunks into
// `import_placed`. The same rules and messages as place.ts appendBatch, which places the row-by-row path.
import type { DuckDBConnection, DuckDBVector } from '@duckdb/node-api';
import { H3Pool } from '../../server/geo/h3-pool.ts';
import { h3Halves, type H3Halves } from '../../server/geo/h3-bits.ts';
import { appendColumns, copyVector } from './columns.ts';
import type { PlaceContext } from './place.ts';
import { BEFORE_START, flagRows, FUTURE, ON_CENTROID, OUTSIDE } from './quality.ts';
import { IN_NO_MAHALLA, NO_SUCH_MAHALLA, otherMahalla, type Said } from './report.ts';

/** Rows joined at once: PolygonIndex's cache-sized batch (1 Mi), ≈ 30 MB of arrays per batch in flight. */
const BATCH = 1 << 20;
/** Rows from which the H3 cells are computed on two worker threads. */
const WORKERS_FROM = 1 << 18;
/** Examples kept per finding (place.ts QualityTally). */
const EXAMPLES = 20;

/** A refused row: its line, and the column, value and reason of its problem (report.ts). */
export type PlaceReject = [line: number, column: string, value: string, why: Said];

interface Rows {
  n: number;
  line: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** index of the row's mahalla code in places.codes; -1 no code, -2 a code no mahalla has */
  code: Int32Array;
  day: Int32Array;
}
const rowsOf = (size: number): Rows => ({
  n: 0,
  line: new Int32Array(size),
  lon: new Float64Array(size),
  lat: new Float64Array(size),
  code: new Int32Array(size),
  day: new Int32Array(size),
});

/**
 * Places the rows of `import_checked` that passed (`ok`), in line order, into `import_placed` (line, mahalla id, H3
 * halves); returns the refused rows in line order. `seen(rows)` is told after each batch.
 */
export async function placeChecked(
  con: DuckDBConnection,
  ctx: PlaceContext,
  time: string,
  total: number,
  seen: (rows: number) => void,
): Promise<{ good: number; rejects: PlaceReject[] }> {
  const { places } = ctx;
  await con.run('CREATE OR REPLACE TEMP TABLE import_codes (code VARCHAR, idx INTEGER)');
  const codes = await con.createAppender('import_codes');
  places.codes.forEach((c, i) => (codes.appendVarchar(c), codes.appendInteger(i), codes.endRow()));
  codes.closeSync();
  await con.run(
    'CREATE OR REPLACE TEMP TABLE import_placed (line INTEGER, mahalla INTEGER, h3_hi UINTEGER, h3_lo UINTEGER)',
  );
  const out = await con.createAppender('import_placed');
  // A worker takes ≈ 1 s to start under tsx: below a few hundred thousand rows this thread is quicker alone.
  const pools = total >= WORKERS_FROM ? await Promise.all([H3Pool.open(), H3Pool.open()]) : null;
  const cellsOf = (lons: Float64Array, lats: Float64Array, k: 0 | 1): Promise<H3Halves> =>
    pools ? pools[k].cells(lons, lats) : Promise.resolve(h3Halves(lons, lats));
  const rejects: PlaceReject[] = [];
  /** Time texts of the first examples of future and early records, and the texts of unknown codes, by line. */
  const texts = new Map<number, string>();
  let [future, early, good, done] = [0, 0, 0, 0];
  // One query per window of a million lines, read whole before anything is appended: an appender on the
  // connection would end a streamed result (the stage tables are temporary, so this one connection must do both).
  const query = `SELECT c.line::INTEGER, coalesce(c.lon, 'NaN'::DOUBLE), coalesce(c.lat, 'NaN'::DOUBLE),
       CASE WHEN c.mahalla_code IS NULL THEN -1 ELSE coalesce(m.idx, -2) END::INTEGER, coalesce(c.day, 0)::INTEGER,
       c.${time}, CASE WHEN m.idx IS NULL THEN c.mahalla_code END
     FROM import_checked c LEFT JOIN import_codes m ON m.code = c.mahalla_code
     WHERE c.ok AND c.line >= $from AND c.line < $to ORDER BY c.line`;
  let prev: { batch: Rows; decided: Int32Array; cells: Promise<[H3Halves, H3Halves]> } | undefined;
  const writePrev = async (): Promise<void> => {
    if (!prev) return;
    good += write(out, prev.batch, prev.decided, await prev.cells, places.ids);
    done += prev.batch.n;
    seen(done);
    prev = undefined;
  };
  try {
    // Lines run from 2 (the header is line 1) to total + 1.
    for (let from = 2; from < total + 2; from += BATCH) {
      const result = await con.run(query, { from, to: from + BATCH });
      const rows = rowsOf(BATCH);
      for (let k = 0; k < result.chunkCount; k++) {
        const chunk = result.getChunk(k);
        const n = chunk.rowCount;
        const v = (c: number): DuckDBVector => chunk.getColumnVector(c);
        copyVector(v(0), n, rows.line, rows.n, 0);
        copyVector(v(1), n, rows.lon, rows.n, NaN);
        copyVector(v(2), n, rows.lat, rows.n, NaN);
        copyVector(v(3), n, rows.code, rows.n, -1);
        copyVector(v(4), n, rows.day, rows.n, 0);
        // The texts examples and messages need, read only for the rows that need them.
        for (let i = 0; i < n; i++) {
          const at = rows.n + i;
          const d = rows.day[at]!;
          const wanted =
            (d > ctx.today && future++ < EXAMPLES) || (d <= ctx.today && d < ctx.startDay && early++ < EXAMPLES);
          if (wanted) texts.set(rows.line[at]!, String(v(5).getItem(i)));
          if (rows.code[at] === -2) texts.set(-rows.line[at]!, String(v(6).getItem(i)));
        }
        rows.n += n;
      }
      if (rows.n === 0) continue;
      const lonPt = rows.lon.subarray(0, rows.n).map((x) => (Number.isNaN(x) ? 0 : x));
      const latPt = rows.lat.subarray(0, rows.n).map((x) => (Number.isNaN(x) ? 0 : x));
      const half = rows.n >> 1;
      const cells = Promise.all([
        cellsOf(lonPt.subarray(0, half), latPt.subarray(0, half), 0),
        cellsOf(lonPt.subarray(half), latPt.subarray(half), 1),
      ]);
      const decided = decide(rows, ctx, texts, rejects);
      await writePrev();
      prev = { batch: rows, decided, cells };
    }
    await writePrev();
  } finally {
    out.closeSync();
    await Promise.all((pools ?? []).map((p) => p.close()));
  }
  return { good, rejects };
}

/** Each row's mahalla index (-1: refused) after the join, the rules of place.ts and the quality tally. */
function decide(b: Rows, ctx: PlaceContext, texts: Map<number, string>, rejects: PlaceReject[]): Int32Array {
  const { places, tally } = ctx;
  const n = b.n;
  const lon = b.lon.subarray(0, n);
  const lat = b.lat.subarray(0, n);
  const m = places.index.locateMany(lon, lat);
  for (let i = 0; i < n; i++) if (Number.isNaN(lon[i]!)) m[i] = -1;
  const flags = flagRows(
    { lon, lat, mahalla: m, day: b.day.subarray(0, n) },
    { cLon: places.cLon, cLat: places.cLat, startDay: ctx.startDay, today: ctx.today },
  );
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const line = b.line[i]!;
    const point = !Number.isNaN(lon[i]!);
    const f = flags[i]!;
    const code = b.code[i]!;
    if (f !== 0) {
      const where = `${lon[i]}, ${lat[i]}`;
      if (f & OUTSIDE) tally.note(tally.outside, line, where);
      if (f & ON_CENTROID) tally.note(tally.onCentroid, line, `${where} (mahalla ${places.codes[m[i]!]})`);
      if (f & FUTURE) tally.note(tally.future, line, texts.get(line) ?? '');
      if (f & BEFORE_START) tally.note(tally.beforeStart, line, texts.get(line) ?? '');
    }
    at[i] = point ? m[i]! : code;
    if (code === -2) rejects.push([line, 'mahalla_code', texts.get(-line) ?? '', NO_SUCH_MAHALLA]);
    else if (point && m[i]! < 0) rejects.push([line, 'lon/lat', `${lon[i]}, ${lat[i]}`, IN_NO_MAHALLA]);
    else if (point && code >= 0 && code !== m[i]) {
      const c = places.codes[code]!;
      rejects.push([line, 'mahalla_code', c, otherMahalla(c, places.codes[m[i]!] ?? '')]);
    } else {
      if (!point) tally.withoutPoint++;
      continue;
    }
    at[i] = -1;
  }
  return at;
}

/** Appends the placed rows of a batch (mahalla index ≥ 0) to `import_placed`; returns how many. */
function write(
  out: Parameters<typeof appendColumns>[0],
  b: Rows,
  at: Int32Array,
  cells: [H3Halves, H3Halves],
  mahallaIds: Int32Array,
): number {
  const half = b.n >> 1;
  const line = new Int32Array(b.n);
  const ids = new Int32Array(b.n);
  const hi = new Uint32Array(b.n);
  const lo = new Uint32Array(b.n);
  hi.set(cells[0].hi);
  hi.set(cells[1].hi, half);
  lo.set(cells[0].lo);
  lo.set(cells[1].lo, half);
  let k = 0;
  for (let i = 0; i < b.n; i++) {
    const m = at[i]!;
    if (m < 0) continue;
    line[k] = b.line[i]!;
    ids[k] = mahallaIds[m]!;
    hi[k] = hi[i]!;
    lo[k] = lo[i]!;
    k++;
  }
  appendColumns(out, ['INTEGER', 'INTEGER', 'UINTEGER', 'UINTEGER'], [line, ids, hi, lo], k);
  return k;
}
