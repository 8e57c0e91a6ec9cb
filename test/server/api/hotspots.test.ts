// GET /api/hotspots: Gi* of the March rates on the fixture's chain of four mahallas, worked out by hand.
//
// Queen contiguity in the fixture is a chain 1–2–3–4 (2 and 3 touch at a corner); Gi* includes each unit itself.
// March rates x = [3, 1, 5/3, 2] per 1,000: mean 23/12, S² = 151/36 − (23/12)² = 75/144, S = 5√3/12.
//   unit 1: Σw = 2, Σwx = 4     → (4 − 2·23/12) / (S·√((4·2 − 4)/3)) = (1/6)/(5/6)          = 0.2
//   unit 2: Σw = 3, Σwx = 17/3  → (17/3 − 3·23/12) / (S·√((4·3 − 9)/3)) = (−1/12)/(5√3/12) = −1/(5√3) ≈ −0.115
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { errorBody, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const hotspots = async (query: InferRequestType<typeof f.api.hotspots.$get>['query']) =>
  okBody(await f.api.hotspots.$get({ query }));

describe('GET /api/hotspots', () => {
  it('computes Gi* z-scores of the rates as worked out by hand', async () => {
    const body = await hotspots(MARCH);
    expect(body.ids).toEqual([1, 2, 3, 4]);
    expect(body.z[0]).toBeCloseTo(0.2, 3);
    expect(body.z[1]).toBeCloseTo(-1 / (5 * Math.sqrt(3)), 3);
    expect(body.bin).toEqual([0, 0, 0, 0]);
    expect(body.counts).toEqual({ hot: 0, cold: 0, units: 4 });
  });

  it('records its parameters: method, weights, period, categories and FDR', async () => {
    const body = await hotspots({ ...MARCH, categories: 'property', fdr: 'false' });
    expect(body.params).toMatchObject({
      method: 'Getis–Ord Gi*',
      weights: 'queen contiguity, self included',
      fdr: false,
      period: { from: '2024-03-01', to: '2024-03-31' },
      categories: ['property'],
    });
    expect(body.lostToFdr).toBe(0);
  });

  it('narrows the output to a district without changing the study area', async () => {
    const all = await hotspots(MARCH);
    const one = await hotspots({ ...MARCH, district: '1726287' });
    expect(one.ids).toEqual([1, 2]);
    expect(one.z).toEqual(all.z.slice(0, 2));
  });

  it('refuses an fdr flag that is not true or false', async () => {
    // A raw request: the typed client would not send a flag outside the contract's enum.
    const res = await f.app.request('/api/hotspots?from=2024-03-01&to=2024-03-31&fdr=maybe');
    expect(res.status).toBe(400);
    const body = await errorBody(res);
    expect(body.issues.map((i) => i.field)).toEqual(['fdr']);
  });
});
