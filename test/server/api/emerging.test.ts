// GET /api/emerging: weekly bins that end on `to`, one class per mahalla, a z-series on request, clear refusals.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { bodyOf, errorBody, givenFixture, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';

// 2024-01-01..2024-03-31 is 91 days = 13 whole weeks, so the first bin starts on 2024-01-01 itself.
const Q1 = { from: '2024-01-01', to: '2024-03-31' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const emerging = (query: InferRequestType<typeof f.api.emerging.$get>['query']) => f.api.emerging.$get({ query });

describe('GET /api/emerging', () => {
  it('bins the period into whole weeks ending on the last day', async () => {
    const body = await okBody(await emerging(Q1));
    expect(body.params).toMatchObject({ bin: 'week', bins: 13, from: '2024-01-01', to: '2024-03-31', fdr: true });
    expect(body.ids).toEqual([1, 2, 3, 4]);
    expect(body.category).toHaveLength(4);
    expect(body.classes).toHaveLength(17);
    expect(body.classes[0]).toEqual({ id: 'none', label: 'No pattern detected' });
  });

  it("echoes the rule of every bin: the hot-spot map's exact test, study area and FDR", async () => {
    const body = await okBody(await emerging(Q1));
    expect(body.params.method).toBe(
      'Emerging hot spot analysis (exact neighbourhood test per time slice + Mann–Kendall)',
    );
    expect(body.params.inference).toEqual({
      variable: 'counts',
      null: 'constant risk given residents',
      test: 'exact binomial, neighbourhood',
      draws: 0,
      seed: null,
      studyArea: 'city',
      studyAreaName: 'Tashkent city',
      neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity), in each time bin',
      records: 18, // Q1 2024: incidents #1–18 (11 in March, 7 from 29 January to 29 February)
      residents: 6500,
      fdr: { method: 'Benjamini–Hochberg', q: 0.1 },
      levels: [0.1, 0.05, 0.01],
    });
  });

  it('says which weeks hold too few records to test (all 13 here: a handful of records a week) and classes none', async () => {
    const body = await okBody(await emerging(Q1));
    expect(body.tooFew).toEqual({ records: 0, needed: 20, bins: 13 });
    expect(body.category.every((c) => c === 0)).toBe(true);
  });

  it('gives no class when some weeks could not be tested, rather than a "new" hot spot after untested weeks', async () => {
    // The grid world's records fall on 10–11 March 2024: of the weeks to 10 March only the last holds any (114).
    const { api } = await givenFixture(cooperationDb);
    const body = await okBody(
      await api.emerging.$get({ query: { from: '2024-02-12', to: '2024-03-10', mahalla: '13' } }),
    );
    expect(body.tooFew).toEqual({ records: 0, needed: 20, bins: 3 });
    expect(body.series?.z[3]).toBeGreaterThan(5); // 13's neighbourhood: 100 of the 114 where 41 are expected
    expect(body.category.every((c) => c === 0)).toBe(true);
  });

  it('drops the leading days that do not fill a week', async () => {
    const body = await okBody(await emerging({ from: '2024-01-01', to: '2024-02-01' }));
    // 32 days = 4 weeks + 4 days: the bins are 2024-01-05 … 2024-02-01.
    expect(body.params).toMatchObject({ bins: 4, from: '2024-01-05' });
  });

  it('returns the z-series of one mahalla when asked', async () => {
    const body = await okBody(await emerging({ ...Q1, mahalla: '3' }));
    expect(body.series?.id).toBe(3);
    expect(body.series?.binStarts).toHaveLength(13);
    expect(body.series?.binStarts[1]).toBe('2024-01-08');
    expect(body.series?.z).toHaveLength(13);
    expect(body.series?.z[12]).toBe(body.finalZ[2]);
  });

  it('keeps the answers it keeps unchanged while later asks reuse the arrays of answers let go', async () => {
    // Seven 4-week periods of the grid world (its records fall on 10–11 March 2024), each binned differently: the
    // server keeps four answers, and the z series of those it lets go are taken again by the asks after them.
    const { api } = await givenFixture(cooperationDb);
    const ask = async (k: number) => {
      const to = `2024-03-${10 + k}`;
      const from = `2024-02-${12 + k}`;
      return okBody(await api.emerging.$get({ query: { from, to, mahalla: '13' } }));
    };
    const first: Array<Awaited<ReturnType<typeof ask>>> = [];
    for (let k = 0; k < 7; k++) first.push(await ask(k));
    expect(new Set(first.map((b) => JSON.stringify(b.series?.z))).size).toBeGreaterThan(1);
    // The last four from the cache, then the first three computed again, as they were.
    for (const k of [6, 5, 4, 3, 0, 1, 2]) expect(await ask(k)).toEqual(first[k]);
  });

  it('uses calendar months with bin=month', async () => {
    const body = await okBody(await emerging({ from: '2024-01-01', to: '2024-06-30', bin: 'month' }));
    expect(body.params).toMatchObject({ bin: 'month', bins: 6, from: '2024-01-01' });
  });

  it('refuses a period too short for a trend, naming the field and the reason', async () => {
    const body = await bodyOf(await emerging({ from: '2024-03-01', to: '2024-03-20' }), 400);
    expect(body.issues).toEqual([
      {
        field: 'from',
        reason: 'a trend needs at least 4 weeks; this period has 2',
        code: 'trend_too_short',
        params: { bin: 'week', min: 4, bins: 2 },
      },
    ]);
  });

  it('refuses an unknown bin', async () => {
    // A raw request: the typed client would not send a bin outside the contract's enum.
    const res = await f.app.request('/api/emerging?from=2024-01-01&to=2024-03-31&bin=day');
    expect(res.status).toBe(400);
    const body = await errorBody(res);
    expect(body.issues.map((i) => i.field)).toEqual(['bin']);
  });
});
