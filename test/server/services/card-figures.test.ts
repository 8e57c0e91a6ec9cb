// A mahalla card's numbers from the in-memory copy of its district's records equal those SQL computes over the raw
// records, for random records, mahallas, periods, comparisons, sources and filters; and new data is seen at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../../server/db/database.ts';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../../server/contract/catalog.ts';
import { districtSql } from '../../../server/selection/area.ts';
import { recordsWhere, select, type Selection } from '../../../server/selection/select.ts';
import { and } from '../../../server/selection/window.ts';
import { addDays, comparisonPeriod, type Period } from '../../../server/shared/period.ts';
import { cardFigures, type CardFigures } from '../../../server/services/mahallas/card-figures.ts';
import { dataPeriod, type DataPeriod } from '../../../server/services/data-period.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';

const SEED = 1515;
const DISTRICT = { 1: '1726287', 2: '1726287', 3: '1726273', 4: '1726273' } as const;

/**
 * 4,000 incidents and 2,000 applications at random seconds of 2023-10-01 … 2025-01-31 (past both ends of the
 * fixture's data period, 2024), spread over the fixture's four mahallas, with random codes: drawn by DuckDB from a
 * fixed seed, so every run has the same database.
 */
async function withRandomRecords(db: Db): Promise<void> {
  const at = `TIMESTAMP '2023-10-01' + to_seconds((random() * 490 * 86400)::BIGINT)`;
  await db.run(`SELECT setseed(0.1515);
    INSERT INTO incidents (id, ts, mahalla_id, category, status)
    SELECT 10000 + i, ${at}, 1 + (random() * 4)::INTEGER % 4,
      (enum_range(NULL::incident_category))[1 + (random() * 12)::INTEGER % 12],
      (enum_range(NULL::incident_status))[1 + (random() * 3)::INTEGER % 3]
    FROM range(4000) t(i);
    INSERT INTO applications (id, received_at, mahalla_id, applicant, channel, registry, received_by, status)
    SELECT 10000 + i, ${at}, 1 + (random() * 4)::INTEGER % 4, 'citizen', 'phone',
      (enum_range(NULL::registry))[1 + (random() * 3)::INTEGER % 3],
      (enum_range(NULL::receiver))[1 + (random() * 3)::INTEGER % 3], 'open'
    FROM range(2000) t(i)`);
}

/** The card's numbers as SQL gives them from the raw records (what the card ran per request before). */
async function fromRecords(
  db: Db,
  sel: Selection & { mahalla: number },
  previous: Period,
  data: DataPeriod,
): Promise<CardFigures> {
  const id = sel.mahalla;
  const kind = sel.source === 'incidents' ? 'category' : 'registry';
  const now = recordsWhere(sel);
  const before = recordsWhere(sel, { period: previous });
  const home = districtSql([DISTRICT[id as 1 | 2 | 3 | 4]], 'm.district_soato');
  const district = and(recordsWhere(sel, { mahalla: false, area: false }), {
    sql: 'mahalla_id IN (SELECT id FROM mahallas m WHERE ' + home.sql + ')',
    params: home.params,
  });
  const always = and(sel.filter, { sql: 'mahalla_id = $mahalla', params: { mahalla: id } });
  const [ranked, [prev], byCategory, trend, cells] = await Promise.all([
    db.all<{ id: number; n: number; rate: number }>(
      `WITH c AS (SELECT mahalla_id, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${district.sql} GROUP BY 1)
       SELECT m.id, coalesce(c.n, 0)::INTEGER AS n, (coalesce(c.n, 0) * 1000.0 / m.population)::DOUBLE AS rate
       FROM mahallas m LEFT JOIN c ON c.mahalla_id = m.id WHERE ${home.sql} ORDER BY rate DESC, m.id`,
      { ...district.params, ...home.params },
    ),
    db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sel.table} WHERE ${before.sql}`, before.params),
    db.all<{ category: string; count: number }>(
      `SELECT ${kind}::VARCHAR AS category, count(*)::INTEGER AS count FROM ${sel.table} WHERE ${now.sql}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      now.params,
    ),
    db.all<{ month: string; count: number }>(
      `WITH months AS (SELECT unnest(generate_series(date_trunc('month', $start::DATE), $last::DATE, INTERVAL 1 MONTH)) AS m),
       c AS (SELECT date_trunc('month', ts) AS m, count(*)::INTEGER AS n FROM ${sel.table} WHERE ${always.sql} GROUP BY 1)
       SELECT strftime(months.m, '%Y-%m') AS month, coalesce(c.n, 0)::INTEGER AS count
       FROM months LEFT JOIN c ON c.m = months.m ORDER BY 1`,
      { ...always.params, start: data.start, last: addDays(data.end, -1) },
    ),
    db.all<{ d: number; h: number; n: number }>(
      `SELECT (isodow(ts) - 1)::INTEGER AS d, hour(ts)::INTEGER AS h, count(*)::INTEGER AS n FROM ${sel.table}
       WHERE ${now.sql} GROUP BY ALL`,
      now.params,
    ),
  ]);
  const weekHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const c of cells) weekHour[c.d]![c.h] = c.n;
  const k = ranked.findIndex((r) => r.id === id);
  return {
    count: ranked[k]?.n ?? 0,
    prev: prev?.n ?? 0,
    rate: ranked[k]?.rate ?? 0,
    districtRank: k + 1,
    districtMahallas: ranked.length,
    byCategory,
    trend,
    weekHour,
  };
}

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
/** A random card request: a mahalla, a period of 1–400 days ending anywhere in or around the data, its filters. */
const request = fc.record({
  mahalla: fc.constantFrom(1, 2, 3, 4),
  source: fc.constantFrom('incidents' as const, 'applications' as const),
  categories: subset(INCIDENT_CATEGORIES),
  statuses: subset(INCIDENT_STATUSES),
  registries: subset(REGISTRIES),
  receivers: subset(RECEIVERS),
  end: fc.integer({ min: 0, max: 480 }),
  days: fc.integer({ min: 1, max: 400 }),
  compare: fc.constantFrom('previous' as const, 'year' as const),
});

describe('card figures from the records held in memory', () => {
  let db: Db;
  beforeAll(async () => {
    db = await fixtureDb();
    await withRandomRecords(db);
  });
  afterAll(() => db.close());

  const check = async (r: typeof request extends fc.Arbitrary<infer T> ? T : never): Promise<void> => {
    const to = addDays('2023-10-10', r.end);
    const sel = { ...(await select(db, { ...r, from: addDays(to, 1 - r.days), to })), mahalla: r.mahalla };
    const previous = comparisonPeriod(sel.period, r.compare);
    const data = await dataPeriod(db);
    const fast = await cardFigures(db, sel, DISTRICT[r.mahalla], previous, data);
    expect(fast).toEqual(await fromRecords(db, sel, previous, data));
  };

  it('equal SQL over the raw records for any mahalla, period, comparison, source and filters', async () => {
    await fc.assert(fc.asyncProperty(request, check), { seed: SEED, numRuns: 80 });
  });

  it('see records added after the first card once the data generation moves on', async () => {
    const r = fc.sample(request, { seed: SEED, numRuns: 1 })[0]!;
    const q = { ...r, source: 'incidents' as const, end: 300, days: 60 };
    Object.assign(q, { categories: [...INCIDENT_CATEGORIES], statuses: [...INCIDENT_STATUSES] });
    await check(q);
    await db.run(`INSERT INTO incidents (id, ts, mahalla_id, category, status)
      SELECT 90000 + i, TIMESTAMP '2024-07-20 10:30:00', ${q.mahalla}, 'fraud', 'solved' FROM range(5) t(i)`);
    bumpDataEpoch(db);
    await check(q);
  });
});
