// Significance-tested hot and cold spots of incident (or application) rates per mahalla: Getis–Ord Gi* on queen contiguity.
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import { giStar } from '../../stats/gistar.ts';
import { weightsFromPairs, type Weights } from '../../stats/weights.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { periodCounts } from './metrics.ts';
import type { Period } from '../../shared/period.ts';
import type { RecordSource } from '../../contract/catalog.ts';

/** What every Gi* result records (mahallas or hexagons), so the legend can say what was tested. */
export interface GiStarParams {
  method: 'Getis–Ord Gi*';
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
}

/** Everything the mahalla result depends on, shown beside the map so a reader knows what was tested. */
export interface HotspotParams extends GiStarParams {
  support: 'mahalla';
  weights: 'queen contiguity, self included';
  value: `${RecordSource} per 1,000 residents`;
}

export interface HotspotResult {
  params: HotspotParams;
  /** Columnar, in mahalla id order (of the district when one is given). */
  ids: number[];
  z: number[];
  p: number[];
  bin: number[];
  counts: { hot: number; cold: number; units: number };
  /** Units significant at 90 % on their own p-value that the FDR correction makes not significant. */
  lostToFdr: number;
}

/** Queen contiguity from the adjacency computed at ingest, built once per database. */
export const contiguity = perDb(async (db): Promise<{ ids: number[]; w: Weights }> => {
  const { id: ids, index } = await mahallaColumns(db);
  const pairs = await db.columns<{ a: number; b: number }>('SELECT a, b FROM mahalla_adjacency ORDER BY a, b');
  const a = Int32Array.from(pairs.a, (id) => index.get(id) ?? -1);
  const b = Int32Array.from(pairs.b, (id) => index.get(id) ?? -1);
  return { ids, w: weightsFromPairs(ids.length, a, b) };
});

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Gi* over all mahallas of the database (the whole city or country is the study area, so a district's hot spots are
 * judged against their real surroundings); the selection's area only narrows what is returned.
 */
export async function getHotspots(db: Db, sel: Selection, fdr: boolean): Promise<HotspotResult> {
  // Contiguity and the counts both follow `mahallaColumns` (id order), so they line up index by index.
  const [{ ids, w }, m, count] = await Promise.all([contiguity(db), mahallaColumns(db), periodCounts(db, sel)]);
  const rate = Float64Array.from(ids, (_, i) => ((count[i] ?? 0) * 1000) / Math.max(1, m.population[i] ?? 1));
  const g = giStar(rate, w, { fdr });
  const out: HotspotResult = {
    params: {
      ...giStarParams(sel, fdr),
      support: 'mahalla',
      weights: 'queen contiguity, self included',
      value: `${sel.source} per 1,000 residents`,
    },
    ids: [],
    z: [],
    p: [],
    bin: [],
    counts: { hot: 0, cold: 0, units: 0 },
    lostToFdr: g.lostToFdr,
  };
  ids.forEach((id, i) => {
    if (!inArea(sel, i)) return;
    const bin = g.bin[i] ?? 0;
    out.ids.push(id);
    out.z.push(round(g.z[i] ?? 0, 3));
    out.p.push(round(g.p[i] ?? 1, 5));
    out.bin.push(bin);
    if (bin > 0) out.counts.hot++;
    if (bin < 0) out.counts.cold++;
  });
  out.counts.units = out.ids.length;
  return out;
}

/** The parameters every Gi* result echoes (mahallas or hexagons), from the selection. */
export function giStarParams(sel: Selection, fdr: boolean): GiStarParams {
  return {
    method: 'Getis–Ord Gi*',
    source: sel.source,
    period: sel.period,
    categories: sel.categories,
    statuses: sel.statuses,
    registries: sel.registries,
    receivers: sel.receivers,
    fdr,
    confidence: [0.9, 0.95, 0.99],
  };
}
