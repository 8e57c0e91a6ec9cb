// Kulldorff's Poisson spatial scan over the mahallas of the whole database: the clusters (most likely first, then
// those sharing no mahalla with it), each with its mahallas, relative risk, observed and expected records, Monte Carlo
// p-value and dissolved outline. A chosen district narrows which clusters are returned: those touching it.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Db } from '../../db/database.ts';
import { perDb } from '../../db/per-db.ts';
import type { ScanFilter } from '../../contract/scan.ts';
import { dissolve } from '../../geo/dissolve.ts';
import { flattenPolygons, type FlatPolygons } from '../../geo/flat-polygons.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { runStat } from '../../stats/pool.ts';
import { SCAN_DEFAULTS, clusterMembers, type ScanRate } from '../../stats/scan.ts';
import { circularWindows, projectKm, type ScanWindows } from '../../stats/scan-windows.ts';
import type { Period } from '../../shared/period.ts';
import { periodCounts } from './metrics.ts';

/** Defaults of the service, one comment each. */
export const SCAN_SERVICE = {
  /**
   * The largest circle: 10 % of the study area's residents (SaTScan's default is 50 %). In Tashkent that is ≈ 300,000
   * residents, about one district (12 districts, 3.04 M): a larger "cluster" is half the city, no place to send a
   * patrol. Fewer, smaller circles also cost less multiple testing and a quarter of the time; on the demo's 90 days the
   * clusters found are the same as at 50 % (the largest holds 12 mahallas, 32,000 residents). See the README.
   */
  maxShare: 0.1,
  /**
   * Window entries the Monte Carlo loop may walk per draw (the city: ≈ 40,000 at 10 %, 160,000 at 50 %). Without an
   * explicit `maxShare`, a database too large for 10 % gets the largest halving of it that fits, and says so: the
   * country's 9,400 mahallas get 0.3125 % (≈ 280,000 entries, a few seconds; at 1.25 %, 1.2 M entries took 17 s).
   */
  maxEntries: 400_000,
  /** Fewer records in the study area than this: no scan, the answer says so (the rule of every hot-spot view). */
  minRecords: 20,
  /** The p-value below which the map draws a cluster. */
  alpha: 0.05,
};

export interface ScanCluster {
  /** 1 = the most likely cluster; 2, 3, … secondary clusters sharing no mahalla with those before */
  rank: number;
  /** the mahallas of the circle, nearest the centre first */
  ids: number[];
  centre: number;
  direction: 'high' | 'low';
  observed: number;
  expected: number;
  /** risk inside over risk outside (SaTScan's relative risk); null when no record falls outside */
  relativeRisk: number | null;
  llr: number;
  p: number;
  residents: number;
  radiusKm: number;
  /** the circle's mahallas dissolved into one outline: GeoJSON MultiPolygon coordinates, [lon, lat] degrees */
  outline: Position[][][];
}

export interface ScanResult {
  params: {
    method: "Kulldorff's spatial scan statistic (Poisson model)";
    source: Selection['source'];
    period: Period;
    categories: string[];
    statuses: string[];
    registries: string[];
    receivers: string[];
    rate: ScanRate;
    windows: {
      shape: "circles around each mahalla's centroid, growing neighbour by neighbour";
      maxShare: number;
      /** where maxShare came from: asked for, the default, or the default halved until the windows fit */
      maxShareFrom: 'request' | 'default' | 'reduced to fit';
      circles: number;
    };
    inference: {
      variable: 'counts';
      null: 'constant risk given residents';
      test: 'Monte Carlo';
      draws: number;
      seed: number;
      /** the whole database: the chosen district only narrows which clusters are returned */
      studyArea: string;
      /** the scan corrects for its many windows itself: each p ranks a cluster among the draws' largest LLRs */
      fdr: null;
    };
    alpha: number;
    records: number;
    residents: number;
  };
  /** set when the study area holds too few records to scan */
  tooFew: { records: number; needed: number } | null;
  clusters: ScanCluster[];
  counts: { clusters: number; significant: number };
}

export type ScanAnswer = ScanResult | { refused: 'maxShare'; reason: string };

/** Centroids in km and flattened polygons of every mahalla (id order), once per database. */
const geometry = perDb(async (db): Promise<{ x: Float64Array; y: Float64Array; flat: FlatPolygons; scale: string }> => {
  const [cols, meta] = await Promise.all([
    db.columns<{ lon: number; lat: number; g: string }>(
      'SELECT centroid_lon AS lon, centroid_lat AS lat, geometry AS g FROM mahallas ORDER BY id',
    ),
    db.columns<{ value: string }>("SELECT value FROM meta WHERE key = 'scale'"),
  ]);
  const { x, y } = projectKm(Float64Array.from(cols.lon), Float64Array.from(cols.lat));
  const flat = flattenPolygons(cols.g.map((g) => JSON.parse(g) as Polygon | MultiPolygon));
  return { x, y, flat, scale: meta.value[0] ?? '' };
});

/** Windows per database and max share (a handful of shares at most are ever asked for). */
const windowCache = new WeakMap<Db, Map<number, Promise<ScanWindows | null>>>();

function windows(db: Db, share: number): Promise<ScanWindows | null> {
  let byShare = windowCache.get(db);
  if (!byShare) windowCache.set(db, (byShare = new Map<number, Promise<ScanWindows | null>>()));
  let hit = byShare.get(share);
  if (!hit) {
    hit = Promise.all([geometry(db), mahallaColumns(db)]).then(([g, m]) =>
      circularWindows(g.x, g.y, Float64Array.from(m.population), share, SCAN_SERVICE.maxEntries),
    );
    byShare.set(share, hit);
  }
  return hit;
}

/** The windows for the asked share, or for the default halved until they fit; null share = too many for the asked one. */
async function chooseWindows(db: Db, asked: number | undefined) {
  if (asked !== undefined) return { w: await windows(db, asked), share: asked, from: 'request' as const };
  for (let share = SCAN_SERVICE.maxShare; share >= 0.001; share /= 2) {
    const w = await windows(db, share);
    if (w)
      return { w, share, from: share === SCAN_SERVICE.maxShare ? ('default' as const) : ('reduced to fit' as const) };
  }
  return { w: null, share: 0.001, from: 'reduced to fit' as const };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const STUDY_AREA: Record<string, string> = { city: 'city', national: 'country' };

export async function getScan(db: Db, sel: Selection, q: ScanFilter): Promise<ScanAnswer> {
  const [g, m, counts, chosen] = await Promise.all([
    geometry(db),
    mahallaColumns(db),
    periodCounts(db, sel),
    chooseWindows(db, q.maxShare),
  ]);
  const { w } = chosen;
  if (!w)
    return {
      refused: 'maxShare',
      reason: `circles of up to ${chosen.share} of the residents are too many to scan on ${m.id.length} mahallas; ask for a smaller share`,
    };
  const draws = q.draws ?? SCAN_DEFAULTS.draws;
  const seed = q.seed ?? SCAN_DEFAULTS.seed;
  const pop = Float64Array.from(m.population);
  let records = 0;
  for (const c of counts) records += c;
  const residents = pop.reduce((a, b) => a + b, 0);
  const out: ScanResult = {
    params: {
      method: "Kulldorff's spatial scan statistic (Poisson model)",
      source: sel.source,
      period: sel.period,
      categories: sel.categories,
      statuses: sel.statuses,
      registries: sel.registries,
      receivers: sel.receivers,
      rate: q.rate,
      windows: {
        shape: "circles around each mahalla's centroid, growing neighbour by neighbour",
        maxShare: chosen.share,
        maxShareFrom: chosen.from,
        circles: w.closes.reduce((a, b) => a + b, 0),
      },
      inference: {
        variable: 'counts',
        null: 'constant risk given residents',
        test: 'Monte Carlo',
        draws,
        seed,
        studyArea: `${STUDY_AREA[g.scale] ?? 'whole database'} (${m.id.length} mahallas)`,
        fdr: null,
      },
      alpha: SCAN_SERVICE.alpha,
      records,
      residents,
    },
    tooFew: records < SCAN_SERVICE.minRecords ? { records, needed: SCAN_SERVICE.minRecords } : null,
    clusters: [],
    counts: { clusters: 0, significant: 0 },
  };
  if (out.tooFew) return out;
  // On the statistics worker: 999 draws over ≈ 170,000 window entries would hold the event loop for a second.
  const r = await runStat('spatialScan', counts, pop, w, { draws, seed, rate: q.rate });
  r.clusters.forEach((cl, k) => {
    const members = clusterMembers(w, cl);
    if (!members.some((i) => inArea(sel, i))) return;
    out.clusters.push({
      rank: k + 1,
      ids: Array.from(members, (i) => m.id[i] ?? -1),
      centre: m.id[cl.centre] ?? -1,
      direction: cl.observed > cl.expected ? 'high' : 'low',
      observed: cl.observed,
      expected: round(cl.expected, 2),
      relativeRisk: Number.isFinite(cl.relativeRisk) ? round(cl.relativeRisk, 2) : null,
      llr: round(cl.llr, 3),
      p: round(cl.p, 4),
      residents: members.reduce((s, i) => s + (pop[i] ?? 0), 0),
      radiusKm: round(cl.radius, 2),
      outline: dissolve(g.flat, members),
    });
  });
  out.counts = {
    clusters: out.clusters.length,
    significant: out.clusters.filter((c) => c.p < SCAN_SERVICE.alpha).length,
  };
  return out;
}
