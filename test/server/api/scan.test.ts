// GET /api/hotspots/scan on the grid world (test/fixtures/api/cooperation-db.ts): the planted plus of mahallas
// 8, 12, 13, 14, 18 is the most likely cluster; every parameter is echoed; a district narrows what is returned only.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { errorBody, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';

// March 2024: 20 incidents in each mahalla of the plus, 1 in each of the other 20; 1,000 residents each.
// N = 120, 25,000 residents: E = 4.8 a mahalla. The plus: 100 observed, 24 expected,
// LLR = 100 ln(100/24) + 20 ln(20/96) = 111.34, relative risk (100/24) / (20/96) = 20.
const MARCH = { from: '2024-03-01', to: '2024-03-31', maxShare: '0.5' };
// The default largest circle, 10 % of the 25,000 residents, holds at most 2 mahallas: too small for the plus.
const MARCH_DEFAULTS = { from: '2024-03-01', to: '2024-03-31' };
const PLUS = [8, 12, 13, 14, 18];

const f = sharedFixture(cooperationDb);
const scan = (query: InferRequestType<typeof f.api.hotspots.scan.$get>['query']) => f.api.hotspots.scan.$get({ query });

describe('GET /api/hotspots/scan', () => {
  it('finds the plus as the most likely cluster, with its numbers worked by hand', async () => {
    const body = await okBody(await scan(MARCH));
    expect(body.tooFew).toBeNull();
    expect(body.clusters).toHaveLength(1);
    const [top] = body.clusters;
    expect([...top!.ids].sort((a, b) => a - b)).toEqual(PLUS);
    expect(top).toMatchObject({ rank: 1, centre: 13, direction: 'high', observed: 100, expected: 24, residents: 5000 });
    expect(top!.relativeRisk).toBe(20);
    expect(top!.llr).toBeCloseTo(100 * Math.log(100 / 24) + 20 * Math.log(20 / 96), 3);
    expect(top!.p).toBe(0.001); // nothing among 999 null datasets comes near: (1 + 0) / 1000
    // the outline of the plus: one ring of 12 corners (closed: 13 positions)
    expect(top!.outline).toHaveLength(1);
    expect(top!.outline[0]).toHaveLength(1);
    expect(top!.outline[0]![0]).toHaveLength(13);
    expect(body.counts).toEqual({ clusters: 1, significant: 1 });
  });

  it('echoes the defaults it used: 999 draws, the seed, 10 % of residents, the null and the study area', async () => {
    const body = await okBody(await scan(MARCH_DEFAULTS));
    expect(body.params).toMatchObject({
      method: "Kulldorff's spatial scan statistic (Poisson model)",
      source: 'incidents',
      period: MARCH_DEFAULTS,
      rate: 'high',
      alpha: 0.05,
      records: 120,
      residents: 25_000,
      windows: { maxShare: 0.1, maxShareFrom: 'default' },
      inference: {
        variable: 'counts',
        null: 'constant risk given residents',
        test: 'Monte Carlo',
        draws: 999,
        seed: 20_261_111,
        studyArea: 'whole database (25 mahallas)',
        fdr: null,
      },
    });
    // each mahalla alone, and with its nearest neighbour (east or west, 0.84 km) where that one is nearer than the rest
    expect(body.params.windows.circles).toBeGreaterThan(25);
    expect(body.clusters.every((c) => c.ids.length <= 2)).toBe(true);
  });

  it('echoes every parameter asked for', async () => {
    const body = await okBody(
      await scan({
        ...MARCH,
        draws: '199',
        seed: '5',
        maxShare: '0.25',
        rate: 'both',
        categories: 'hooliganism,property',
      }),
    );
    expect(body.params).toMatchObject({ rate: 'both', categories: ['hooliganism', 'property'] });
    expect(body.params.windows).toMatchObject({ maxShare: 0.25, maxShareFrom: 'request' });
    expect(body.params.inference).toMatchObject({ draws: 199, seed: 5 });
    expect(body.clusters[0]!.p).toBe(0.005); // (1 + 0) / 200
  });

  it('gives the same p-values for the same seed', async () => {
    const q = { ...MARCH, rate: 'low' as const, draws: '99' };
    const a = await okBody(await scan(q));
    const b = await okBody(await scan(q));
    expect(a.clusters.map((c) => c.p)).toEqual(b.clusters.map((c) => c.p));
  });

  it('low-rate clusters hold fewer records than expected and none of the plus', async () => {
    const body = await okBody(await scan({ ...MARCH, rate: 'low', draws: '99' }));
    expect(body.clusters.length).toBeGreaterThan(0);
    for (const c of body.clusters) {
      expect(c.direction).toBe('low');
      expect(c.observed).toBeLessThan(c.expected);
      expect(c.ids.some((id) => PLUS.includes(id))).toBe(false);
    }
  });

  it('a district narrows which clusters are returned, never how they are found', async () => {
    const whole = await okBody(await scan({ ...MARCH, rate: 'both', draws: '99' }));
    expect(whole.clusters.length).toBeGreaterThan(1);
    const inB = (id: number) => (id - 1) % 5 >= 3; // district 1726273 = columns 3–4
    const narrowed = await okBody(await scan({ ...MARCH, rate: 'both', draws: '99', district: '1726273' }));
    expect(narrowed.clusters).toEqual(whole.clusters.filter((c) => c.ids.some(inB)));
    expect(narrowed.clusters.length).toBeLessThan(whole.clusters.length); // some lie wholly in district A
    expect(narrowed.params.records).toBe(120); // the study area stays the whole database
    expect(narrowed.counts.clusters).toBe(narrowed.clusters.length);
  });

  it('finds the emerging cluster: mahalla 13 holds all 6 records of the last week (kind=emerging)', async () => {
    // 2024-03-04..17 = 2 whole weeks, so at most 1 week back. Week 1 (03-11..17) has only 13's 6 drug cases; 13 has 20
    // of the 120 records: expected 20 × 6 / 120 = 1, LLR 6 ln 6 + 114 ln(114/119), relative risk 6 / (114/119).
    const body = await okBody(
      await scan({ from: '2024-03-04', to: '2024-03-17', kind: 'emerging', maxShare: '0.5', rate: 'low' }),
    );
    expect(body.params).toMatchObject({
      kind: 'emerging',
      method: "Kulldorff's prospective space–time scan statistic (permutation model)",
      period: { from: '2024-03-04', to: '2024-03-17' },
      rate: 'high',
      records: 120,
      windows: { weeks: 1, maxShare: 0.5 },
      inference: {
        null: "no space–time interaction (each mahalla's total and each week's total kept)",
        test: 'Monte Carlo, weeks shuffled among the records',
        draws: 999,
      },
    });
    const [top] = body.clusters;
    expect(top).toMatchObject({ rank: 1, ids: [13], observed: 6, expected: 1, p: 0.001 });
    expect(top!.weeks).toEqual({ from: '2024-03-11', to: '2024-03-17' });
    expect(top!.llr).toBeCloseTo(6 * Math.log(6) + 114 * Math.log(114 / 119), 3);
    expect(top!.relativeRisk).toBeCloseTo(6 / (114 / 119), 2);
  });

  it('the spatial scan has no weeks', async () => {
    const body = await okBody(await scan(MARCH));
    expect(body.params.windows.weeks).toBeNull();
    expect(body.clusters.every((c) => c.weeks === null)).toBe(true);
  });

  it('says when there are too few records to scan', async () => {
    const body = await okBody(await scan({ ...MARCH, categories: 'drugs' }));
    expect(body.tooFew).toEqual({ records: 6, needed: 20 });
    expect(body.clusters).toEqual([]);
  });

  it.each([
    ['draws=5', 'draws', 'must be the number of Monte Carlo draws, a whole number from 99 to 9999'],
    ['draws=many', 'draws', 'must be the number of Monte Carlo draws, a whole number from 99 to 9999'],
    ['seed=-1', 'seed', 'must be the seed of the draws, a whole number from 0 to 4294967295'],
    ['seed=99999999999', 'seed', 'must be the seed of the draws, a whole number from 0 to 4294967295'],
    ['maxShare=0.9', 'maxShare', 'must be from 0.001 to 0.5 (0.5 = circles of up to half the residents)'],
    ['maxShare=half', 'maxShare', 'must be a share of residents written as a decimal, e.g. 0.5 for 50 %'],
    ['rate=up', 'rate', 'must be one of high, low, both'],
    ['kind=temporal', 'kind', 'must be one of spatial, emerging'],
    ['kind=emerging&weeks=9', 'weeks', 'must be the longest emerging cluster in weeks, a whole number from 1 to 8'],
  ])('refuses %s, naming the field and the reason', async (param, field, reason) => {
    const res = await f.app.request(`/api/hotspots/scan?from=2024-03-01&to=2024-03-31&${param}`);
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues).toMatchObject([{ field, reason }]);
  });

  it('refuses an emerging scan of less than 2 whole weeks, naming the field', async () => {
    const res = await f.app.request('/api/hotspots/scan?from=2024-03-01&to=2024-03-10&kind=emerging');
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues).toEqual([
      {
        field: 'from',
        reason: 'emerging clusters need at least 2 whole weeks; this period has 1',
        code: 'emerging_too_short',
        params: { min: 2, weeks: 1 },
      },
    ]);
  });

  it('refuses a reversed period like every range query', async () => {
    const res = await f.app.request('/api/hotspots/scan?from=2024-03-31&to=2024-03-01');
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues.map((i) => i.field)).toEqual(['to']);
  });
});
