// Per-mahalla record counts and rates per 1,000 residents for a period, with the comparison period beside them and
// the change between the two tested mahalla by mahalla under a false discovery rate (the change map).
import type { Db } from '../../db/database.ts';
import { daySums, heldByDaySums, periodPerMahalla, type CountSource } from '../../db/day-sums.ts';
import { inArea, recordsWhere, type Selection } from '../../selection/select.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { comparisonPeriod, lengthDays, nextDay, type Comparison, type Period } from '../../shared/period.ts';
import { MIN_EVENTS } from '../../shared/poisson-compare.ts';
import { changeTests } from '../../stats/change-fdr.ts';

/** The change map's false discovery rate: the level of the hot-spot map's weakest class (q < 0.10), one rule. */
export const CHANGE_FDR_Q = 0.1;

/** How the change map was judged, echoed so the legend can say it (and what chance alone would colour). */
export interface ChangeSummary {
  test: 'exact conditional binomial of two Poisson counts';
  null: 'the same rate per day in both periods';
  /** the lengths the rates are taken over: 60 against 59 when 29 February has no twin a year earlier */
  days: { period: number; previous: number };
  /** fewer events than this in both periods together: not compared ("too few to compare") */
  minEvents: number;
  fdr: { method: 'Benjamini–Hochberg'; q: number; over: 'the selected mahallas compared' };
  /** mahallas compared (the FDR family) and mahallas with too few events, of the selection */
  tested: number;
  tooFew: number;
  /** significant rises and falls after the FDR correction */
  up: number;
  down: number;
  expectedByChance: {
    /** if nothing had changed: how many a test of each mahalla alone at p < q would colour (sum of exact sizes) */
    withoutFdr: number;
    /** the FDR bound: at most about this many of the up + down coloured are chance (q × coloured) */
    amongColoured: number;
  };
}

export interface MetricsResult {
  period: Period;
  /** the comparison period (see `comparison`); `prev`/`prevRate` count it */
  previous: Period;
  comparison: Comparison;
  categories: string[];
  statuses: string[];
  /** Columnar, one entry per mahalla of the area in id order (compact for 9,400 mahallas). */
  ids: number[];
  count: number[];
  prev: number[];
  population: number[];
  /** per 1,000 residents, 2 decimals */
  rate: number[];
  prevRate: number[];
  /**
   * Two-sided p-value of the change against the comparison period (exact conditional binomial test of two Poisson
   * counts, per day); null where both periods together have fewer than 10 incidents (too few to judge).
   */
  changeP: Array<number | null>;
  /**
   * Benjamini–Hochberg adjusted p-value (q) of the change over the selection's compared mahallas, rounded UP to 4
   * decimals so that `changeQ ≤ change.fdr.q` reads exactly as the server decided; null where too few to judge.
   */
  changeQ: Array<number | null>;
  change: ChangeSummary;
  totals: { count: number; prev: number; population: number };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const ceil4 = (x: number): number => Math.ceil(x * 1e4) / 1e4;
const max = (a: string, b: string): string => (a > b ? a : b);
const min = (a: string, b: string): string => (a < b ? a : b);

/**
 * Records per mahalla in the period alone, aligned with `mahallaColumns` (zero where none), over every mahalla: the
 * study area a statistic judges the selection's mahallas against. Read from the day sums when they hold the selection
 * (server/db/day-sums.ts), else (or with `from` 'records') from the records.
 */
export async function periodCounts(db: Db, sel: Selection, from: CountSource = 'auto'): Promise<Int32Array> {
  if (from === 'auto' && heldByDaySums(sel)) return periodPerMahalla(await daySums(db, sel.source), sel.period);
  const w = recordsWhere(sel, { area: false });
  const [m, agg] = await Promise.all([
    mahallaColumns(db),
    db.ints<'id' | 'n'>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${w.sql} GROUP BY mahalla_id`,
      w.params,
    ),
  ]);
  const count = new Int32Array(m.id.length);
  agg.id.forEach((id, k) => {
    const i = m.index.get(id);
    if (i !== undefined) count[i] = agg.n[k] ?? 0;
  });
  return count;
}

/**
 * Records per mahalla (aligned with `mahallaColumns`) in the selection's period (`n`) and in `previous` (`p`), exact
 * for the mahallas of its area (others may read zero).
 */
export async function bothPeriodCounts(
  db: Db,
  sel: Selection,
  previous: Period,
  from: CountSource = 'auto',
): Promise<{ n: Int32Array; p: Int32Array }> {
  if (from === 'auto' && heldByDaySums(sel)) {
    const s = await daySums(db, sel.source);
    const n = periodPerMahalla(s, sel.period);
    const p = periodPerMahalla(s, previous);
    // A record of both periods (a year's comparison of a period over a year long) counts in the current one only.
    const both = { from: max(previous.from, sel.period.from), to: min(previous.to, sel.period.to) };
    if (both.from <= both.to) periodPerMahalla(s, both).forEach((k, i) => (p[i]! -= k));
    return { n, p };
  }
  const period = sel.period;
  // The previous period touches the current one: one range, which the time-sorted table's zone maps prune best.
  const both = nextDay(previous.to) === period.from ? { from: previous.from, to: period.to } : null;
  const cur = recordsWhere(sel);
  const prev = recordsWhere(sel, { period: previous, name: 'p' });
  const where = both
    ? recordsWhere(sel, { period: both, name: 'w' })
    : { sql: `((${cur.sql}) OR (${prev.sql}))`, params: { ...cur.params, ...prev.params } };
  // Only the aggregate goes through DuckDB; the join with the (static) mahalla list happens here, by id.
  const [m, agg] = await Promise.all([
    mahallaColumns(db),
    // count_if + count (comparison = total − current) is ≈ 10 % faster than two FILTERed counts on 1.6 M rows.
    db.ints<'id' | 'n' | 't'>(
      `SELECT mahalla_id AS id, count_if(ts >= $from::TIMESTAMP)::INTEGER AS n, count(*)::INTEGER AS t
       FROM ${sel.table} WHERE ${where.sql} GROUP BY mahalla_id`,
      { ...where.params, from: period.from },
    ),
  ]);
  const n = new Int32Array(m.id.length);
  const p = new Int32Array(m.id.length);
  agg.id.forEach((id, k) => {
    const i = m.index.get(id);
    if (i === undefined) return;
    n[i] = agg.n[k] ?? 0;
    p[i] = (agg.t[k] ?? 0) - (agg.n[k] ?? 0);
  });
  return { n, p };
}

export async function getMetrics(db: Db, sel: Selection, compare: Comparison): Promise<MetricsResult> {
  const period = sel.period;
  const previous = comparisonPeriod(period, compare);
  const [m, counts] = await Promise.all([mahallaColumns(db), bothPeriodCounts(db, sel, previous)]);
  const out: Pick<
    MetricsResult,
    'ids' | 'count' | 'prev' | 'population' | 'rate' | 'prevRate' | 'changeP' | 'changeQ'
  > = { ids: [], count: [], prev: [], population: [], rate: [], prevRate: [], changeP: [], changeQ: [] };
  const totals = { count: 0, prev: 0, population: 0 };
  m.id.forEach((id, i) => {
    if (!inArea(sel, i)) return;
    const n = counts.n[i] ?? 0;
    const p = counts.p[i] ?? 0;
    const pop = m.population[i] ?? 0;
    out.ids.push(id);
    out.count.push(n);
    out.prev.push(p);
    out.population.push(pop);
    out.rate.push(round2((n * 1000) / Math.max(1, pop)));
    out.prevRate.push(round2((p * 1000) / Math.max(1, pop)));
    totals.count += n;
    totals.prev += p;
    totals.population += pop;
  });
  // Rates per day: the same calendar days a year earlier can be a day shorter or longer (29 February).
  const days = { period: lengthDays(period), previous: lengthDays(previous) };
  const t = changeTests(out.count, out.prev, days.period, days.previous, CHANGE_FDR_Q);
  t.p.forEach((p, i) => {
    out.changeP.push(Number.isNaN(p) ? null : Math.round(p * 1e4) / 1e4);
    const q = t.q[i]!;
    out.changeQ.push(Number.isNaN(q) ? null : ceil4(q));
  });
  const change: ChangeSummary = {
    test: 'exact conditional binomial of two Poisson counts',
    null: 'the same rate per day in both periods',
    days,
    minEvents: MIN_EVENTS,
    fdr: { method: 'Benjamini–Hochberg', q: CHANGE_FDR_Q, over: 'the selected mahallas compared' },
    tested: t.tested,
    tooFew: t.tooFew,
    up: t.up,
    down: t.down,
    expectedByChance: {
      withoutFdr: round1(t.chanceUncorrected),
      amongColoured: round1(CHANGE_FDR_Q * (t.up + t.down)),
    },
  };
  return {
    period,
    previous,
    comparison: compare,
    categories: sel.categories,
    statuses: sel.statuses,
    ...out,
    totals,
    change,
  };
}
