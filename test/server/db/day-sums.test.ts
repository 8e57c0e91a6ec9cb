// The day sums (server/db/day-sums.ts) give every unfiltered ask the counts its SQL over the records gives: the map's
// figures and comparison (previous period and a year earlier, overlapping when the period is over a year), the hot
// spots' study-area counts, the time line and the coverage counts, over random periods, areas and filters (a filtered
// ask reads the records either way), with records of an id that is no mahalla among them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { daySums, heldByDaySums } from '../../../server/db/day-sums.ts';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, RECEIVERS, REGISTRIES } from '../../../server/contract/catalog.ts';
import { districtsArea } from '../../../server/selection/area.ts';
import { inArea, select, type SelectionInput } from '../../../server/selection/select.ts';
import { bothPeriodCounts, periodCounts } from '../../../server/services/hotspots/metrics.ts';
import { getTimeline } from '../../../server/services/hotspots/timeline.ts';
import { periodCounts as coverageCounts } from '../../../server/services/coverage/coverage.ts';
import { addDays, comparisonPeriod } from '../../../server/shared/period.ts';
import { fixtureDb } from '../../fixtures/api/fixture-db.ts';
import { addRandomRecords } from '../../fixtures/api/random-records.ts';

const DAY0 = '2023-11-20';
const DAYS = 500;
const DISTRICTS = ['1726273', '1726287'];

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs], { minLength: 1 });
/** A random ask: either kind of record, all or some filters, a period of 1 day to 2 years in or around the data. */
const ask = fc.record({
  source: fc.constantFrom('incidents' as const, 'applications' as const),
  filtered: fc.boolean(),
  categories: subset(INCIDENT_CATEGORIES),
  statuses: subset(INCIDENT_STATUSES),
  registries: subset(REGISTRIES),
  receivers: subset(RECEIVERS),
  start: fc.integer({ min: -60, max: DAYS + 30 }),
  days: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 360, max: 730 })),
  district: fc.option(subset(DISTRICTS), { nil: undefined }),
  compare: fc.constantFrom('previous' as const, 'year' as const),
});
type Ask = typeof ask extends fc.Arbitrary<infer T> ? T : never;
const input = (a: Ask): SelectionInput => {
  const from = addDays(DAY0, a.start);
  const base = { source: a.source, from, to: addDays(from, a.days - 1), district: a.district };
  return a.filtered ? { ...base, ...a } : base;
};

describe('day sums against the records', () => {
  let db: Db;
  beforeAll(async () => {
    db = await fixtureDb();
    // 99 is no mahalla: the whole database's time line counts its records, no area does.
    await addRandomRecords(db, {
      seed: 42,
      day0: DAY0,
      days: DAYS,
      incidents: 3000,
      applications: 1500,
      mahallas: [1, 2, 3, 4, 99],
    });
  });
  afterAll(() => db.close());

  it('hold every record of each kind, once', async () => {
    for (const source of ['incidents', 'applications'] as const) {
      const s = await daySums(db, source);
      const [row] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${source}`);
      let held = 0;
      for (let u = 0; u < s.counts.units; u++) held += s.counts.cum[u * (s.counts.days + 1) + s.counts.days]!;
      expect(held).toBe(row?.n);
    }
  });

  it("count the map's periods, the study area and the time line as the records do", async () => {
    let unfiltered = 0;
    await fc.assert(
      fc.asyncProperty(ask, async (a) => {
        const sel = await select(db, input(a));
        if (heldByDaySums(sel)) unfiltered++;
        const previous = comparisonPeriod(sel.period, a.compare);
        const [fast, slow] = await Promise.all([
          bothPeriodCounts(db, sel, previous),
          bothPeriodCounts(db, sel, previous, 'records'),
        ]);
        // Exact for the area's mahallas, which are all the map shows.
        const inside = (c: Int32Array) => Array.from(c).filter((_, i) => inArea(sel, i));
        expect(inside(fast.n)).toEqual(inside(slow.n));
        expect(inside(fast.p)).toEqual(inside(slow.p));
        expect(await periodCounts(db, sel)).toEqual(await periodCounts(db, sel, 'records'));
        expect(await getTimeline(db, sel)).toEqual(await getTimeline(db, sel, 'records'));
      }),
      { seed: 15, numRuns: 150 },
    );
    // The property exercised the day sums, not only the records' SQL on both sides.
    expect(unfiltered).toBeGreaterThan(40);
  });

  it('count the coverage per mahalla of the area as the records do', async () => {
    await fc.assert(
      fc.asyncProperty(ask, async (a) => {
        const q = input(a);
        const area = districtsArea(a.district);
        const period = { from: q.from, to: q.to };
        const [fast, slow] = await Promise.all([
          coverageCounts(db, period, area),
          coverageCounts(db, period, area, undefined, 'records'),
        ]);
        // Looked up by mahalla id only (an id that is no mahalla is nobody's workload).
        const mahallas = (m: Map<number, number>) => [1, 2, 3, 4].map((id) => m.get(id) ?? 0);
        expect(mahallas(fast.incidents)).toEqual(mahallas(slow.incidents));
        expect(mahallas(fast.applications)).toEqual(mahallas(slow.applications));
      }),
      { seed: 16, numRuns: 80 },
    );
  });
});
