// The numbers of a mahalla card (count, previous count, district rank, categories, monthly trend, weekday × hour),
// computed in memory from a compact copy of its district's records: 6 bytes a record (minute, two ENUM codes), sorted by
// mahalla and time, loaded once per district, source and data generation (per-db.ts). A card then costs no query at
// all, where reading the records for each card took 40–75 ms nationally and queued behind other requests under load.
// test/server/services/card-figures.test.ts checks the answers against SQL over the raw records.
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../contract/catalog.ts';
import type { Db } from '../../db/database.ts';
import { dataEpoch, memoAsync } from '../../db/per-db.ts';
import { mask } from '../../selection/record-filter.ts';
import { mahallaColumns } from '../../selection/mahallas.ts';
import type { Selection } from '../../selection/select.ts';
import { dayMs, nextDay, type Period } from '../../shared/period.ts';
import type { DataPeriod } from '../data-period.ts';

/** One district's records of one source, by mahalla (ascending id) and then time. */
interface DistrictRecords {
  ids: number[];
  population: number[];
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

async function loadDistrict(db: Db, source: Source, district: string): Promise<DistrictRecords> {
  const s = SOURCES[source];
  const m = await mahallaColumns(db);
  const idx = m.id.flatMap((_, i) => (m.district[i] === district ? [i] : []));
  const ids = idx.map((i) => m.id[i] ?? 0);
  const population = idx.map((i) => m.population[i] ?? 0);
  // Minutes lose nothing a card asks: periods start and end at midnight, and the trend and the grid read months,
  // weekdays and hours. Sorted by time within a mahalla, as the stored order would give no guarantee.
  const r = await db.ints<'m' | 't' | 'a' | 'b'>(
    `SELECT mahalla_id AS m, floor(epoch_ms(${s.ts}) / 60000)::INTEGER AS t, enum_code(${s.a})::INTEGER AS a,
       enum_code(${s.b})::INTEGER AS b
     FROM ${s.table} WHERE mahalla_id IN (SELECT id FROM mahallas WHERE district_soato = $district)
     ORDER BY mahalla_id, ${s.ts}`,
    { district },
  );
  const start = new Int32Array(ids.length + 1);
  let k = 0;
  r.m.forEach((id, i) => {
    while (k < ids.length && (ids[k] ?? 0) < id) start[++k] = i;
  });
  while (k < ids.length) start[++k] = r.m.length;
  return { ids, population, start, minute: r.t, a: Uint8Array.from(r.a), b: Uint8Array.from(r.b) };
}

/** Per database, the loaded districts (key `source:district`), reloaded when the data generation changes. */
const loaders = new WeakMap<Db, (key: string) => Promise<DistrictRecords>>();

function districtRecords(db: Db, source: Source, district: string): Promise<DistrictRecords> {
  let load = loaders.get(db);
  if (!load) {
    load = memoAsync(
      (key: string) => {
        const [src, d] = key.split(':') as [Source, string];
        return loadDistrict(db, src, d);
      },
      new Map<string, Promise<DistrictRecords>>(),
      () => dataEpoch(db),
    );
    loaders.set(db, load);
  }
  return load(`${source}:${district}`);
}

export interface CardFigures {
  /** the mahalla's records in the period and in the previous one */
  count: number;
  prev: number;
  /** records a thousand residents in the period, unrounded; 0 without residents */
  rate: number;
  districtRank: number;
  districtMahallas: number;
  byCategory: Array<{ category: string; count: number }>;
  trend: Array<{ month: string; count: number }>;
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
  const r = await districtRecords(db, sel.source, district);
  const incidents = sel.source === 'incidents';
  const maskA = incidents ? mask(sel.categories, INCIDENT_CATEGORIES) : mask(sel.registries, REGISTRIES);
  const maskB = incidents ? mask(sel.statuses, INCIDENT_STATUSES) : mask(sel.receivers, RECEIVERS);
  const codes: readonly string[] = incidents ? INCIDENT_CATEGORIES : REGISTRIES;
  const kept = (i: number): boolean => ((maskA >> (r.a[i] ?? 0)) & 1) === 1 && ((maskB >> (r.b[i] ?? 0)) & 1) === 1;
  const [from, end] = window(sel.period);
  const counts = r.ids.map((_, k) => {
    let n = 0;
    for (let i = r.start[k] ?? 0; i < (r.start[k + 1] ?? 0); i++) {
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
  for (let i = r.start[k] ?? 0; i < (r.start[k + 1] ?? 0); i++) {
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
