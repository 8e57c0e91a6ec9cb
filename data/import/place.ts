// Places checked rows in mahallas: a point through the loader's PolygonIndex join, a row without a point through its
// mahalla code (it then counts for the mahalla but has no point: lon, lat and h3 stay NULL). Appends the placed rows
// to the stage and tallies the per-row quality flags (quality.ts) of each batch.
import type { DuckDBAppender } from '@duckdb/node-api';
import type { Db } from '../../server/db/database.ts';
import { flattenPolygons } from '../../server/geo/flat-polygons.ts';
import { h3Halves } from '../../server/geo/h3-bits.ts';
import { PolygonIndex } from '../../server/geo/polygon-index.ts';
import type { CsvRow } from './csv.ts';
import { implausible, toWgs84, type Crs } from './crs.ts';
import { BEFORE_START, dayNumber, flagRows, FUTURE, ON_CENTROID, OUTSIDE } from './quality.ts';
import { IN_NO_MAHALLA, NO_SUCH_MAHALLA, otherMahalla, type ProblemLog, type Said } from './report.ts';

/** The database's mahallas: polygon index, ids, codes and centroids, all by index. */
export interface Places {
  index: PolygonIndex;
  ids: Int32Array;
  codes: string[];
  byCode: Map<string, number>;
  cLon: Float64Array;
  cLat: Float64Array;
}

export async function loadPlaces(db: Db): Promise<Places> {
  const rows = await db.columns<{ id: number; code: string; lon: number; lat: number; geometry: string }>(
    'SELECT id, code, centroid_lon AS lon, centroid_lat AS lat, geometry FROM mahallas ORDER BY id',
  );
  if (rows.id.length === 0) throw new Error('the database holds no mahallas: import boundaries first');
  const flat = flattenPolygons(rows.geometry.map((g) => JSON.parse(g) as Parameters<typeof flattenPolygons>[0][0]));
  return {
    index: new PolygonIndex(flat),
    ids: Int32Array.from(rows.id),
    codes: rows.code,
    byCode: new Map(rows.code.map((c, i) => [c, i])),
    cLon: Float64Array.from(rows.lon),
    cLat: Float64Array.from(rows.lat),
  };
}

/** Good rows waiting for the join: their lines, coordinates (NaN: none), mahalla codes, days and other values. */
export class Batch {
  lines: number[] = [];
  lon: number[] = [];
  lat: number[] = [];
  code: Array<string | null> = [];
  day: number[] = [];
  fields: CsvRow['fields'][] = [];
  values: Array<Array<string | number | null>> = [];
}

/** Examples kept per quality finding. */
const EXAMPLES = 20;

interface Finding {
  records: number;
  examples: Array<{ row: number; value: string }>;
}
const finding = (): Finding => ({ records: 0, examples: [] });

/** Per-row findings of the quality report, summed over the batches. */
export class QualityTally {
  outside = finding();
  onCentroid = finding();
  future = finding();
  beforeStart = finding();
  withoutPoint = 0;

  note(f: Finding, row: number, value: string): void {
    f.records++;
    if (f.examples.length < EXAMPLES) f.examples.push({ row, value });
  }
}

export interface PlaceContext {
  /** the system of the file's coordinates when they are not WGS84 degrees (reprojected here), else null */
  crs: Crs | null;
  places: Places;
  problems: ProblemLog;
  tally: QualityTally;
  startDay: number;
  today: number;
  /** where the kind's time is among a row's values */
  timeAt: number;
}

/** Places the batch's rows and appends those that land in a mahalla; returns how many did. */
export function appendBatch(ap: DuckDBAppender, batch: Batch, ctx: PlaceContext): number {
  const { places, problems, tally } = ctx;
  const n = batch.lines.length;
  const lons = Float64Array.from(batch.lon);
  const lats = Float64Array.from(batch.lat);
  const wrong = ctx.crs ? reproject(lons, lats, ctx.crs) : new Map<number, Said>();
  const m = places.index.locateMany(lons, lats);
  const { hi, lo } = h3Halves(
    lons.map((v) => (Number.isNaN(v) ? 0 : v)),
    lats.map((v) => (Number.isNaN(v) ? 0 : v)),
  );
  for (let i = 0; i < n; i++) if (Number.isNaN(lons[i]!)) m[i] = -1;
  const flags = flagRows(
    { lon: lons, lat: lats, mahalla: m, day: Int32Array.from(batch.day) },
    { cLon: places.cLon, cLat: places.cLat, startDay: ctx.startDay, today: ctx.today },
  );
  let good = 0;
  for (let i = 0; i < n; i++) {
    const line = batch.lines[i]!;
    const point = !Number.isNaN(lons[i]!);
    const where = `${lons[i]}, ${lats[i]}`;
    const f = flags[i]!;
    if (f & OUTSIDE && !wrong.has(i)) tally.note(tally.outside, line, where);
    if (f & ON_CENTROID) tally.note(tally.onCentroid, line, `${where} (mahalla ${places.codes[m[i]!]})`);
    if (f & FUTURE) tally.note(tally.future, line, String(batch.values[i]![ctx.timeAt] ?? ''));
    if (f & BEFORE_START) tally.note(tally.beforeStart, line, String(batch.values[i]![ctx.timeAt] ?? ''));
    const code = batch.code[i] ?? null;
    const byCode = code === null ? undefined : places.byCode.get(code);
    let problem: [string, string, string | Said] | null = null;
    const misplaced = wrong.get(i);
    if (misplaced !== undefined) problem = ['x/y', `${batch.lon[i]}, ${batch.lat[i]}`, misplaced];
    else if (code !== null && byCode === undefined) problem = ['mahalla_code', code, NO_SUCH_MAHALLA];
    else if (point && m[i]! < 0) problem = ['lon/lat', where, IN_NO_MAHALLA];
    else if (point && byCode !== undefined && byCode !== m[i])
      problem = ['mahalla_code', code!, otherMahalla(code!, places.codes[m[i]!] ?? '')];
    if (problem) {
      problems.reject([problems.add(line, ...problem)], batch.fields[i]!);
      continue;
    }
    const at = point ? m[i]! : byCode!;
    if (!point) tally.withoutPoint++;
    ap.appendInteger(line);
    for (const v of batch.values[i]!) {
      if (v === null) ap.appendNull();
      else ap.appendVarchar(String(v));
    }
    if (point) {
      ap.appendDouble(lons[i]!);
      ap.appendDouble(lats[i]!);
    } else {
      ap.appendNull();
      ap.appendNull();
    }
    ap.appendInteger(places.ids[at]!);
    if (point) {
      ap.appendUInteger(hi[i]!);
      ap.appendUInteger(lo[i]!);
    } else {
      ap.appendNull();
      ap.appendNull();
    }
    ap.endRow();
    good++;
  }
  return good;
}

/**
 * Reprojects x/y in place to WGS84 lon/lat. A point that lands outside Uzbekistan (crs.ts implausible: the file is
 * not in the stated system) is set to 0, 0 and returned by row with why.
 */
function reproject(x: Float64Array, y: Float64Array, crs: Crs): Map<number, Said> {
  const to = toWgs84(crs);
  const wrong = new Map<number, Said>();
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]!)) continue;
    const [lon, lat] = to(x[i]!, y[i]!);
    const why = implausible(lon, lat, crs);
    if (why !== null) wrong.set(i, why);
    x[i] = why === null ? lon : 0;
    y[i] = why === null ? lat : 0;
  }
  return wrong;
}

/** The day number of a checked time value (`YYYY-MM-DD HH:MM:SS`). */
export const dayOf = (time: string | number | null): number => (typeof time === 'string' ? dayNumber(time) : 0);
