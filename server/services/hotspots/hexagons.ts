// Incident (or application) counts and hot and cold spots on H3 hexagons: each cell's k-ring tested with the exact
// binomial against constant risk given residents (apportioned to cells), the rule of the mahalla map.
// Counts come from the resolution-9 cell stored per incident, coarsened in SQL by bit masks (server/geo/h3-bits.ts).
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { memoAsync, perDb } from '../../db/per-db.ts';
import { coverCells, estimateCells, H3_MAX_CELLS, maxResolutionFor } from '../../geo/h3-area.ts';
import { h3CellKey, h3KeyCell, h3ParentMasks, h3UnusedBits } from '../../geo/h3-bits.ts';
import { areaOf, type StudyArea } from '../../geo/h3-study-area.ts';
import { runStat } from '../../stats/pool.ts';
import { districtSql } from '../../selection/area.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import type { SqlPart } from '../../selection/window.ts';
import { exactInference, significanceParams, tally, type SignificanceParams } from './hotspots.ts';
import type { RecordSource } from '../../contract/catalog.ts';
import type { TooFewRecords } from '../../contract/hotspots.ts';

/** Everything the result depends on, shown in the legend so a reader knows what was tested and on which cells. */
export interface HexagonParams extends SignificanceParams {
  support: 'h3';
  resolution: number;
  /** The finest resolution the study area allows (server/geo/h3-area.ts H3_MAX_CELLS): clients clamp zoom-picked ones to it. */
  maxResolution: number;
  weights: 'k-ring k=1, binary, self included';
  value: `${RecordSource} per cell neighbourhood`;
  /** Which cells were tested and which are returned. */
  studyArea: string;
}

export interface HexagonResult {
  params: HexagonParams;
  /**
   * Columnar, in cell order: the returned cells (those overlapping the chosen districts, or holding one of their
   * records) that hold a record or a significant bin; the empty, unremarkable rest (counted in `counts.units`) took part
   * in the test as zeros but has nothing to draw.
   */
  cells: string[];
  /** records in the cell, all of them (what its test counted as its own), also where it straddles a district border */
  count: number[];
  /** z-equivalent of the exact p, + for an excess */
  z: number[];
  /** two-sided exact p, before any FDR correction */
  p: number[];
  bin: number[];
  /** hot / cold cells and cells returned (zeros included), and the selection's records (incidents or applications) */
  /** records: those with a point; withoutPoint: those of the selection with only a mahalla code (not on the map) */
  counts: { hot: number; cold: number; units: number; records: number; withoutPoint: number };
  /** Returned cells significant at 90 % on their own p-value that the FDR correction makes not significant. */
  lostToFdr: number;
  /** Returned cells whose neighbourhood is significantly hot but which hold no record themselves: not coloured. */
  heldBack: number;
  /** Set when the study area has too few records for any cell to be significant: nothing is coloured. */
  tooFew: TooFewRecords | null;
}

/** A request the data cannot answer: too fine a resolution for the study area, or a database built before H3 cells. */
export interface HexagonRefusal {
  refused: 'too_fine' | 'stale_database';
  reason: string;
}

/** Mahalla area of the whole database, to size the study area before building it. */
const totalKm2 = perDb(async (db) => {
  const [row] = await db.all<{ km2: number }>('SELECT coalesce(sum(area_km2), 0)::DOUBLE AS km2 FROM mahallas');
  return row?.km2 ?? 0;
});

/** Databases built before the h3 column existed answer with a rebuild hint instead of a 500. */
const hasH3 = perDb(async (db) => {
  const [row] = await db.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'incidents' AND column_name = 'h3'",
  );
  return (row?.n ?? 0) > 0;
});

/** The study area's cells, weights and residents per database × resolution. */
const studyAreas = perDb((db) =>
  Promise.resolve(memoAsync((res: number) => loadStudyArea(db, res), new Map<number, Promise<StudyArea>>())),
);

/** Cells overlapping some districts per database × `districts|res`: which cells a district view returns. */
const districtCells = perDb((db) =>
  Promise.resolve(memoAsync((key: string) => loadDistrictCells(db, key), new Map<string, Promise<Set<number>>>())),
);

/** The SQL of a record's cell at a resolution as an h3CellKey: the stored resolution-9 cell coarsened by the parent masks, shifted past its unused digits. */
export function cellKey(res: number): SqlPart {
  const { clear, set } = h3ParentMasks(res);
  return {
    sql: '((h3 & $clear::UBIGINT) | $set::UBIGINT) >> $shift::INTEGER',
    params: { clear: clear.toString(), set: set.toString(), shift: h3UnusedBits(res) },
  };
}

/** Outlines (GeoJSON text) of some districts, or with `null` of every district that has mahallas. */
async function outlines(db: Db, districts: string[] | null): Promise<string[]> {
  const area = districtSql(districts, 'soato');
  // District outlines rather than their ≈ 9,400 mahallas: the demo mahallas tile them exactly, and at resolution 5 a
  // cell is larger than a mahalla anyway.
  const rows = await db.columns<{ g: string }>(
    `SELECT geometry AS g FROM districts WHERE soato IN (SELECT DISTINCT district_soato FROM mahallas) AND ${area.sql} ORDER BY soato`,
    area.params,
  );
  return rows.g;
}

async function loadDistrictCells(db: Db, key: string): Promise<Set<number>> {
  const [list = '', resText = ''] = key.split('|');
  const res = Number(resText);
  const polygons = (await outlines(db, list.split(','))).map((g) => JSON.parse(g) as Polygon | MultiPolygon);
  return new Set(coverCells(polygons, res).map((c) => h3CellKey(c, res)));
}

async function loadStudyArea(db: Db, res: number): Promise<StudyArea> {
  // Every district's cells, plus every cell that ever had an incident (a point just outside its district's outline):
  // then no period or filter can count a cell outside the area, and the area does not depend on the request.
  const k = cellKey(res);
  const [districts, used, mahallas] = await Promise.all([
    outlines(db, null),
    db.columns<{ key: number }>(
      `SELECT DISTINCT (${k.sql})::DOUBLE AS key FROM incidents WHERE h3 IS NOT NULL`,
      k.params,
    ),
    db.all<{ population: number; lon: number; lat: number; g: string }>(
      'SELECT population, centroid_lon AS lon, centroid_lat AS lat, geometry AS g FROM mahallas',
    ),
  ]);
  // Nationally ≈ 6 s of cover, clipping and k-rings: on the statistics worker, so the server keeps answering.
  return runStat('buildStudyArea', { res, outlines: districts, used: Float64Array.from(used.key), mahallas });
}

/**
 * Counts placed on the area's cells by a merge of the two ascending key lists (no hashing of ≈ 74,000 doubles), and
 * the keys of counted cells the area lacks.
 */
function placeCounts(area: StudyArea, counted: { key: number[]; n: number[] }): { x: Float64Array; outside: number[] } {
  const x = new Float64Array(area.keys.length);
  const outside: number[] = [];
  let j = 0;
  counted.key.forEach((key, k) => {
    while (j < area.keys.length && area.keys[j]! < key) j++;
    if (area.keys[j] === key) x[j] = counted.n[k] ?? 0;
    else outside.push(key);
  });
  return { x, outside };
}

/**
 * x to 4 significant digits, as Number(x.toPrecision(4)) gives it but without making a string (≈ 76,000 a national
 * answer): the integer is scaled back by an exact power of ten, so the result is the double nearest the decimal.
 * @example fourDigits(0.000123456) // 0.0001235
 */
export function fourDigits(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const k = 3 - Math.floor(Math.log10(Math.abs(x)));
  return k >= 0 ? Math.round(x * 10 ** k) / 10 ** k : Math.round(x / 10 ** -k) * 10 ** -k;
}

/** Records per cell at `res`, cells as h3CellKey numbers: of the selection's area, or of the whole study area. */
async function countByCell(
  db: Db,
  sel: Selection,
  res: number,
  area: boolean,
): Promise<{ key: number[]; n: number[]; withoutPoint: number }> {
  const k = cellKey(res);
  const w = recordsWhere(sel, { area });
  // Keys, not hex strings: at national resolution 7 (≈ 74,000 cells) formatting and reading strings cost ≈ 0.3 s.
  const cells = await db.columns<{ key: number | null; n: number }>(
    `SELECT (${k.sql})::DOUBLE AS key, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} GROUP BY 1 ORDER BY 1 NULLS LAST`,
    { ...k.params, ...w.params },
  );
  // Records without a point (a mahalla code only) have no cell: their NULL group is last, counted but not placed.
  const withoutPoint = cells.key.at(-1) === null ? (cells.n.pop() ?? 0) : 0;
  if (withoutPoint > 0) cells.key.pop();
  return { key: cells.key as number[], n: cells.n, withoutPoint };
}

/**
 * Counts and hot spots per H3 cell. The study area is every cell of the database's area at `res`, zero cells included,
 * whatever districts are chosen (they narrow what is returned); it is refused beyond H3_MAX_CELLS cells.
 */
export async function getHexagons(
  db: Db,
  sel: Selection,
  opts: { res: number; fdr: boolean },
): Promise<HexagonResult | HexagonRefusal> {
  const { res, fdr } = opts;
  if (!(await hasH3(db))) {
    return {
      refused: 'stale_database',
      reason: 'this database was built before H3 cells were stored; rebuild it (npm run data:build)',
    };
  }
  const km2 = await totalKm2(db);
  const maxResolution = maxResolutionFor(km2);
  const estimate = estimateCells(km2, res);
  if (estimate > H3_MAX_CELLS) {
    return {
      refused: 'too_fine',
      reason:
        `resolution ${res} needs ≈ ${estimate.toLocaleString('en-GB')} cells for the study area, the whole database ` +
        `(at most ${H3_MAX_CELLS.toLocaleString('en-GB')}): use resolution ${maxResolution} or coarser`,
    };
  }
  const narrowed = sel.districts !== null;
  const [base, all, mine, outline] = await Promise.all([
    (await studyAreas(db))(res),
    countByCell(db, sel, res, false),
    narrowed ? countByCell(db, sel, res, true) : null,
    narrowed ? (await districtCells(db))(`${sel.districts?.join(',')}|${res}`) : null,
  ]);
  // Only records outside the cached area (incidents added since, or applications where no incident ever was) fall
  // outside it; they widen it for this request, with no residents of their own.
  const first = placeCounts(base, all);
  const area =
    first.outside.length > 0
      ? areaOf(
          [...base.cells, ...first.outside.map((k) => h3KeyCell(k, res))],
          res,
          new Map(base.cells.map((c, i) => [c, base.residents[i]!])),
        )
      : base;
  const { x } = area === base ? first : placeCounts(area, all);
  // On the statistics worker: nationally ≈ 76,000 cells' exact tails and BH hold the event loop ≈ 0.2 s.
  const r = await runStat('neighbourhoodExcess', x, area.share, area.w, { fdr });
  const own = mine === null ? null : new Set(mine.key);
  const returned = (i: number): boolean =>
    outline === null || outline.has(area.keys[i]!) || own?.has(area.keys[i]!) === true;
  const t = tally(r, returned);
  const inference = await exactInference(db, {
    neighbourhood: 'the cell and the 6 cells touching it (k-ring 1)',
    records: r.records,
    residents: area.residents.reduce((a, b) => a + b, 0),
    fdr,
  });
  const out: HexagonResult = {
    params: {
      ...significanceParams(sel, fdr, inference),
      support: 'h3',
      resolution: res,
      maxResolution,
      weights: 'k-ring k=1, binary, self included',
      value: `${sel.source} per cell neighbourhood`,
      studyArea: `every H3 cell of the database's area (and any holding a record), residents apportioned from mahallas by area; ${narrowed ? `returned: cells overlapping district ${sel.districts?.join(', ')} or holding one of its records` : 'all returned'}`,
    },
    cells: [],
    count: [],
    z: [],
    p: [],
    bin: [],
    counts: {
      hot: t.hot,
      cold: t.cold,
      units: t.units,
      records: (mine ?? all).n.reduce((a, b) => a + b, 0),
      withoutPoint: (mine ?? all).withoutPoint,
    },
    lostToFdr: t.lostToFdr,
    heldBack: t.heldBack,
    tooFew: r.tooFew,
  };
  // Nationally ≈ 76,000 cells: in slices, so a health check or a light request is never held for the whole answer.
  for (let i = 0; i < area.cells.length; i++) {
    if (i > 0 && i % 16_384 === 0) await new Promise((done) => setImmediate(done));
    const n = x[i] ?? 0,
      bin = r.bin[i] ?? 0;
    if ((n === 0 && bin === 0) || !returned(i)) continue;
    out.cells.push(area.cells[i]!);
    out.count.push(n);
    out.z.push(Math.round((r.z[i] ?? 0) * 1000) / 1000);
    out.p.push(fourDigits(r.p[i] ?? 1));
    out.bin.push(bin);
  }
  return out;
}
