// The weekly counts answer as the records do: over random records and random filters, the counts per mahalla and week,
// the emerging classes and the monthly trend read from the aggregates equal those computed from the raw rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Db } from '../../../server/db/database.ts';
import { hasWeeklyCounts } from '../../../server/db/aggregates.ts';
import { select, type SelectionInput } from '../../../server/selection/select.ts';
import { binCounts, type BinCounts } from '../../../server/services/hotspots/bin-counts.ts';
import { getEmerging } from '../../../server/services/hotspots/emerging.ts';
import { contiguity, mahallaShares } from '../../../server/services/hotspots/hotspots.ts';
import { spaceTimeExcessOfRows } from '../../../server/stats/space-time.ts';
import { upgradeSchema } from '../../../data/import/schema-upgrade.ts';
import { SCHEMA_VERSION } from '../../../data/schema-version.ts';
import { rewriteMonthlyCounts, writeMonthlyCounts } from '../../../data/load.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../../server/contract/catalog.ts';
import { addDays } from '../../../server/shared/period.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';
import { addRandomRecords } from '../../fixtures/api/random-records.ts';

const SEED = 15;
const DAY0 = '2023-06-04'; // a Sunday: the first stored week of the records below
const DAYS = 420;

/** Random records over 420 days in the fixture's four mahallas (seeded: the same database on every run). */
async function withRandomRecords(db: Db): Promise<void> {
  await addRandomRecords(db, {
    seed: SEED,
    day0: DAY0,
    days: DAYS,
    incidents: 3000,
    applications: 1500,
    mahallas: [1, 2, 3, 4],
  });
  await writeMonthlyCounts(db);
}

/** "id:k:n" of every non-empty cell, sorted: two answers are equal when these are. */
const cells = (r: BinCounts): string[] =>
  Array.from(r.id, (id, j) => `${id}:${r.k[j]}:${r.n[j]}`)
    .filter((c) => !c.endsWith(':0'))
    .sort();

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
/** A random request: source and its filters, a period of 1–40 weeks ending on a random day. */
const request = fc.record({
  source: fc.constantFrom('incidents' as const, 'applications' as const),
  categories: subset(INCIDENT_CATEGORIES),
  statuses: subset(INCIDENT_STATUSES),
  registries: subset(REGISTRIES),
  receivers: subset(RECEIVERS),
  end: fc.integer({ min: 7, max: DAYS + 20 }),
  weeks: fc.integer({ min: 1, max: 40 }),
  onGrid: fc.boolean(),
});
type RequestValue = typeof request extends fc.Arbitrary<infer T> ? T : never;
const input = (r: RequestValue): SelectionInput => {
  // On the grid: the period ends on a Saturday, so its whole weeks are stored ones; else any day.
  const to = addDays(DAY0, r.onGrid ? 7 * Math.floor(r.end / 7) - 1 : r.end);
  return { ...r, from: addDays(to, 1 - 7 * r.weeks), to };
};

describe('weekly counts against the records', () => {
  let db: Db;
  beforeAll(async () => {
    db = await fixtureDb();
    await withRandomRecords(db);
  });
  afterAll(() => db.close());

  it('counts the same records per mahalla and week, for any source, filters and whole weeks', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const q = input(r);
        const sel = await select(db, q);
        const agg = await binCounts(db, sel, 'week', q.from);
        const raw = await binCounts(db, sel, 'week', q.from, { aggregates: false });
        const sunday = new Date(`${addDays(q.to, 1)}T00:00:00Z`).getUTCDay() === 0;
        expect(agg.from).toBe(sunday ? 'weeks' : 'records');
        expect(raw.from).toBe('records');
        expect(cells(agg.rows)).toEqual(cells(raw.rows));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('gives every mahalla the emerging class, final z and trend the records give', async () => {
    const [{ ids, w }, { share }] = await Promise.all([contiguity(db), mahallaShares(db)]);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const q = input({ ...r, onGrid: true, weeks: Math.max(r.weeks, 8) });
        const sel = await select(db, q);
        const served = await getEmerging(db, sel, 'week');
        const { rows } = await binCounts(db, sel, 'week', q.from, { aggregates: false });
        const fromRaw = spaceTimeExcessOfRows(ids, rows.id, rows.k, rows.n, share, served.params.bins, w, {
          fdr: true,
        });
        expect(served.params.from).toBe(q.from);
        expect(served.finalZ).toEqual(Array.from(fromRaw.finalZ, (z) => Math.round(z * 1000) / 1000));
        expect(served.trendZ).toEqual(Array.from(fromRaw.trendZ, (z) => Math.round(z * 1000) / 1000));
        const short = fromRaw.binTooFew.some((b) => b === 1);
        expect(served.category).toEqual(short ? ids.map(() => 0) : Array.from(fromRaw.category));
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('gives each mahalla the monthly trend of its records, for any filters', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.integer({ min: 1, max: 4 }), async (r, mahalla) => {
        const sel = await select(db, { ...input(r), mahalla });
        const months = sel.source === 'incidents' ? 'incident_months' : 'application_months';
        const trend = await db.all<{ m: string; n: number }>(
          `SELECT month::VARCHAR AS m, sum(n)::INTEGER AS n FROM ${months} WHERE ${sel.filter.sql} AND mahalla_id = $id GROUP BY 1 ORDER BY 1`,
          { ...sel.filter.params, id: mahalla },
        );
        const raw = await db.all<{ m: string; n: number }>(
          `SELECT date_trunc('month', ts)::DATE::VARCHAR AS m, count(*)::INTEGER AS n FROM ${sel.table}
           WHERE ${sel.filter.sql} AND mahalla_id = $id GROUP BY 1 ORDER BY 1`,
          { ...sel.filter.params, id: mahalla },
        );
        expect(trend).toEqual(raw);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

describe('upgrading a database built without weekly counts (schema 6)', () => {
  it('adds and fills the weekly tables from the records, touching no record, and a rerun changes nothing', async () => {
    const db = await fixtureDb();
    try {
      await withRandomRecords(db);
      const before = await db.all('SELECT * FROM incident_weeks ORDER BY ALL');
      const records = await db.all('SELECT count(*)::INTEGER AS n, sum(id)::INTEGER AS s FROM incidents');
      await db.run(`DROP TABLE incident_weeks; DROP TABLE application_weeks;
        INSERT OR REPLACE INTO meta VALUES ('schema_version', '6')`);
      await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
      expect(await hasWeeklyCounts(db)).toBe(true);
      expect(await db.all('SELECT * FROM incident_weeks ORDER BY ALL')).toEqual(before);
      await db.transaction((tx) => upgradeSchema((sql) => tx.run(sql)));
      expect(await db.all('SELECT * FROM incident_weeks ORDER BY ALL')).toEqual(before);
      expect(await db.all('SELECT count(*)::INTEGER AS n, sum(id)::INTEGER AS s FROM incidents')).toEqual(records);
      expect(await db.all(`SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([
        { value: String(SCHEMA_VERSION) },
      ]);
    } finally {
      db.close();
    }
  });

  it('rewrites the listed mahallas after a boundary change, counting all of them first when the tables were missing', async () => {
    const db = await fixtureDb();
    try {
      await withRandomRecords(db);
      const all = await db.all('SELECT * FROM incident_weeks ORDER BY ALL');
      await db.run(`DROP TABLE incident_weeks; DROP TABLE application_weeks;
        UPDATE incidents SET mahalla_id = 2 WHERE mahalla_id = 1;
        CREATE TEMP TABLE touched_ids AS SELECT 1 AS id UNION ALL SELECT 2`);
      // What a boundary import runs after moving records (data/import/boundaries/versions.ts).
      await rewriteMonthlyCounts(db, 'incidents', 'touched_ids');
      const moved = await db.all<{ m: number; n: number }>(
        'SELECT mahalla_id AS m, sum(n)::INTEGER AS n FROM incident_weeks GROUP BY 1 ORDER BY 1',
      );
      const raw = await db.all('SELECT mahalla_id AS m, count(*)::INTEGER AS n FROM incidents GROUP BY 1 ORDER BY 1');
      expect(moved).toEqual(raw);
      expect(moved.map((r) => r.m)).toEqual([2, 3, 4]);
      expect(all.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
