// GET /api/metrics: per-mahalla counts, the previous period, rates per 1,000 residents, filters.
// Expected numbers are worked out by hand from the table in test/fixtures/api/fixture-db.ts.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { errorBody, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const metrics = async (query: InferRequestType<typeof f.api.metrics.$get>['query']) =>
  okBody(await f.api.metrics.$get({ query }));

describe('GET /api/metrics for March 2024', () => {
  it('lists every mahalla in id order with its residents', async () => {
    const m = await metrics(MARCH);
    expect(m.ids).toEqual([1, 2, 3, 4]);
    expect(m.population).toEqual([1000, 2000, 3000, 500]);
  });

  it('counts the incidents of each mahalla, both boundary seconds included', async () => {
    // 1: #1 (00:00:00 on the 1st), #2, #3 (23:59:59 on the 31st); 2: #4, #5; 3: #6–#10; 4: #11. #19 (April 1st 00:00) is out.
    const m = await metrics(MARCH);
    expect(m.count).toEqual([3, 2, 5, 1]);
  });

  it('takes the previous period as the 31 days right before March: 2024-01-30..2024-02-29', async () => {
    const m = await metrics(MARCH);
    expect(m.period).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(m.previous).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('counts the previous period per mahalla, excluding the second before it', async () => {
    // 1: #12 (Jan 30 00:00), #13 (Feb 29 23:59:59), not #18 (Jan 29 23:59:59); 2: #14; 3: #15–#17; 4: none.
    const m = await metrics(MARCH);
    expect(m.prev).toEqual([2, 1, 3, 0]);
  });

  it('gives rates per 1,000 residents rounded to 2 decimals', async () => {
    // 3·1000/1000, 2·1000/2000, 5·1000/3000 = 1.666…, 1·1000/500
    const m = await metrics(MARCH);
    expect(m.rate).toEqual([3, 1, 1.67, 2]);
  });

  it('gives previous-period rates the same way', async () => {
    // 2·1000/1000, 1·1000/2000, 3·1000/3000, 0
    const m = await metrics(MARCH);
    expect(m.prevRate).toEqual([2, 0.5, 1, 0]);
  });

  it('sums counts, previous counts and residents', async () => {
    const m = await metrics(MARCH);
    expect(m.totals).toEqual({ count: 11, prev: 6, population: 6500 });
  });

  it('echoes all categories and statuses when none are asked for', async () => {
    const m = await metrics(MARCH);
    expect(m.categories).toHaveLength(12);
    expect(m.statuses).toEqual(['registered', 'solved', 'unsolved']);
  });
});

describe('GET /api/metrics periods', () => {
  it('counts a single day, its first and last second included', async () => {
    // 2024-03-31: only #3 at 23:59:59; previous day 2024-03-30 has nothing.
    const m = await metrics({ from: '2024-03-31', to: '2024-03-31' });
    expect(m.previous).toEqual({ from: '2024-03-30', to: '2024-03-30' });
    expect(m.count).toEqual([1, 0, 0, 0]);
    expect(m.prev).toEqual([0, 0, 0, 0]);
  });

  it('takes the leap day as the previous period of March 1st', async () => {
    // 2024-03-01: #1 at 00:00:00; 2024-02-29: #13 at 23:59:59.
    const m = await metrics({ from: '2024-03-01', to: '2024-03-01' });
    expect(m.previous).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(m.count).toEqual([1, 0, 0, 0]);
    expect(m.prev).toEqual([1, 0, 0, 0]);
  });

  it('takes the 29 days before a leap February as its previous period', async () => {
    // February: 1: #13; 2: #14; 3: #15, #16, #17. Previous 2024-01-03..2024-01-31: 1: #12 (Jan 30), #18 (Jan 29).
    const m = await metrics({ from: '2024-02-01', to: '2024-02-29' });
    expect(m.previous).toEqual({ from: '2024-01-03', to: '2024-01-31' });
    expect(m.count).toEqual([1, 1, 3, 0]);
    expect(m.prev).toEqual([2, 0, 0, 0]);
  });

  it('answers zeros, not missing rows, for a period without incidents', async () => {
    const m = await metrics({ from: '2023-03-01', to: '2023-03-31' });
    expect(m.ids).toEqual([1, 2, 3, 4]);
    expect(m.totals).toEqual({ count: 0, prev: 0, population: 6500 });
  });
});

describe('GET /api/metrics filters', () => {
  it('counts only the asked category in both periods', async () => {
    // property, March: 1: #1, #2; 2: #5; 3: #9. Previous: 1: #12; 2: #14; 3: #17.
    const m = await metrics({ ...MARCH, categories: 'property' });
    expect(m.categories).toEqual(['property']);
    expect(m.count).toEqual([2, 1, 1, 0]);
    expect(m.prev).toEqual([1, 1, 1, 0]);
  });

  it('adds up several categories', async () => {
    // property as above plus fraud, March: 1: #3; 3: #10.
    const m = await metrics({ ...MARCH, categories: 'property,fraud' });
    expect(m.count).toEqual([3, 1, 2, 0]);
    expect(m.totals.count).toBe(6);
  });

  it('counts only the asked status in both periods', async () => {
    // solved, March: 1: #2; 2: #5; 3: #7, #10. Previous: 1: #13; 3: #16.
    const m = await metrics({ ...MARCH, statuses: 'solved' });
    expect(m.statuses).toEqual(['solved']);
    expect(m.count).toEqual([1, 1, 2, 0]);
    expect(m.prev).toEqual([1, 0, 1, 0]);
  });

  it('applies category and status together', async () => {
    // property and registered, March: 1: #1; 3: #9. Previous: 1: #12; 2: #14; 3: #17.
    const m = await metrics({ ...MARCH, categories: 'property', statuses: 'registered' });
    expect(m.count).toEqual([1, 0, 1, 0]);
    expect(m.prev).toEqual([1, 1, 1, 0]);
  });

  it('keeps only the mahallas of the asked district', async () => {
    const m = await metrics({ ...MARCH, district: '1726273' });
    expect(m.ids).toEqual([3, 4]);
    expect(m.count).toEqual([5, 1]);
    expect(m.prev).toEqual([3, 0]);
    expect(m.rate).toEqual([1.67, 2]);
  });

  it('sums only the asked district in the totals', async () => {
    const m = await metrics({ ...MARCH, district: '1726273' });
    expect(m.totals).toEqual({ count: 6, prev: 3, population: 3500 });
  });

  it('answers an empty district with empty columns', async () => {
    const m = await metrics({ ...MARCH, district: '1726200' });
    expect(m.ids).toEqual([]);
    expect(m.totals).toEqual({ count: 0, prev: 0, population: 0 });
  });

  it('compares with the same days last year when asked', async () => {
    // The fixture has no incidents in 2023, so every comparison count is 0; the current counts stay [3, 2, 5, 1].
    const body = await metrics({ ...MARCH, compare: 'year' });
    expect(body.comparison).toBe('year');
    expect(body.previous).toEqual({ from: '2023-03-01', to: '2023-03-31' });
    expect(body.count).toEqual([3, 2, 5, 1]);
    expect(body.prev).toEqual([0, 0, 0, 0]);
  });

  it('refuses an unknown comparison', async () => {
    // A raw request: the typed client would not send a comparison outside the contract's enum.
    const res = await f.app.request('/api/metrics?from=2024-03-01&to=2024-03-31&compare=decade');
    expect(res.status).toBe(400);
    const body = await errorBody(res);
    expect(body.issues).toEqual([
      {
        field: 'compare',
        reason: 'must be previous or year',
        code: 'not_one_of',
        params: { allowed: 'previous, year' },
      },
    ]);
  });
});
