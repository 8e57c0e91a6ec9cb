// Incident (or application) counts and hot and cold spots on H3 hexagons: each cell's k-ring tested with the exact
// binomial against constant risk given residents (apportioned to cells), the rule of the mahalla map.
// Counts come from the resolution-9 cell stored per incident, coarsened in SQL by bit masks (server/geo/h3-bits.ts).
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { dataEpoch, memoAsync, perDb } from '../../db/per-db.ts';
import { coverCells, estimateCells, H3_MAX_CELLS, H3_MIN_RES, maxResolutionFor } from '../../geo/h3-area.ts';
import { h3CellKey, h3ParentMasks, h3UnusedBits } from '../../geo/h3-bits.ts';
import type { HexagonColumns, HexagonRows } from '../../shared/hexagon-columns.ts';
import type { StudyAreaSummary } from '../../stats/hexagon-task.ts';
import { runStat } from '../../stats/pool.ts';
import { cellResidentsOf, outlines } from './cell-residents.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import type { SqlPart } from '../../selection/window.ts';
import { exactInference, significanceParams, type SignificanceParams } from './hotspots.ts';
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

/** The answer but its cells: what the binary answer's header carries. */
export interface HexagonMeta {
  params: HexagonParams;
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

/**
 * The cells, in cell order: those returned (overlapping the chosen districts, or holding one of their records) that
 * hold a record or a significant bin; the empty, unremarkable rest (counted in `counts.units`) took part in the test
 * as zeros but has nothing to draw. Columns as they travel (server/shared/hexagon-columns.ts).
 */
export interface HexagonAnswer {
  meta: HexagonMeta;
  columns: HexagonColumns;
}

/** The JSON answer: the meta and the cells as rows (cells, count, z, p, bin). */
export type HexagonResult = HexagonMeta & HexagonRows;

/** A request the data cannot answer: too fine a resolution for the study area, or a database built before H3 cells. */
export interface HexagonRefusal {
  refused: 'too_fine' | 'stale_database';
  reason: string;
  /** too_fine: the resolution asked for and the finest the study area allows */
  res?: number;
  max?: number;
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

/** A name per open database, so the study areas the worker keeps for different databases never mix. */
const dbNames = new WeakMap<Db, number>();
let dbCount = 0;
const nameOf = (db: Db): number => {
  const known = dbNames.get(db);
  if (known !== undefined) return known;
  dbNames.set(db, ++dbCount);
  return dbCount;
};

/** The study area per database × resolution: built and kept on the statistics worker; here only its keys. */
interface KeptArea extends StudyAreaSummary {
  /** the worker's name of it */
  key: string;
}
const studyAreas = perDb((db) =>
  Promise.resolve(memoAsync((res: number) => loadStudyArea(db, res), new Map<number, Promise<KeptArea>>())),
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

/**
 * Records of `from` passing `where` per cell at `res`, as SQL giving `key` (h3CellKey, NULL for records without a
 * point) and `n`: grouped on the stored cell shifted past the digits finer than `res` (one shift a record), the parent
 * masks applied once per group after. Nationally ≈ 35 % faster than masking every one of ≈ 800,000 records (90 days).
 */
function perCellSql(res: number, from: string, where: SqlPart): SqlPart {
  const { clear, set } = h3ParentMasks(res);
  const shift = BigInt(h3UnusedBits(res));
  return {
    sql: `SELECT (k & $kclear::UBIGINT | $kset::UBIGINT)::DOUBLE AS key, n FROM (
      SELECT h3 >> $shift::INTEGER AS k, count(*)::DOUBLE AS n FROM ${from} WHERE ${where.sql} GROUP BY 1
    ) ORDER BY 1 NULLS LAST`,
    params: {
      ...where.params,
      kclear: (clear >> shift).toString(),
      kset: (set >> shift).toString(),
      shift: Number(shift),
    },
  };
}

async function loadDistrictCells(db: Db, key: string): Promise<Set<number>> {
  const [list = '', resText = ''] = key.split('|');
  const res = Number(resText);
  const polygons = (await outlines(db, list.split(','))).map((g) => JSON.parse(g) as Polygon | MultiPolygon);
  return new Set(coverCells(polygons, res).map((c) => h3CellKey(c, res)));
}

async function loadStudyArea(db: Db, res: number): Promise<KeptArea> {
  // Every district's cells with their residents (kept with the boundaries), plus every cell that ever had an incident
  // (a point just outside its district's outline): then no period or filter can count a cell outside the area, and the
  // area does not depend on the request.
  const q = perCellSql(res, 'incidents', { sql: 'h3 IS NOT NULL', params: {} });
  const [base, used] = await Promise.all([cellResidentsOf(db, res), db.typed(q.sql, q.params)]);
  const key = `${nameOf(db)}|${dataEpoch(db)}|${res}`;
  // Nationally ≈ 0.5 s of k-rings: on the statistics worker, which keeps the area for the requests.
  const summary = await runStat('keepStudyArea', key, { res, base, used: used.doubles.key! });
  return { ...summary, key };
}

/**
 * Keeps the study area of every resolution the database allows, coarsest first (a server's warm-up): the first
 * hexagon map of a resolution then waits for its counts only.
 * @example await warmHexagons(db);
 */
export async function warmHexagons(db: Db): Promise<void> {
  if (!(await hasH3(db))) return;
  for (const res of await hexResolutions(db)) await (await studyAreas(db))(res);
}

/**
 * The resolutions the hexagon map serves for this database's area: H3_MIN_RES to the finest under H3_MAX_CELLS (the
 * build stores the cells' residents of each, the warm-up prepares their study areas).
 * @example await hexResolutions(db) // [5, 6, 7] nationally
 */
export async function hexResolutions(db: Db): Promise<number[]> {
  const finest = maxResolutionFor(await totalKm2(db));
  return Array.from({ length: Math.max(0, finest - H3_MIN_RES + 1) }, (_, i) => H3_MIN_RES + i);
}

export { fourDigits } from '../../stats/hexagon-task.ts';

/** Records per cell at `res`, cells as h3CellKey numbers: of the selection's area, or of the whole study area. */
async function countByCell(
  db: Db,
  sel: Selection,
  res: number,
  area: boolean,
): Promise<{ key: Float64Array; n: Float64Array; withoutPoint: number }> {
  // Keys, not hex strings: at national resolution 7 (≈ 74,000 cells) formatting and reading strings cost ≈ 0.3 s; and
  // typed arrays straight from DuckDB's vectors, not a JSON value per cell.
  const q = perCellSql(res, sel.table, recordsWhere(sel, { area }));
  const cells = await db.typed(q.sql, q.params);
  const key = cells.doubles.key!,
    n = cells.doubles.n!;
  // Records without a point (a mahalla code only) have no cell: their NULL group (NaN here) is last, counted but not
  // placed.
  const placed = cells.length > 0 && Number.isNaN(key[cells.length - 1]) ? cells.length - 1 : cells.length;
  return {
    key: key.subarray(0, placed),
    n: n.subarray(0, placed),
    withoutPoint: placed < cells.length ? n[placed]! : 0,
  };
}

/**
 * Counts and hot spots per H3 cell. The study area is every cell of the database's area at `res`, zero cells included,
 * whatever districts are chosen (they narrow what is returned); it is refused beyond H3_MAX_CELLS cells.
 */
export async function getHexagons(
  db: Db,
  sel: Selection,
  opts: { res: number; fdr: boolean },
): Promise<HexagonAnswer | HexagonRefusal> {
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
      res,
      max: maxResolution,
    };
  }
  const narrowed = sel.districts !== null;
  const [all, mine, outline] = await Promise.all([
    countByCell(db, sel, res, false),
    narrowed ? countByCell(db, sel, res, true) : null,
    narrowed ? (await districtCells(db))(`${sel.districts?.join(',')}|${res}`) : null,
  ]);
  const counts = { key: all.key, n: all.n, outline: outline && Float64Array.from(outline), own: mine && mine.key };
  // On the statistics worker, which keeps the study area: nationally ≈ 76,000 cells' exact tails, BH and columns.
  let r = await runStat('hexagonColumns', (await (await studyAreas(db))(res)).key, counts, { fdr });
  if (r.missing) {
    // The worker lost it (restarted, or keeps other databases' areas now): keep it again under a new name.
    dbNames.delete(db);
    r = await runStat('hexagonColumns', (await (await studyAreas(db))(res)).key, counts, { fdr });
    if (r.missing) throw new Error('the statistics worker did not keep the study area');
  }
  const { columns, tally: t } = r;
  const inference = await exactInference(db, {
    neighbourhood: 'the cell and the 6 cells touching it (k-ring 1)',
    records: t.records,
    residents: t.residents,
    fdr,
  });
  const meta: HexagonMeta = {
    params: {
      ...significanceParams(sel, fdr, inference),
      support: 'h3',
      resolution: res,
      maxResolution,
      weights: 'k-ring k=1, binary, self included',
      value: `${sel.source} per cell neighbourhood`,
      studyArea: `every H3 cell of the database's area (and any holding a record), residents apportioned from mahallas by area; ${narrowed ? `returned: cells overlapping district ${sel.districts?.join(', ')} or holding one of its records` : 'all returned'}`,
    },
    counts: {
      hot: t.hot,
      cold: t.cold,
      units: t.units,
      records: (mine ?? all).n.reduce((a, b) => a + b, 0),
      withoutPoint: (mine ?? all).withoutPoint,
    },
    lostToFdr: t.lostToFdr,
    heldBack: t.heldBack,
    tooFew: t.tooFew,
  };
  return { meta, columns };
}
