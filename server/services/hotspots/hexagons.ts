// Incident (or application) counts and Getis–Ord Gi* hot and cold spots on H3 hexagons (k-ring contiguity): the hexagon map view.
// Counts come from the resolution-9 cell stored per incident, coarsened in SQL by bit masks (server/geo/h3-bits.ts).
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/database.ts';
import { memoAsync, perDb } from '../../db/per-db.ts';
import { coverCells, estimateCells, H3_MAX_CELLS, kRingWeights, maxResolutionFor } from '../../geo/h3-area.ts';
import { h3CellKey, h3KeyCell, h3ParentMasks, h3UnusedBits } from '../../geo/h3-bits.ts';
import { giStarBins, giStarInto, giStarPrep, type GiStarPrep } from '../../stats/gistar.ts';
import type { Weights } from '../../stats/weights.ts';
import { areaSql, districtSql, districtsArea } from '../../selection/area.ts';
import { recordsWhere, type Selection } from '../../selection/select.ts';
import type { SqlPart } from '../../selection/window.ts';
import { giStarParams, type GiStarParams } from './hotspots.ts';
import type { RecordSource } from '../../contract/catalog.ts';

/** Everything the result depends on, shown in the legend so a reader knows what was tested and on which cells. */
export interface HexagonParams extends GiStarParams {
  support: 'h3';
  resolution: number;
  /** The finest resolution this extent allows (server/geo/h3-area.ts H3_MAX_CELLS): clients clamp zoom-picked ones to it. */
  maxResolution: number;
  weights: 'k-ring k=1, binary, self included';
  value: `${RecordSource} per cell`;
  /** Which cells were tested: every cell overlapping the district (or all districts), plus any cell with an incident on record. */
  studyArea: string;
}

export interface HexagonResult {
  params: HexagonParams;
  /**
   * Columnar, in cell order. Only cells with an incident or a significant bin are listed: the empty, unremarkable rest
   * of the study area (counted in `counts.units`) took part in Gi* as zeros but has nothing to draw.
   */
  cells: string[];
  count: number[];
  z: number[];
  p: number[];
  bin: number[];
  /** hot / cold cells, cells tested (zeros included), records (incidents or applications) counted */
  counts: { hot: number; cold: number; units: number; records: number };
  /** Cells significant at 90 % on their own p-value that the FDR correction makes not significant. */
  lostToFdr: number;
}

/** A request the data cannot answer: too fine a resolution for the extent, or a database built before H3 cells. */
export interface HexagonRefusal {
  refused: 'too_fine' | 'stale_database';
  reason: string;
}

interface StudyArea {
  /** Ascending by key (h3-js hex strings of one resolution sort the same way). */
  cells: string[];
  /** h3CellKey of each cell, ascending */
  keys: Float64Array;
  w: Weights;
  /** Gi*'s weights-only terms, computed once with the weights */
  prep: GiStarPrep;
}

/** Mahalla area per district, to size the study area before building it. */
const districtAreas = perDb(async (db) => {
  const rows = await db.all<{ district: string; km2: number }>(
    'SELECT district_soato AS district, sum(area_km2)::DOUBLE AS km2 FROM mahallas GROUP BY 1',
  );
  return new Map(rows.map((r) => [r.district, r.km2]));
});

/** Databases built before the h3 column existed answer with a rebuild hint instead of a 500. */
const hasH3 = perDb(async (db) => {
  const [row] = await db.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'incidents' AND column_name = 'h3'",
  );
  return (row?.n ?? 0) > 0;
});

/** Cells and k-ring weights per database × districts × resolution (key `districts|res`, '' = every district). */
const studyAreas = perDb((db) =>
  Promise.resolve(memoAsync((key: string) => loadStudyArea(db, key), new Map<string, Promise<StudyArea>>())),
);

/** The SQL of a record's cell at a resolution as an h3CellKey: the stored resolution-9 cell coarsened by the parent masks, shifted past its unused digits. */
export function cellKey(res: number): SqlPart {
  const { clear, set } = h3ParentMasks(res);
  return {
    sql: '((h3 & $clear::UBIGINT) | $set::UBIGINT) >> $shift::INTEGER',
    params: { clear: clear.toString(), set: set.toString(), shift: h3UnusedBits(res) },
  };
}

async function loadStudyArea(db: Db, key: string): Promise<StudyArea> {
  const [list = '', resText = ''] = key.split('|');
  const res = Number(resText);
  const districts = list ? list.split(',') : null;
  const area = districtSql(districts, 'soato');
  // District outlines rather than their ≈ 9,400 mahallas: the demo mahallas tile them exactly, and at resolution 5 a
  // cell is larger than a mahalla anyway. Only districts that have mahallas are part of the study area.
  const rows = await db.all<{ g: string }>(
    `SELECT geometry AS g FROM districts WHERE soato IN (SELECT DISTINCT district_soato FROM mahallas) AND ${area.sql} ORDER BY soato`,
    area.params,
  );
  // Plus every cell that ever had an incident (a point just outside its district's outline): then no period or filter
  // can count a cell outside the area, and the area, hence Gi*, does not depend on which period was asked first.
  const k = cellKey(res);
  const inArea = areaSql(districtsArea(districts ?? undefined));
  const used = await db.columns<{ key: number }>(
    `SELECT DISTINCT (${k.sql})::DOUBLE AS key FROM incidents WHERE ${inArea.sql}`,
    { ...k.params, ...inArea.params },
  );
  const cells = new Set(
    coverCells(
      rows.map((r) => JSON.parse(r.g) as Polygon | MultiPolygon),
      res,
    ),
  );
  for (const c of used.key) cells.add(h3KeyCell(c, res));
  return areaOf([...cells], res);
}

function areaOf(cells: string[], res: number): StudyArea {
  const keys = Float64Array.from(cells, (c) => h3CellKey(c, res)).sort();
  const sorted = Array.from(keys, (k) => h3KeyCell(k, res));
  const w = kRingWeights(sorted);
  return { cells: sorted, keys, w, prep: giStarPrep(w) };
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

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** The selection's records per cell at `res`, cells as h3CellKey numbers. */
async function countByCell(db: Db, sel: Selection, res: number): Promise<{ key: number[]; n: number[] }> {
  const k = cellKey(res);
  const w = recordsWhere(sel);
  // Keys, not hex strings: at national resolution 7 (≈ 74,000 cells) formatting and reading strings cost ≈ 0.3 s.
  return db.columns<{ key: number; n: number }>(
    `SELECT (${k.sql})::DOUBLE AS key, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} GROUP BY 1 ORDER BY 1`,
    { ...k.params, ...w.params },
  );
}

/**
 * Counts and Gi* per H3 cell. The study area is the district (or every district) at `res`, zero cells included, so a
 * district's hot spots are judged against its own surroundings; it is refused beyond H3_MAX_CELLS cells.
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
  const areas = await districtAreas(db);
  const km2 = (sel.districts ?? [...areas.keys()]).reduce((sum, d) => sum + (areas.get(d) ?? 0), 0);
  const where =
    sel.districts === null ? 'the whole area' : sel.districts.length === 1 ? 'this district' : 'these districts';
  const maxResolution = maxResolutionFor(km2);
  const estimate = estimateCells(km2, res);
  if (estimate > H3_MAX_CELLS) {
    return {
      refused: 'too_fine',
      reason:
        `resolution ${res} needs ≈ ${estimate.toLocaleString('en-GB')} cells for ${where} ` +
        `(at most ${H3_MAX_CELLS.toLocaleString('en-GB')}): use resolution ${maxResolution} or coarser, or choose a district`,
    };
  }
  const [base, counted] = await Promise.all([
    (await studyAreas(db))(`${(sel.districts ?? []).join(',')}|${res}`),
    countByCell(db, sel, res),
  ]);
  // Only records outside the cached area (incidents added since, or applications where no incident ever was) fall
  // outside it; they widen it for this request.
  const first = placeCounts(base, counted);
  const area =
    first.outside.length > 0 ? areaOf([...base.cells, ...first.outside.map((k) => h3KeyCell(k, res))], res) : base;
  const { x } = area === base ? first : placeCounts(area, counted);
  const z = new Float64Array(x.length),
    p = new Float64Array(x.length);
  giStarInto(x, area.w, area.prep, z, p);
  const g = { z, p, ...giStarBins(z, p, fdr) };
  const out: HexagonResult = {
    params: {
      ...giStarParams(sel, fdr),
      support: 'h3',
      resolution: res,
      maxResolution,
      weights: 'k-ring k=1, binary, self included',
      value: `${sel.source} per cell`,
      studyArea: `H3 cells overlapping ${sel.districts === null ? 'every district' : `district ${sel.districts.join(', ')}`} or holding any of its incidents on record`,
    },
    cells: [],
    count: [],
    z: [],
    p: [],
    bin: [],
    counts: { hot: 0, cold: 0, units: area.cells.length, records: 0 },
    lostToFdr: g.lostToFdr,
  };
  area.cells.forEach((cell, i) => {
    const n = x[i] ?? 0,
      bin = g.bin[i] ?? 0;
    if (bin > 0) out.counts.hot++;
    if (bin < 0) out.counts.cold++;
    out.counts.records += n;
    if (n === 0 && bin === 0) return;
    out.cells.push(cell);
    out.count.push(n);
    out.z.push(round(g.z[i] ?? 0, 3));
    out.p.push(round(g.p[i] ?? 1, 5));
    out.bin.push(bin);
  });
  return out;
}
