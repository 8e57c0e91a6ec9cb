// GET /api/hotspots: the exact neighbourhood test on the fixture's chain of four mahallas, worked out by hand; every
// stated parameter echoed; too few records said in words; a district narrows what is returned, never the test.
//
// Queen contiguity in the fixture is a chain 1–2–3–4 (2 and 3 touch at a corner); a neighbourhood includes the mahalla.
// Residents 1000, 2000, 3000, 500 (P = 6,500). In 2024 the fixture has N = 21 incidents: 6, 4, 9, 2 per mahalla.
//   mahalla  neighbourhood  O   share   E = 21·share  tail (binomial sums)          p = min(1, 2·tail)  z-equivalent
//   1        1, 2           10  6/13    9.692         P(X ≥ 10) = 0.53114           1                   0
//   2        1, 2, 3        19  12/13   19.385        P(X ≤ 19) = 0.48793           0.97586             −0.0303
//   3        2, 3, 4        15  11/13   17.769        P(X ≤ 15) = 0.091292          0.18258             −1.3328
//   4        3, 4           11  7/13    11.308        P(X ≤ 11) = 0.53114           1                   0
// (X ~ Binomial(21, share); the tails summed term by term with exact fractions.) No bin is significant.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { errorBody, givenFixture, okBody, sharedFixture, type Api } from '../../fixtures/api/fixture-app.ts';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';
import { h3Bigint } from '../../../server/geo/h3-bits.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

// The tests of the first block only read: one fixture database for all of them.
const f = sharedFixture();
type Query = InferRequestType<Api['hotspots']['$get']>['query'];
const hotspots = async (query: Query, api: Api = f.api) => okBody(await api.hotspots.$get({ query }));

describe('GET /api/hotspots', () => {
  it('computes the exact p and z-equivalent of each neighbourhood as worked out by hand', async () => {
    const body = await hotspots(YEAR);
    expect(body.ids).toEqual([1, 2, 3, 4]);
    expect(body.p).toEqual([1, 0.9759, 0.1826, 1]); // 4 significant digits
    expect(body.z).toEqual([0, -0.03, -1.333, 0]);
    expect(body.bin).toEqual([0, 0, 0, 0]);
    expect(body.counts).toEqual({ hot: 0, cold: 0, units: 4 });
    expect(body.tooFew).toBeNull();
  });

  it('echoes every stated parameter: variable, null, test, draws, study area, FDR, filters', async () => {
    const body = await hotspots({ ...YEAR, categories: 'property,fraud', statuses: 'solved' });
    expect(body.params).toEqual({
      method: 'Neighbourhood excess, exact binomial',
      source: 'incidents',
      period: { from: '2024-01-01', to: '2024-12-31' },
      categories: ['property', 'fraud'],
      statuses: ['solved'],
      registries: expect.any(Array) as unknown,
      receivers: expect.any(Array) as unknown,
      fdr: true,
      confidence: [0.9, 0.95, 0.99],
      districts: null,
      support: 'mahalla',
      weights: 'queen contiguity, self included',
      value: 'incidents per mahalla neighbourhood',
      inference: {
        variable: 'counts',
        null: 'constant risk given residents',
        test: 'exact binomial, neighbourhood',
        draws: 0,
        seed: null,
        studyArea: 'city',
        studyAreaName: 'Tashkent city',
        neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity)',
        records: 3, // solved property or fraud incidents of 2024: #2, #5, #10
        residents: 6500,
        fdr: { method: 'Benjamini–Hochberg', q: 0.1 },
        levels: [0.1, 0.05, 0.01],
      },
    });
    const off = await hotspots({ ...YEAR, fdr: 'false', district: '1726273' });
    expect([off.params.fdr, off.params.inference.fdr, off.params.districts]).toEqual([false, null, ['1726273']]);
  });

  it('names the study area from the district codes where the database has no region rows (the demo city)', async () => {
    const { api, db } = await givenFixture();
    await db.run('DELETE FROM regions');
    const body = await hotspots(YEAR, api);
    expect([body.params.inference.studyArea, body.params.inference.studyAreaName]).toEqual(['city', 'Tashkent city']);
  });

  it('says there are too few records to test (11 in March, 20 needed) and colours nothing', async () => {
    const body = await hotspots(MARCH);
    expect(body.tooFew).toEqual({ records: 11, needed: 20 });
    expect(body.bin).toEqual([0, 0, 0, 0]);
    expect(body.p[2]).toBe(0.4659); // the test itself is still there: 8 where 9.31 are expected
  });

  it('narrows the output to a district without changing the test', async () => {
    const all = await hotspots(YEAR);
    const one = await hotspots({ ...YEAR, district: '1726287' });
    expect(one.ids).toEqual([1, 2]);
    expect(one.z).toEqual(all.z.slice(0, 2));
    expect(one.params.inference.records).toBe(21);
    expect(one.counts.units).toBe(2);
  });

  it('refuses an fdr flag that is not true or false', async () => {
    // A raw request: the typed client would not send a flag outside the contract's enum.
    const res = await f.app.request('/api/hotspots?from=2024-03-01&to=2024-03-31&fdr=maybe');
    expect(res.status).toBe(400);
    const body = await errorBody(res);
    expect(body.issues.map((i) => i.field)).toEqual(['fdr']);
  });
});

describe('GET /api/hotspots on the 5 × 5 grid world', () => {
  // April 2024 (empty in the grid world) gets one incident in every mahalla and 10 more in the centre, 13: N = 35,
  // 1,000 residents each. Each of the nine 3 × 3 neighbourhoods around 13 holds 9 + 10 = 19 where 35 · 9/25 = 12.6 are
  // expected: P(X ≥ 19 | 35, 0.36) = 0.0206, p = 0.0412 (hot at 95 % on its own), but BH over 25 gives q = 0.114.
  const APRIL = { from: '2024-04-01', to: '2024-04-30' };
  /** The grid world with `n(id)` property incidents in each mahalla in April. */
  async function april(n: (id: number) => number) {
    const fx = await givenFixture(cooperationDb);
    const rows: string[] = [];
    for (let id = 1; id <= 25; id++) {
      const [row, col] = [Math.floor((id - 1) / 5), (id - 1) % 5];
      for (let k = 0; k < n(id); k++) {
        const lon = 69.2 + (col + 0.1 + 0.07 * k) * 0.01,
          lat = 41.2 + (row + 0.5) * 0.01;
        const h3 = h3Bigint(lon, lat).toString();
        rows.push(
          `(${1000 + rows.length}, '2024-04-${10 + k} 10:00:00', ${lon}, ${lat}, ${id}, 'property', 'registered', ${h3})`,
        );
      }
    }
    await fx.db.run(`INSERT INTO incidents VALUES ${rows.join(', ')}`);
    return fx;
  }
  const AROUND_13 = [7, 8, 9, 12, 14, 17, 18, 19];

  it('counts hot, cold and lost to FDR over the mahallas returned only', async () => {
    const { api } = await april((id) => (id === 13 ? 11 : 1));
    const raw = await hotspots({ ...APRIL, fdr: 'false' }, api);
    expect(raw.ids.filter((_, i) => raw.bin[i] === 2)).toEqual([7, 8, 9, 12, 13, 14, 17, 18, 19]);
    expect(raw.p[12]).toBeCloseTo(0.0412, 4);
    const all = await hotspots(APRIL, api);
    expect([all.counts.hot, all.lostToFdr, all.tooFew]).toEqual([0, 9, null]);
    // Mirobod (columns 3–4) holds 9, 14 and 19 of the nine; Yakkasaroy (columns 0–2) the other six.
    const b = await hotspots({ ...APRIL, district: '1726273' }, api);
    const a = await hotspots({ ...APRIL, district: '1726287' }, api);
    expect([b.lostToFdr, a.lostToFdr, b.counts.units, a.counts.units]).toEqual([3, 6, 10, 15]);
    const rawB = await hotspots({ ...APRIL, district: '1726273', fdr: 'false' }, api);
    expect(rawB.counts).toEqual({ hot: 3, cold: 0, units: 10 });
  });

  it('never colours a mahalla hot that has no incident of its own', async () => {
    // 13 has none; its eight neighbours 5 each, the rest 1: 13's neighbourhood holds 40 of 56 where 20.2 are expected.
    const { api } = await april((id) => (id === 13 ? 0 : AROUND_13.includes(id) ? 5 : 1));
    const body = await hotspots({ ...APRIL, fdr: 'false' }, api);
    expect(body.z[12]).toBeGreaterThan(4);
    expect(body.bin[12]).toBe(0);
    expect(body.heldBack).toBe(1);
    expect(body.bin[7]).toBeGreaterThan(0); // 8, with records of its own, is hot
  });
});
