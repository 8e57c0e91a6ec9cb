// Applications flow for a period: how many arrived, by channel, registry, receiver, service and applicant; resolution
// time; open and overdue; the district beside the whole database (the "country"); and per-mahalla counts for the map.
import type { Db, Params } from '../../db/database.ts';
import { keptPerDb } from '../../db/kept.ts';
import { APPLICATION_TERM_DAYS } from '../../contract/catalog.ts';
import { areaSql } from '../../selection/area.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import { inArea, type Selection } from '../../selection/select.ts';
import { and, timeWindow, type SqlPart } from '../../selection/window.ts';
import { dataPeriod } from '../data-period.ts';
import { addDays, nextDay, type Period } from '../../shared/period.ts';
import { quantileDisc } from '../../stats/histogram-quantile.ts';

/**
 * SQL over `applications` for "open" and "overdue" as of `$asof` (parameters from {@link applicationParams}).
 * Open: received before the moment and not resolved before it. Overdue: open, and the legal term
 * (APPLICATION_TERM_DAYS: kept by the inspector 15 days, passed to a service 30) ran out before then.
 */
export const APPLICATION_SQL = {
  open: `(resolved_at IS NULL OR resolved_at >= $asof::TIMESTAMP)`,
  // The deadline compared as "received before the as-of moment minus the term": plain timestamp comparisons.
  overdue: `((resolved_at IS NULL OR resolved_at >= $asof::TIMESTAMP)
             AND received_at < CASE WHEN service IS NULL THEN $cutKept::TIMESTAMP ELSE $cutPassed::TIMESTAMP END)`,
} as const;

/**
 * The moment open and overdue are judged at: the end of the period, or the end of the data if that comes first
 * (nothing is known after it). Returned as the exclusive day bound, YYYY-MM-DD.
 */
export async function asOfDay(db: Db, to: string): Promise<string> {
  const end = (await dataPeriod(db)).end;
  const after = nextDay(to);
  return after < end ? after : end;
}

export const applicationParams = (asof: string): Params => ({
  asof,
  cutKept: addDays(asof, -APPLICATION_TERM_DAYS.kept),
  cutPassed: addDays(asof, -APPLICATION_TERM_DAYS.passed),
});

export interface FlowRow {
  /** the code; for `byService`, null = kept by the prevention inspector */
  code: string | null;
  n: number;
  open: number;
  overdue: number;
}
/** Resolution time of those resolved by the as-of moment, days (null when none was). */
export interface ResolutionTimes {
  medianDays: number | null;
  p90Days: number | null;
}
export type TimedRow = FlowRow & ResolutionTimes;
export interface FlowLink {
  from: string | null;
  to: string | null;
  n: number;
}

export interface ApplicationsFlow {
  period: Period;
  /** open/overdue are judged at the start of this day (the day after the period, or the end of the data) */
  asOf: string;
  termDays: typeof APPLICATION_TERM_DAYS;
  /** the districts (null = all) or the one mahalla the flow is of */
  scope: { districts: string[] | null; mahalla: number | null };
  total: Omit<TimedRow, 'code'>;
  byChannel: FlowRow[];
  byRegistry: FlowRow[];
  byReceiver: TimedRow[];
  byService: TimedRow[];
  byApplicant: FlowRow[];
  /** the flow channel → registry → receiver → service, as counts of each consecutive pair */
  links: { channelRegistry: FlowLink[]; registryReceiver: FlowLink[]; receiverService: FlowLink[] };
  /** the breakdown national statistics publish, recomputed from the records: the selection and the whole database */
  national: { selected: PublishedShares; country: PublishedShares };
}

export interface PublishedShares {
  n: number;
  /** share of applications by registry (0–1, 4 decimals) */
  registry: Record<string, number>;
  /** share received by the duty unit (0–1, 4 decimals) */
  dutyUnit: number;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The WHERE of the selection's applications by their receipt time: the period, and its mahalla or area. */
function received(sel: Selection): SqlPart {
  return and(
    timeWindow(sel.period, { col: 'received_at' }),
    sel.mahalla !== null ? { sql: 'mahalla_id = $mahalla', params: { mahalla: sel.mahalla } } : areaSql(sel.area),
  );
}

// Counts come from one aggregate at the finest grain (≤ 5 × 3 × 3 × 11 × 2 cells), summed here into every breakdown
// and link. ENUM columns travel as they are (they arrive as their codes' strings): casting them to VARCHAR first made
// the national query twice as slow. Resolution times arrive as histograms of 0.1-day bins per receiver and service,
// summed here into the per-receiver, per-service and total histograms whose quantiles a head reads: a quantile per
// grouping set in SQL sorted every value three times (≈ 20 ms nationally, against ≈ 12 ms).
const DIMENSIONS = ['channel', 'registry', 'received_by', 'service', 'applicant'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type CountCell = { [K in Dimension]: string | null } & { n: number; open: number; overdue: number };
/**
 * The bin of a resolution time of m minutes, in SQL: floor((m + 72) / 144) is exactly Math.round(m / 1440 * 10), the
 * time in days rounded to 0.1 as the API shows it (test/server/applications-flow-times.test.ts checks every minute of
 * 5 years), and a rounding that never reorders values keeps the discrete quantile: quantile of bins = bin of quantile.
 */
export const TIME_BIN = `floor((date_diff('minute', received_at, resolved_at) + 72) / 144)::INTEGER`;
type TimeHistograms = Map<string, Map<number, number>>;
const RECEIVER = (code: string | null): string => `r:${code ?? ''}`;
const SERVICE = (code: string | null): string => `s:${code ?? ''}`;
const ALL = 'all';

/** Sums cells into one row per value of `d`, largest first (ties by code: the cells come in no particular order). */
function sumBy(cells: readonly CountCell[], d: Dimension): FlowRow[] {
  const rows = new Map<string | null, FlowRow>();
  for (const c of cells) {
    const r = rows.get(c[d]) ?? { code: c[d], n: 0, open: 0, overdue: 0 };
    r.n += c.n;
    r.open += c.open;
    r.overdue += c.overdue;
    rows.set(c[d], r);
  }
  return [...rows.values()].sort((a, b) => b.n - a.n || String(a.code).localeCompare(String(b.code)));
}

/** Receiver, service and total histograms of resolution-time bins from the (receiver, service, bin) cells. */
function timeHistograms(cells: {
  received_by: Array<string | null>;
  service: Array<string | null>;
  bin: number[];
  n: number[];
}): TimeHistograms {
  const out: TimeHistograms = new Map();
  const add = (key: string, bin: number, n: number): void => {
    const h = out.get(key) ?? out.set(key, new Map()).get(key);
    h?.set(bin, (h.get(bin) ?? 0) + n);
  };
  cells.bin.forEach((bin, k) => {
    const n = cells.n[k] ?? 0;
    add(RECEIVER(cells.received_by[k] ?? null), bin, n);
    add(SERVICE(cells.service[k] ?? null), bin, n);
    add(ALL, bin, n);
  });
  return out;
}

/** Median and 90th percentile: the resolution times of the middle and the 90 % application (no interpolation). */
function times(h: Map<number, number> | undefined): ResolutionTimes {
  const median = h ? quantileDisc(h, 0.5) : null;
  const p90 = h ? quantileDisc(h, 0.9) : null;
  return { medianDays: median === null ? null : median / 10, p90Days: p90 === null ? null : p90 / 10 };
}

function shares(n: number, registry: ReadonlyArray<{ code: string | null; n: number }>, duty: number): PublishedShares {
  return {
    n,
    registry: Object.fromEntries(registry.map((r) => [r.code ?? '', n > 0 ? round(r.n / n, 4) : 0])),
    dutyUnit: n > 0 ? round(duty / n, 4) : 0,
  };
}

/**
 * The country's published breakdown for a period: the same for every district's flow of that period, so kept for the
 * periods asked last until the data change (a scan of every application of the period, ≈ 10–20 ms nationally, was
 * part of each district head's flow).
 */
const countryShares = keptPerDb(
  (p: Period) => `${p.from}|${p.to}`,
  async (db, p: Period): Promise<PublishedShares> => {
    const all = timeWindow(p, { col: 'received_at' });
    const rows = await db.all<{ registry: string | null; received_by: string | null; g: number; n: number }>(
      `SELECT registry::VARCHAR AS registry, received_by::VARCHAR AS received_by, GROUPING(registry, received_by)::INTEGER AS g, count(*)::INTEGER AS n
       FROM applications WHERE ${all.sql} GROUP BY GROUPING SETS ((registry), (received_by), ())`,
      all.params,
    );
    return shares(
      rows.find((c) => c.g === 3)?.n ?? 0,
      rows.filter((c) => c.g === 1).map((c) => ({ code: c.registry, n: c.n })),
      rows.find((c) => c.g === 2 && c.received_by === 'duty_unit')?.n ?? 0,
    );
  },
  32,
);

/** The flow of the selection's applications (of its mahalla, or its area) beside the whole database's. */
export async function getApplicationsFlow(db: Db, s: Selection): Promise<ApplicationsFlow> {
  const asOf = await asOfDay(db, s.period.to);
  const sel = received(s);
  const whole = s.area.kind === 'all' && s.mahalla === null;
  // Only the whole database is its own comparison; a district, an area or one mahalla is set beside the country.
  const own = whole;
  const params = { ...sel.params, ...applicationParams(asOf) };
  const [cells, timeCells, country] = await Promise.all([
    db.all<CountCell>(
      `SELECT ${DIMENSIONS.join(', ')},
              count(*)::INTEGER AS n, count_if(${APPLICATION_SQL.open})::INTEGER AS open, count_if(${APPLICATION_SQL.overdue})::INTEGER AS overdue
       FROM applications WHERE ${sel.sql} GROUP BY ALL`,
      params,
    ),
    db.columns<{ received_by: string | null; service: string | null; bin: number; n: number }>(
      `SELECT received_by, service, ${TIME_BIN} AS bin, count(*)::INTEGER AS n
       FROM applications WHERE ${sel.sql} AND resolved_at < $asof::TIMESTAMP GROUP BY ALL`,
      { ...sel.params, asof: asOf },
    ),
    own ? Promise.resolve(null) : countryShares(db, s.period),
  ]);
  const histograms = timeHistograms(timeCells);
  const timed = (key: (code: string | null) => string, rows: FlowRow[]): TimedRow[] =>
    rows.map((r) => ({ ...r, ...times(histograms.get(key(r.code))) }));
  const links = (a: Dimension, b: Dimension): FlowLink[] => {
    const sums = new Map<string, FlowLink>();
    for (const c of cells) {
      const key = `${c[a]}>${c[b]}`;
      const l = sums.get(key) ?? { from: c[a], to: c[b], n: 0 };
      l.n += c.n;
      sums.set(key, l);
    }
    return [...sums.values()].sort((x, y) => y.n - x.n || `${x.from}>${x.to}`.localeCompare(`${y.from}>${y.to}`));
  };
  const sum = (k: 'n' | 'open' | 'overdue'): number => cells.reduce((s, c) => s + c[k], 0);
  const total = { n: sum('n'), open: sum('open'), overdue: sum('overdue'), ...times(histograms.get(ALL)) };
  const byRegistry = sumBy(cells, 'registry');
  const byReceiver = timed(RECEIVER, sumBy(cells, 'received_by'));
  const selected = shares(total.n, byRegistry, byReceiver.find((r) => r.code === 'duty_unit')?.n ?? 0);
  return {
    period: s.period,
    asOf,
    termDays: APPLICATION_TERM_DAYS,
    scope: { districts: s.districts, mahalla: s.mahalla },
    total,
    byChannel: sumBy(cells, 'channel'),
    byRegistry,
    byReceiver,
    byService: timed(SERVICE, sumBy(cells, 'service')),
    byApplicant: sumBy(cells, 'applicant'),
    links: {
      channelRegistry: links('channel', 'registry'),
      registryReceiver: links('registry', 'received_by'),
      receiverService: links('received_by', 'service'),
    },
    national: { selected, country: country ?? selected },
  };
}

export interface ApplicationsByMahalla {
  period: Period;
  asOf: string;
  /** columnar, one entry per mahalla (of the district) in id order, zero where none arrived */
  ids: number[];
  count: number[];
  open: number[];
  overdue: number[];
  totals: { count: number; open: number; overdue: number };
}

/** Applications per mahalla for the map: arrived in the period, still open and overdue as of its end. */
export async function getApplicationsByMahalla(db: Db, s: Selection): Promise<ApplicationsByMahalla> {
  const asOf = await asOfDay(db, s.period.to);
  const sel = received(s);
  const [m, agg] = await Promise.all([
    mahallaColumns(db),
    db.columns<{ id: number; n: number; open: number; overdue: number }>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n, count_if(${APPLICATION_SQL.open})::INTEGER AS open,
              count_if(${APPLICATION_SQL.overdue})::INTEGER AS overdue
       FROM applications WHERE ${sel.sql} GROUP BY 1`,
      { ...sel.params, ...applicationParams(asOf) },
    ),
  ]);
  const at = new Map<number, number>();
  agg.id.forEach((id, k) => at.set(id, k));
  const out: ApplicationsByMahalla = {
    period: s.period,
    asOf,
    ids: [],
    count: [],
    open: [],
    overdue: [],
    totals: { count: 0, open: 0, overdue: 0 },
  };
  m.id.forEach((id, i) => {
    if (!inArea(s, i)) return;
    const k = at.get(id);
    const n = k === undefined ? 0 : (agg.n[k] ?? 0);
    const open = k === undefined ? 0 : (agg.open[k] ?? 0);
    const overdue = k === undefined ? 0 : (agg.overdue[k] ?? 0);
    out.ids.push(id);
    out.count.push(n);
    out.open.push(open);
    out.overdue.push(overdue);
    out.totals.count += n;
    out.totals.open += open;
    out.totals.overdue += overdue;
  });
  return out;
}
