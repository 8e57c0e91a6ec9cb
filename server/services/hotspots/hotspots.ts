// Significance-tested hot and cold spots of incidents (or applications) per mahalla: each mahalla's queen neighbourhood
// tested with the exact binomial against constant risk given residents (server/stats/neighbourhood-excess.ts).
import type { Db } from '../../db/database.ts';
import { keptPerDb } from '../../db/kept.ts';
import { perDb } from '../../db/per-db.ts';
import { neighbourhoodShares, type ExcessResult } from '../../stats/neighbourhood-excess.ts';
import { runStat } from '../../stats/pool.ts';
import { weightsFromPairs, type Weights } from '../../stats/weights.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { periodCounts } from './metrics.ts';
import type { Period } from '../../shared/period.ts';
import type { RecordSource } from '../../contract/catalog.ts';
import { FDR_Q, type Inference, type StudyAreaScope, type TooFewRecords } from '../../contract/hotspots.ts';

/** What every hot-spot result records (mahallas or hexagons), so the legend can say what was tested. */
export interface SignificanceParams {
  method: 'Neighbourhood excess, exact binomial';
  source: RecordSource;
  period: Period;
  /** the filters of the counted records: categories and statuses of incidents, registries and receivers of applications */
  categories: string[];
  statuses: string[];
  registries: string[];
  receivers: string[];
  fdr: boolean;
  /** bins: ±1 at 90 %, ±2 at 95 %, ±3 at 99 % confidence */
  confidence: [0.9, 0.95, 0.99];
  /** the districts whose units are returned (null: all); the study area stays the whole database */
  districts: string[] | null;
  inference: Inference;
}

/** Everything the mahalla result depends on, shown beside the map so a reader knows what was tested. */
export interface HotspotParams extends SignificanceParams {
  support: 'mahalla';
  weights: 'queen contiguity, self included';
  value: `${RecordSource} per mahalla neighbourhood`;
}

export interface HotspotResult {
  params: HotspotParams;
  /** Columnar, in mahalla id order (of the district when one is given). */
  ids: number[];
  /** z-equivalent of the exact p (the normal z with the same two-sided p), + for an excess, − for a deficit */
  z: number[];
  /** two-sided exact p, before any FDR correction */
  p: number[];
  bin: number[];
  /** hot and cold mahallas among those returned, and how many were returned */
  counts: { hot: number; cold: number; units: number };
  /** Returned mahallas significant at 90 % on their own p that the FDR correction makes not significant. */
  lostToFdr: number;
  /** Returned mahallas whose neighbourhood is significantly hot but which have no record of their own: not coloured. */
  heldBack: number;
  /** Set when the study area has too few records for any mahalla to be significant: nothing is coloured. */
  tooFew: TooFewRecords | null;
}

/** Queen contiguity from the adjacency computed at ingest, built once per database. */
export const contiguity = perDb(async (db): Promise<{ ids: number[]; w: Weights }> => {
  const { id: ids, index } = await mahallaColumns(db);
  const pairs = await db.columns<{ a: number; b: number }>('SELECT a, b FROM mahalla_adjacency ORDER BY a, b');
  const a = Int32Array.from(pairs.a, (id) => index.get(id) ?? -1);
  const b = Int32Array.from(pairs.b, (id) => index.get(id) ?? -1);
  return { ids, w: weightsFromPairs(ids.length, a, b) };
});

/** Each mahalla's queen neighbourhood's share of the residents, and the residents in all (P), once per database. */
export const mahallaShares = perDb(async (db): Promise<{ share: Float64Array; residents: number }> => {
  const [{ w }, m] = await Promise.all([contiguity(db), mahallaColumns(db)]);
  const residents = Float64Array.from(m.population);
  return { share: neighbourhoodShares(residents, w), residents: residents.reduce((a, b) => a + b, 0) };
});

/** SOATO of Tashkent city, the one region that is a city. */
const TASHKENT_CITY = '1726';

/**
 * The study area of every test: the whole database. A city when its districts lie in Tashkent city (SOATO 1726), a
 * region when in one other region, else the country. The demo city has no region rows (OSM districts only), so the
 * name falls back to the SOATO's.
 */
export const studyArea = perDb(async (db): Promise<{ scope: StudyAreaScope; name: string }> => {
  const rows = await db.all<{ soato: string; name: string | null }>(
    `SELECT p.soato, coalesce(r.name_en, r.name_uz) AS name
     FROM (SELECT DISTINCT left(district_soato, 4) AS soato FROM mahallas) p LEFT JOIN regions r USING (soato)
     ORDER BY p.soato`,
  );
  const [only] = rows;
  if (rows.length !== 1 || !only) return { scope: 'country', name: 'Uzbekistan' };
  if (only.soato === TASHKENT_CITY) return { scope: 'city', name: only.name ?? 'Tashkent city' };
  return { scope: 'region', name: only.name ?? `region ${only.soato}` };
});

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** The stamped inference of an exact neighbourhood test over the study area. */
export async function exactInference(
  db: Db,
  o: { neighbourhood: string; records: number; residents: number; fdr: boolean },
): Promise<Inference> {
  const area = await studyArea(db);
  return {
    variable: 'counts',
    null: 'constant risk given residents',
    test: 'exact binomial, neighbourhood',
    draws: 0,
    seed: null,
    studyArea: area.scope,
    studyAreaName: area.name,
    neighbourhood: o.neighbourhood,
    records: o.records,
    residents: Math.round(o.residents),
    fdr: o.fdr ? { method: 'Benjamini–Hochberg', q: FDR_Q } : null,
    levels: [0.1, 0.05, 0.01],
  };
}

/** The parameters every hot-spot result echoes (mahallas or hexagons), from the selection. */
export function significanceParams(sel: Selection, fdr: boolean, inference: Inference): SignificanceParams {
  return {
    method: 'Neighbourhood excess, exact binomial',
    source: sel.source,
    period: sel.period,
    categories: sel.categories,
    statuses: sel.statuses,
    registries: sel.registries,
    receivers: sel.receivers,
    fdr,
    confidence: [0.9, 0.95, 0.99],
    districts: sel.districts,
    inference,
  };
}

/** Counts over the returned units of a result: hot, cold, lost to FDR, held back. */
export function tally(r: ExcessResult, keep: (i: number) => boolean) {
  const t = { hot: 0, cold: 0, units: 0, lostToFdr: 0, heldBack: 0 };
  for (let i = 0; i < r.bin.length; i++) {
    if (!keep(i)) continue;
    t.units++;
    const b = r.bin[i]!;
    if (b > 0) t.hot++;
    if (b < 0) t.cold++;
    t.lostToFdr += r.lostToFdr[i]!;
    t.heldBack += r.heldBack[i]!;
  }
  return t;
}

/**
 * The test over the whole study area of the selection's records: the same for every area and every asker of the same
 * period and filters, so kept for the asks made last (server/db/kept.ts) until the data change; each asker's area only
 * narrows it. Nationally, the district heads, region heads and the ministry of one morning share one test.
 */
const studyAreaTest = keptPerDb(
  ([sel, fdr]: readonly [Selection, boolean]) =>
    JSON.stringify([
      fdr,
      sel.source,
      sel.period,
      sel.categories,
      sel.statuses,
      sel.registries,
      sel.receivers,
      sel.mahalla,
    ]),
  async (db, [sel, fdr]): Promise<{ r: ExcessResult; inference: Inference }> => {
    // Contiguity, shares and the counts all follow `mahallaColumns` (id order), so they line up index by index.
    const [{ w }, { share, residents }, count] = await Promise.all([
      contiguity(db),
      mahallaShares(db),
      periodCounts(db, sel),
    ]);
    // On the statistics worker: ≈ 9,400 exact tails and BH nationally are 100–400 ms over three years, which on this
    // thread stalled every other request (the health check's p99) for as long.
    const r = await runStat('neighbourhoodExcess', Float64Array.from(count), share, w, { fdr });
    const inference = await exactInference(db, {
      neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity)',
      records: r.records,
      residents,
      fdr,
    });
    return { r, inference };
  },
  16,
);

/**
 * Hot and cold spots over all mahallas of the database (the study area: a district's hot spots are judged against
 * their real surroundings); the selection's area only narrows what is returned, and every figure counts only that.
 */
export async function getHotspots(db: Db, sel: Selection, fdr: boolean): Promise<HotspotResult> {
  const [{ ids }, { r, inference }] = await Promise.all([contiguity(db), studyAreaTest(db, [sel, fdr])]);
  const t = tally(r, (i) => inArea(sel, i));
  const out: HotspotResult = {
    params: {
      ...significanceParams(sel, fdr, inference),
      support: 'mahalla',
      weights: 'queen contiguity, self included',
      value: `${sel.source} per mahalla neighbourhood`,
    },
    ids: [],
    z: [],
    p: [],
    bin: [],
    counts: { hot: t.hot, cold: t.cold, units: t.units },
    lostToFdr: t.lostToFdr,
    heldBack: t.heldBack,
    tooFew: r.tooFew,
  };
  ids.forEach((id, i) => {
    if (!inArea(sel, i)) return;
    out.ids.push(id);
    out.z.push(round(r.z[i] ?? 0, 3));
    out.p.push(Number((r.p[i] ?? 1).toPrecision(4)));
    out.bin.push(r.bin[i] ?? 0);
  });
  return out;
}
