// GET /api/metrics, the change map: the exact test per mahalla, Benjamini–Hochberg over the selection's compared
// mahallas, what chance alone would colour, and 29 February compared per day. Counts added to the fixture of
// test/fixtures/api/fixture-db.ts; p-values summed exactly in Python (fractions), as in test/server/stats/change-fdr.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { h3Bigint } from '../../../server/geo/h3-bits.ts';
import { compareCounts } from '../../../server/shared/poisson-compare.ts';
import { givenFixture, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const CENTRES: Record<number, [number, number]> = { 1: [69.225, 41.225], 2: [69.275, 41.225], 3: [69.325, 41.275] };
CENTRES[4] = [69.375, 41.275];

let nextId = 1000;
/** `n` incidents in mahalla `m`, at noon, spread over the `days` days from `from`. */
async function add(db: Db, m: number, from: string, days: number, n: number): Promise<void> {
  const [lon, lat] = CENTRES[m] ?? [0, 0];
  await db.run(
    `INSERT INTO incidents SELECT $id + i, CAST($from::DATE + (i % $days)::INTEGER AS TIMESTAMP) + INTERVAL 12 HOUR,
       $lon, $lat, $m, 'property', 'registered', $h3::UBIGINT FROM range($n) t(i)`,
    { id: nextId, from, days, n, m, lon, lat, h3: h3Bigint(lon, lat).toString() },
  );
  nextId += n;
}

describe('GET /api/metrics: how the change map was judged', () => {
  const f = sharedFixture();

  it('echoes the test, the FDR method and level, and how many mahallas were compared', async () => {
    // March 2024 against the 31 days before: 3+2, 2+1, 5+3, 1+0 incidents, all under 10: nothing is compared.
    const m = await okBody(await f.api.metrics.$get({ query: { from: '2024-03-01', to: '2024-03-31' } }));
    expect(m.change).toEqual({
      test: 'exact conditional binomial of two Poisson counts',
      null: 'the same rate per day in both periods',
      days: { period: 31, previous: 31 },
      minEvents: 10,
      fdr: { method: 'Benjamini–Hochberg', q: 0.1, over: 'the selected mahallas compared' },
      tested: 0,
      tooFew: 4,
      up: 0,
      down: 0,
      expectedByChance: { withoutFdr: 0, amongColoured: 0 },
    });
    expect(m.changeP).toEqual([null, null, null, null]);
    expect(m.changeQ).toEqual([null, null, null, null]);
  });
});

describe('GET /api/metrics: the change map under a false discovery rate', () => {
  // September 2024 (30 days) against 2 – 31 August: 30 vs 10, 12 vs 8, 12 vs 4, 4 vs 1 incidents in mahallas 1–4.
  async function september() {
    const fx = await givenFixture();
    for (const [m, now, before] of [
      [1, 30, 10],
      [2, 12, 8],
      [3, 12, 4],
      [4, 4, 1],
    ] as const) {
      await add(fx.db, m, '2024-09-01', 30, now);
      await add(fx.db, m, '2024-08-02', 30, before);
    }
    return await okBody(await fx.api.metrics.$get({ query: { from: '2024-09-01', to: '2024-09-30' } }));
  }

  it('adjusts over the three mahallas compared and colours only what survives', async () => {
    const m = await september();
    expect(m.count).toEqual([30, 12, 12, 4]);
    expect(m.prev).toEqual([10, 8, 4, 1]);
    // Raw p: 0.0022, 0.5034, 0.0768 (below 0.1 alone); q over m = 3: 0.0067, 0.5035, 0.1153 (rounded up).
    expect(m.changeP).toEqual([0.0022, 0.5034, 0.0768, null]);
    expect(m.changeQ).toEqual([0.0067, 0.5035, 0.1153, null]);
    expect(m.change).toMatchObject({ tested: 3, tooFew: 1, up: 1, down: 0 });
    expect(m.changeQ.filter((q) => q !== null && q <= m.change.fdr.q)).toHaveLength(m.change.up + m.change.down);
  });

  it('says how many changes chance alone would colour, without the correction and among those coloured', async () => {
    const m = await september();
    // Exact sizes at 10 % for 40, 20 and 16 events: 0.0807 + 0.0414 + 0.0768 = 0.199; the FDR bound 0.1 × 1.
    expect(m.change.expectedByChance).toEqual({ withoutFdr: 0.2, amongColoured: 0.1 });
  });

  it('runs the FDR over the selected district only', async () => {
    const fx = await givenFixture();
    for (const [m, now, before] of [
      [1, 30, 10],
      [2, 12, 8],
      [3, 12, 4],
    ] as const) {
      await add(fx.db, m, '2024-09-01', 30, now);
      await add(fx.db, m, '2024-08-02', 30, before);
    }
    // Mirobod holds mahallas 3 and 4: 12 vs 4 is its only comparison, so its q is its p, 0.0768, and it is coloured.
    const m = await okBody(
      await fx.api.metrics.$get({ query: { from: '2024-09-01', to: '2024-09-30', district: '1726273' } }),
    );
    expect(m.ids).toEqual([3, 4]);
    expect(m.changeQ).toEqual([0.0769, null]);
    expect(m.change).toMatchObject({ tested: 1, tooFew: 1, up: 1 });
  });
});

describe('GET /api/metrics: 29 February against the same days a year earlier', () => {
  it('compares 60 days with 59 per day, so the leap day does not read as a rise', async () => {
    const fx = await givenFixture();
    await add(fx.db, 4, '2024-01-01', 60, 179);
    await add(fx.db, 4, '2023-01-01', 59, 148);
    const m = await okBody(
      await fx.api.metrics.$get({ query: { from: '2024-01-01', to: '2024-02-29', compare: 'year' } }),
    );
    expect(m.previous).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    expect(m.change.days).toEqual({ period: 60, previous: 59 });
    expect(m.count[3]).toBe(179);
    expect(m.prev[3]).toBe(148);
    // Per day: p = 0.13161, not a change at 10 %. Counted over equal lengths it would have been (p = 0.09697).
    expect(m.changeP[3]).toBe(0.1316);
    expect(m.changeQ[3]).toBe(0.1317);
    expect(m.change).toMatchObject({ tested: 1, up: 0, down: 0 });
    expect(compareCounts(179, 148, 1, 1, 0.1).verdict).toBe('up');
  });
});
