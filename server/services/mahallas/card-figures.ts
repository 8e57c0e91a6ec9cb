// The numbers of a mahalla card (count, previous count, district rank, categories, monthly trend, weekday × hour),
// computed in memory from a compact copy of the records: 6 bytes a record (minute, two ENUM codes), grouped by mahalla,
// loaded once per source and data generation (per-db.ts; ≈ 60 MB for the national 10 M incidents, read in ≈ 1–3 s).
// A card then costs no query at all, where reading the records for each card took 40–75 ms nationally and queued
// behind other requests under load (a copy per district was tried: each cold district cost a 10 M-row scan, and 50
// clients asking cards all over the country kept hitting cold ones).
// test/server/services/card-figures.test.ts checks the answers against SQL over the raw records.
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../contract/catalog.ts';
import type { Db } from '../../db/database.ts';
import { dataEpoch, memoAsync } from '../../db/per-db.ts';
import { mask } from '../../selection/record-filter.ts';
import { mahallaColumns, type MahallaColumns } from '../../selection/mahallas.ts';
import type { Selection } from '../../selection/select.ts';
import { dayMs, nextDay, type Period } from '../../shared/period.ts';
import type { DataPeriod } from '../data-period.ts';

/** The records of one source grouped by mahalla, in the order of `mahallaColumns` (ascending id). */
interface RecordsByMahalla {
  /** the records of the mahalla at index k are [start[k], start[k + 1]) */
  start: Int32Array;
  /** minutes since 1970-01-01 00:00 of the record's local time (as stored: no zone) */
  minute: Int32Array;
  /** ENUM codes: category and status of an incident, registry and receiver of an application */
  a: Uint8Array;
  b: Uint8Array;
}

const SOURCES = {
  incidents: { table: 'incidents', ts: 'ts', a: 'category', b: 'status' },
  applications: { table: 'applications', ts: 'received_at', a: 'registry', b: 'received_by' },
} as const;

type Source = keyof typeof SOURCES;

async function loadRecords(db: Db, source: Source): Promise<RecordsByMahalla> {
  const s = SOURCES[source];
  const m = await mahallaColumns(db);
  // Minutes lose nothing a card asks: periods start and end at midnight, and the trend and the grid read months,
  // weekdays and hours. No ORDER BY: a counting sort by mahalla below is cheaper than DuckDB sorting 10 M rows.
  const r = await db.ints<'k' | 't' | 'c'>(
    `SELECT i.k, floor(epoch_ms(r.${s.ts}) / 60000)::INTEGER AS t,
       (enum_code(r.${s.a})::INTEGER * 256 + enum_code(r.${s.b})::INTEGER) AS c
     FROM ${s.table} r JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS k FROM mahallas) i
       ON i.id = r.mahalla_id`,
  );
  const start = new Int32Array(m.id.length + 1);
  for (const k of r.k) start[k + 1] = (start[k + 1] ?? 0) + 1;
  for (let k = 0; k < m.id.length; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const next = start.slice(0, m.id.length);
  const minute = new Int32Array(r.k.length);
  const a = new Uint8Array(r.k.length);
  const b = new Uint8Array(r.k.length);
  r.k.forEach((k, i) => {
    const at = next[k] ?? 0;
    next[k] = at + 1;
    const c = r.c[i] ?? 0;
    minute[at] = r.t[i] ?? 0;
    a[at] = c >> 8;
    b[at] = c & 255;
  });
  return { start, minute, a, b };
}

/** Per database, each source's records, reloaded when the data generation changes. */
const loaders = new WeakMap<Db, (source: Source) => Promise<RecordsByMahalla>>();

export function recordsByMahalla(db: Db, source: Source): Promise<RecordsByMahalla> {
  let load = loaders.get(db);
  if (!load) {
    load = memoAsync(
      (src: Source) => loadRecords(db, src),
      new Map<Source, Promise<RecordsByMahalla>>(),
      () => dataEpoch(db),
    );
    loaders.set(db, load);
  }
  return load(source);
}

/** Indices (into `mahallaColumns`) of the district's mahallas, ascending id. */
const districtIndices = (m: MahallaColumns, district: string): number[] =>
  m.id.flatMap((_, i) => (m.district[i] === district ? [i] : []));

export interface CardFigures {
  /** the mahalla's records in the period and in the previous one */
  count: number;
  prev: number;
  /** records a thousand residents in the period (unrounded here, to 2 decimals on the card); 0 without residents */
  rate: number;
  /** rank of the rate among the district's mahallas, 1 = highest */
  districtRank: number;
  districtMahallas: number;
  /** incidents by category code, or applications by registry code (form1, form2, alphabetical) */
  byCategory: Array<{ category: string; count: number }>;
  /** whole data period, selected categories and statuses */
  trend: Array<{ month: string; count: number }>;
  /** records of the period by weekday (0 = Monday … 6 = Sunday) × hour of day (0–23) */
  weekHour: number[][];
}

const MINUTES_A_DAY = 1440;
const minuteOf = (day: string): number => dayMs(day) / 60_000;
/** [first, end) minutes of an inclusive period */
const window = (p: Period): [number, number] => [minuteOf(p.from), minuteOf(nextDay(p.to))];

/**
 * The figures of mahalla `sel.mahalla` in district `district` for the selection's period and filters, `previous` the
 * comparison period, the trend over the data period `data` (every month, zeros included).
 */
export async function cardFigures(
  db: Db,
  sel: Selection & { mahalla: number },
  district: string,
  previous: Period,
  data: DataPeriod,
): Promise<CardFigures> {
  const [all, cols] = await Promise.all([recordsByMahalla(db, sel.source), mahallaColumns(db)]);
  const home = districtIndices(cols, district);
  const r = {
    ...all,
    ids: home.map((i) => cols.id[i] ?? 0),
    population: home.map((i) => cols.population[i] ?? 0),
  };
  const incidents = sel.source === 'incidents';
  const maskA = incidents ? mask(sel.categories, INCIDENT_CATEGORIES) : mask(sel.registries, REGISTRIES);
  const maskB = incidents ? mask(sel.statuses, INCIDENT_STATUSES) : mask(sel.receivers, RECEIVERS);
  const codes: readonly string[] = incidents ? INCIDENT_CATEGORIES : REGISTRIES;
  const kept = (i: number): boolean => ((maskA >> (r.a[i] ?? 0)) & 1) === 1 && ((maskB >> (r.b[i] ?? 0)) & 1) === 1;
  const [from, end] = window(sel.period);
  const counts = home.map((g) => {
    let n = 0;
    for (let i = r.start[g] ?? 0; i < (r.start[g + 1] ?? 0); i++) {
      const t = r.minute[i] ?? 0;
      if (t >= from && t < end && kept(i)) n++;
    }
    return n;
  });
  // Rates high to low, ties by id; a mahalla without residents has no rate and comes last (as SQL's NULL would).
  const rates = counts.map((n, k) => ((r.population[k] ?? 0) > 0 ? (n * 1000) / (r.population[k] ?? 1) : null));
  const order = r.ids.map((_, k) => k);
  order.sort((x, y) => {
    const rx = rates[x] ?? null;
    const ry = rates[y] ?? null;
    if (rx !== ry) return rx === null ? 1 : ry === null ? -1 : ry - rx;
    return (r.ids[x] ?? 0) - (r.ids[y] ?? 0);
  });
  const k = r.ids.indexOf(sel.mahalla);
  const [pFrom, pEnd] = window(previous);
  const first = minuteOf(data.start.slice(0, 8) + '01');
  const months = monthsBetween(data.start, data.end);
  const byMonth = new Array<number>(months.length).fill(0);
  const byCode = new Array<number>(codes.length).fill(0);
  const weekHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let prev = 0;
  const g = home[k] ?? -1;
  for (let i = r.start[g] ?? 0; i < (r.start[g + 1] ?? 0); i++) {
    if (!kept(i)) continue;
    const t = r.minute[i] ?? 0;
    if (t >= pFrom && t < pEnd) prev++;
    if (t >= first) {
      const d = new Date(t * 60_000);
      const month = (d.getUTCFullYear() - months.year) * 12 + d.getUTCMonth() - months.month;
      if (month < byMonth.length) byMonth[month] = (byMonth[month] ?? 0) + 1;
    }
    if (t < from || t >= end) continue;
    byCode[r.a[i] ?? 0] = (byCode[r.a[i] ?? 0] ?? 0) + 1;
    const day = Math.floor(t / MINUTES_A_DAY);
    // 1970-01-01 was a Thursday: 3 days after a Monday.
    const row = weekHour[(((day + 3) % 7) + 7) % 7];
    const hour = Math.floor((t - day * MINUTES_A_DAY) / 60);
    if (row) row[hour] = (row[hour] ?? 0) + 1;
  }
  const rank = order.indexOf(k);
  return {
    count: counts[k] ?? 0,
    prev,
    rate: rates[k] ?? 0,
    districtRank: rank + 1,
    districtMahallas: r.ids.length,
    byCategory: codes
      .map((category, c) => ({ category, count: byCode[c] ?? 0 }))
      .filter((c) => c.count > 0)
      .sort((x, y) => y.count - x.count || (x.category < y.category ? -1 : 1)),
    trend: months.map((month, j) => ({ month, count: byMonth[j] ?? 0 })),
    weekHour,
  };
}

/** 'YYYY-MM' of every month from the one of `start` to the one of the day before `end`, and the first one's numbers. */
function monthsBetween(start: string, end: string): string[] & { year: number; month: number } {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1;
  const last = new Date(dayMs(end) - 86_400_000);
  const n = (last.getUTCFullYear() - year) * 12 + last.getUTCMonth() - month + 1;
  const out = Array.from({ length: Math.max(0, n) }, (_, j) => {
    const y = year + Math.floor((month + j) / 12);
    return `${y}-${String(((month + j) % 12) + 1).padStart(2, '0')}`;
  });
  return Object.assign(out, { year, month });
}
