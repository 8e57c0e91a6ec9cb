// Calibration of the hot-spot rule on the city demo (issue 11): how often maps drawn under constant risk light up at
// the default FDR (false alarms), beside the old analytic Gi* on rates, and how often a planted cluster is found (power).
// Records are drawn given the real record count of each view, in proportion to residents (× the planted risk); seeded.
import { Rng } from '../data/generate/random.ts';
import { INCIDENT_CATEGORIES } from '../server/contract/catalog.ts';
import { openDb, type Db } from '../server/db/database.ts';
import { select } from '../server/selection/select.ts';
import { mahallaColumns } from '../server/selection/mahallas.ts';
import { contiguity } from '../server/services/hotspots/hotspots.ts';
import { periodCounts } from '../server/services/hotspots/metrics.ts';
import { lastDays } from '../server/shared/period.ts';
import { exactNeighbourhood, oldGiStarOnRates, shareOfMaps, type MapRule } from '../server/stats/null-simulation.ts';
import type { Weights } from '../server/stats/weights.ts';
import type { BenchRow } from './spatial-join.ts';

/** Defaults of the calibration runs. */
const CALIBRATION = {
  /** simulated maps per false-alarm row: the share's standard error at 10 % is ≈ 0.7 points */
  nullRuns: 2000,
  /** planted clusters per power row: the share's standard error at 80 % is ≈ 1.3 points */
  powerRuns: 1000,
  /** the power rows break down by the cluster's expected records under constant risk, at these bounds */
  expectedBands: [150, 300],
  seed: 20_261_111,
  /** the last day of the demo data */
  end: '2026-10-31',
  /** the rule's nominal false-alarm rate: any unit significant at q < 0.10 */
  nominal: 0.1,
};

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const int = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** Records of the last `days` days (of one category, or all). */
async function viewRecords(db: Db, days: number, category?: (typeof INCIDENT_CATEGORIES)[number]): Promise<number> {
  const p = lastDays(CALIBRATION.end, days);
  const sel = await select(db, { ...p, ...(category ? { categories: [category] } : {}) });
  return (await periodCounts(db, sel)).reduce((a, b) => a + b, 0);
}

/** A connected cluster of `size` mahallas grown over the contiguity from a random one (breadth first, random order). */
function plantCluster(rng: Rng, w: Weights, size: number): number[] {
  for (;;) {
    const cluster = [rng.int(0, w.n - 1)];
    const inCluster = new Set(cluster);
    for (let k = 0; k < cluster.length && cluster.length < size; k++) {
      const u = cluster[k]!;
      const next: number[] = [];
      for (let e = w.offsets[u]!; e < w.offsets[u + 1]!; e++)
        if (!inCluster.has(w.neighbours[e]!)) next.push(w.neighbours[e]!);
      for (const v of next.sort(() => rng.next() - 0.5)) {
        if (cluster.length >= size) break;
        cluster.push(v);
        inCluster.add(v);
      }
    }
    if (cluster.length === size) return cluster;
  }
}

/** Share of planted clusters (3–6 mahallas at `risk` times the rest) in which at least one mahalla is found hot. */
function power(o: {
  rules: MapRule[];
  residents: Float64Array;
  w: Weights;
  records: number;
  risk: number;
  runs: number;
}): { found: number[]; expected: number[]; hits: boolean[] } {
  const rng = new Rng(CALIBRATION.seed + Math.round(o.risk * 100));
  const total = o.residents.reduce((a, b) => a + b, 0);
  const found = o.rules.map(() => 0);
  const expected: number[] = [];
  const hits: boolean[] = [];
  const risk = new Float64Array(o.residents.length);
  for (let r = 0; r < o.runs; r++) {
    const cluster = plantCluster(rng, o.w, rng.int(3, 6));
    risk.set(o.residents);
    for (const i of cluster) risk[i]! *= o.risk;
    expected.push((o.records * cluster.reduce((s, i) => s + o.residents[i]!, 0)) / total);
    const hit = (bin: Int8Array): boolean => cluster.some((i) => bin[i]! > 0);
    // The same draw for every rule: one seed per run.
    const seed = rng.int(1, 2 ** 30);
    o.rules.forEach((rule, k) => {
      const share = shareOfMaps({ runs: 1, rng: new Rng(seed), risk, records: o.records, rule, hit });
      found[k]! += share;
      if (k === 0) hits.push(share > 0);
    });
  }
  return { found: found.map((f) => f / o.runs), expected, hits };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** "< 150 expected: 61 % (n = 310) · 150–300: 82 % (n = 450) · ≥ 300: 97 % (n = 240)": power by the cluster's size in records. */
function byExpected(expected: number[], hits: boolean[]): string {
  const [lo = 150, hi = 300] = CALIBRATION.expectedBands;
  const bands: Array<[string, (e: number) => boolean]> = [
    [`< ${lo} expected`, (e) => e < lo],
    [`${lo}–${hi}`, (e) => e >= lo && e < hi],
    [`≥ ${hi}`, (e) => e >= hi],
  ];
  return bands
    .map(([label, inBand]) => {
      const runs = expected.flatMap((e, r) => (inBand(e) ? [hits[r] === true] : []));
      return `${label}: ${runs.length ? pct(runs.filter(Boolean).length / runs.length) : '—'} (n = ${runs.length})`;
    })
    .join(' · ');
}

/**
 * The calibration rows of `npm run bench` on the city demo database at `dbFile`.
 * @example rows.push(...(await benchCalibration('/tmp/hamkor-bench-city.duckdb')));
 */
export async function benchCalibration(
  dbFile: string,
  log: (s: string) => void = () => {},
  runs: Partial<Pick<typeof CALIBRATION, 'nullRuns' | 'powerRuns'>> = {},
): Promise<BenchRow[]> {
  const db = await openDb(dbFile, { readOnly: true });
  try {
    const [{ w }, m] = await Promise.all([contiguity(db), mahallaColumns(db)]);
    const residents = Float64Array.from(m.population);
    const rules = { exact: exactNeighbourhood(residents, w), old: oldGiStarOnRates(residents, w) };
    const perCategory = await Promise.all(
      INCIDENT_CATEGORIES.map(async (c) => ({ c, n: await viewRecords(db, 90, c) })),
    );
    const sparsest = perCategory.sort((a, b) => a.n - b.n)[0]!.c;
    const views: Array<{ label: string; days: number; category?: (typeof INCIDENT_CATEGORIES)[number] }> = [
      { label: '7 days, all incidents', days: 7 },
      { label: '30 days, all incidents', days: 30 },
      { label: '90 days, all incidents', days: 90 },
      { label: `7 days, ${sparsest} (the sparsest category)`, days: 7, category: sparsest },
      { label: `30 days, ${sparsest}`, days: 30, category: sparsest },
      { label: `90 days, ${sparsest}`, days: 90, category: sparsest },
    ];
    const rows: BenchRow[] = [];
    const { nullRuns, powerRuns, nominal } = { ...CALIBRATION, ...runs };
    for (const v of views) {
      const records = await viewRecords(db, v.days, v.category);
      log(`calibration: ${v.label} (${records} records)…`);
      const alarms = (rule: MapRule): number =>
        shareOfMaps({ runs: nullRuns, rng: new Rng(CALIBRATION.seed + v.days), risk: residents, records, rule });
      rows.push({
        name: `calibration, city under constant risk (${nullRuns} seeded maps): ${v.label}, N = ${int(records)}: maps with ≥ 1 significant mahalla at FDR 10 %`,
        value: `exact test ${pct(alarms(rules.exact))} · old Gi* on rates ${pct(alarms(rules.old))}`,
        target: `≤ ${pct(nominal)} + 2 points`,
      });
    }
    const records = await viewRecords(db, 90);
    for (const risk of [1.5, 2]) {
      log(`calibration: planted clusters at ${risk}× …`);
      const p = power({ rules: [rules.exact, rules.old], residents, w, records, risk, runs: powerRuns });
      const e = median(p.expected);
      rows.push({
        name:
          `power, city, 90 days (N = ${int(records)}): a planted cluster of 3–6 adjacent mahallas at ${risk}× risk ` +
          `(${powerRuns} seeded clusters; median ${int(e)} records expected there, + ${int((risk - 1) * e)} planted) ` +
          'found: ≥ 1 of its mahallas hot',
        value:
          `exact test ${pct(p.found[0] ?? NaN)} (by records expected in the cluster: ${byExpected(p.expected, p.hits)})` +
          ` · old Gi* on rates ${pct(p.found[1] ?? NaN)} (not calibrated)`,
        target: '≥ 80 %',
      });
    }
    return rows;
  } finally {
    db.close();
  }
}
