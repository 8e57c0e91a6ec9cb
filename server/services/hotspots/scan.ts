// Kulldorff's scans over the mahallas of the whole database: the spatial Poisson scan (clusters anywhere in the
// period) or the space-time permutation scan (emerging clusters, in the last weeks). The clusters (most likely first,
// then those sharing no mahalla with it) with their mahallas, relative risk, observed and expected records, Monte
// Carlo p-value and dissolved outline. A chosen district narrows which clusters are returned: those touching it.
import type { Position } from 'geojson';
import type { Db } from '../../db/database.ts';
import type { ScanFilter } from '../../contract/scan.ts';
import { dissolve } from '../../geo/dissolve.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { runStat } from '../../stats/pool.ts';
import { SCAN_DEFAULTS, clusterMembers, type ScanCluster as Found, type ScanRate } from '../../stats/scan.ts';
import { addDays, type Period } from '../../shared/period.ts';
import { periodCounts } from './metrics.ts';
import { SCAN_SERVICE, chooseWindows, geometry } from './scan-geometry.ts';
import { weeklyCounts } from './scan-emerging.ts';

export { SCAN_SERVICE } from './scan-geometry.ts';

export interface ScanCluster {
  /** 1 = the most likely cluster; 2, 3, … secondary clusters sharing no mahalla with those before */
  rank: number;
  /** the mahallas of the circle, nearest the centre first */
  ids: number[];
  centre: number;
  direction: 'high' | 'low';
  /** emerging clusters: the weeks they cover (the last ones of the period); null for the spatial scan */
  weeks: Period | null;
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

const NULLS = {
  spatial: { null: 'constant risk given residents', test: 'Monte Carlo' },
  emerging: {
    null: "no space–time interaction (each mahalla's total and each week's total kept)",
    test: 'Monte Carlo, weeks shuffled among the records',
  },
} as const;
const METHODS = {
  spatial: "Kulldorff's spatial scan statistic (Poisson model)",
  emerging: "Kulldorff's prospective space–time scan statistic (permutation model)",
} as const;

export interface ScanResult {
  params: {
    method: (typeof METHODS)[keyof typeof METHODS];
    kind: ScanFilter['kind'];
    source: Selection['source'];
    /** the period scanned: for emerging clusters, its whole weeks ending on `to` */
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
      /** emerging clusters: the longest in weeks, all ending with the last week; null for the spatial scan */
      weeks: number | null;
    };
    inference: {
      variable: 'counts';
      null: (typeof NULLS)[keyof typeof NULLS]['null'];
      test: (typeof NULLS)[keyof typeof NULLS]['test'];
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

export type ScanAnswer = ScanResult | { refused: 'maxShare'; reason: string; share: number; mahallas: number };

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const STUDY_AREA: Record<string, string> = { city: 'city', national: 'country' };

export async function getScan(db: Db, sel: Selection, q: ScanFilter): Promise<ScanAnswer> {
  const emerging = q.kind === 'emerging';
  const [g, m, chosen, data] = await Promise.all([
    geometry(db),
    mahallaColumns(db),
    chooseWindows(db, q.maxShare),
    emerging ? weeklyCounts(db, sel) : periodCounts(db, sel).then((counts) => ({ counts, weeks: 1, first: '' })),
  ]);
  const { w } = chosen;
  if (!w)
    return {
      refused: 'maxShare',
      reason: `circles of up to ${chosen.share} of the residents are too many to scan on ${m.id.length} mahallas; ask for a smaller share`,
      share: chosen.share,
      mahallas: m.id.length,
    };
  const draws = q.draws ?? SCAN_DEFAULTS.draws;
  const seed = q.seed ?? SCAN_DEFAULTS.seed;
  const pop = Float64Array.from(m.population);
  let records = 0;
  for (const c of data.counts) records += c;
  const maxWeeks = emerging ? Math.max(1, Math.min(q.weeks ?? SCAN_SERVICE.weeks, Math.floor(data.weeks / 2))) : null;
  const out: ScanResult = {
    params: {
      method: METHODS[q.kind],
      kind: q.kind,
      source: sel.source,
      period: emerging ? { from: data.first, to: sel.period.to } : sel.period,
      categories: sel.categories,
      statuses: sel.statuses,
      registries: sel.registries,
      receivers: sel.receivers,
      // The permutation scan looks for more than expected only (SaTScan's space-time permutation model does).
      rate: emerging ? 'high' : q.rate,
      windows: {
        shape: "circles around each mahalla's centroid, growing neighbour by neighbour",
        maxShare: chosen.share,
        maxShareFrom: chosen.from,
        circles: w.closes.reduce((a, b) => a + b, 0),
        weeks: maxWeeks,
      },
      inference: {
        variable: 'counts',
        ...NULLS[q.kind],
        draws,
        seed,
        studyArea: `${STUDY_AREA[g.scale] ?? 'whole database'} (${m.id.length} mahallas)`,
        fdr: null,
      },
      alpha: SCAN_SERVICE.alpha,
      records,
      residents: pop.reduce((a, b) => a + b, 0),
    },
    tooFew: records < SCAN_SERVICE.minRecords ? { records, needed: SCAN_SERVICE.minRecords } : null,
    clusters: [],
    counts: { clusters: 0, significant: 0 },
  };
  if (out.tooFew) return out;
  // On the statistics worker: 999 draws over ≈ 40,000 window entries (× the weeks) would hold the event loop.
  const found: Array<Found & { weeks?: number }> = emerging
    ? (
        await runStat('spaceTimeScan', data.counts, data.weeks, w, {
          draws,
          seed,
          maxWeeks: maxWeeks ?? 1,
          maxClusters: SCAN_DEFAULTS.maxClusters,
        })
      ).clusters
    : (await runStat('spatialScan', data.counts, pop, w, { draws, seed, rate: q.rate })).clusters;
  found.forEach((cl, k) => {
    const members = clusterMembers(w, cl);
    if (!members.some((i) => inArea(sel, i))) return;
    out.clusters.push({
      rank: k + 1,
      ids: Array.from(members, (i) => m.id[i] ?? -1),
      centre: m.id[cl.centre] ?? -1,
      direction: cl.observed > cl.expected ? 'high' : 'low',
      weeks: cl.weeks === undefined ? null : { from: addDays(sel.period.to, 1 - 7 * cl.weeks), to: sel.period.to },
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
