// GET /api/hexagons on the fixture: counts per H3 cell checked against h3-js on the incidents' own coordinates, the
// exact test over the whole study area (also with a district chosen), residents apportioned to cells, the FDR toggle,
// the parameters it echoes, and every bad input answered 400 (503 for a stale database), never 500.
import { describe, expect, it } from 'vitest';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import type { InferRequestType, InferResponseType } from 'hono/client';
import {
  bodyOf,
  errorBody,
  givenFixture,
  okBody,
  sharedFixture,
  type Api,
  type Fixture,
} from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const YEAR = { from: '2024-01-01', to: '2024-12-31' }; // all 21 incidents
const MARCH_URL = 'from=2024-03-01&to=2024-03-31';

// The tests that only read share one fixture database; those that change it (a shrunk district, a new incident,
// country-sized mahallas, a dropped column) build their own.
const shared = sharedFixture();
type HexagonQuery = InferRequestType<Api['hexagons']['$get']>['query'];
const hexagons = async (api: Api, query: HexagonQuery) => okBody(await api.hexagons.$get({ query }));

/** Incidents per cell at `res` in March, grouped in JS with h3-js: an oracle independent of the SQL bit masks. */
async function expectedCounts(db: Fixture['db'], res: number, where = 'TRUE'): Promise<Map<string, number>> {
  const rows = await db.all<{ lon: number; lat: number }>(
    `SELECT lon, lat FROM incidents WHERE ts >= '2024-03-01' AND ts < '2024-04-01' AND ${where}`,
  );
  const out = new Map<string, number>();
  for (const r of rows) {
    const cell = cellToParent(latLngToCell(r.lat, r.lon, 9), res);
    out.set(cell, (out.get(cell) ?? 0) + 1);
  }
  return out;
}

const countsOf = (h: InferResponseType<Api['hexagons']['$get'], 200>): Map<string, number> =>
  new Map(h.cells.flatMap((c, i) => ((h.count[i] ?? 0) > 0 ? [[c, h.count[i] ?? 0] as const] : [])));

describe('GET /api/hexagons', () => {
  for (const res of [5, 7, 9]) {
    it(`counts March's 11 incidents per resolution-${res} cell exactly as h3-js groups them`, async () => {
      const body = await hexagons(shared.api, { ...MARCH, res: String(res) });
      expect(countsOf(body)).toEqual(await expectedCounts(shared.db, res));
      expect(body.count.reduce((a, b) => a + b, 0)).toBe(11);
      expect(body.counts.records).toBe(11);
      expect(body.cells.every((c) => getResolution(c) === res)).toBe(true);
    });
  }

  it('narrows the cells returned and the records counted to a district and to the chosen categories', async () => {
    const { api, db } = shared;
    const all = await hexagons(api, { ...MARCH, res: '8' });
    const one = await hexagons(api, { ...MARCH, res: '8', district: '1726287' });
    expect(countsOf(one)).toEqual(await expectedCounts(db, 8, 'mahalla_id IN (1, 2)'));
    expect(one.counts.units).toBeLessThan(all.counts.units);
    const property = await hexagons(api, { ...MARCH, res: '8', categories: 'property' });
    expect(countsOf(property)).toEqual(await expectedCounts(db, 8, "category = 'property'"));
  });

  it('adds cells with incidents outside the district outlines to the study area', async () => {
    const { api, db } = await givenFixture();
    // Shrink Yakkasaroy to a corner: its mahallas' incidents now lie outside every outline.
    await db.run(
      `UPDATE districts SET geometry = '{"type":"Polygon","coordinates":[[[69.2,41.2],[69.21,41.2],[69.21,41.21],[69.2,41.2]]]}' WHERE soato = '1726287'`,
    );
    const body = await hexagons(api, { ...MARCH, res: '9' });
    expect(countsOf(body)).toEqual(await expectedCounts(db, 9));
    expect(new Set(body.cells).size).toBe(body.cells.length);
  });

  it('still counts an incident written after the study area was cached, outside it', async () => {
    const { api, db } = await givenFixture();
    await hexagons(api, { ...MARCH, res: '9' });
    const far = latLngToCell(41.5, 69.6, 9); // 30 km north-east of every mahalla
    await db.run(
      `INSERT INTO incidents VALUES (99, '2024-03-02 10:00:00', 69.6, 41.5, 4, 'fraud', 'solved', $h3::UBIGINT)`,
      { h3: BigInt(`0x${far}`).toString() },
    );
    const body = await hexagons(api, { ...MARCH, res: '9' });
    expect(countsOf(body).get(far)).toBe(1);
    expect(countsOf(body)).toEqual(await expectedCounts(db, 9));
  });

  it('tests empty cells too: the study area holds many more cells than have incidents', async () => {
    const body = await hexagons(shared.api, { ...MARCH, res: '8', fdr: 'false' });
    expect(body.counts.units).toBeGreaterThan(100);
    expect(body.cells.length).toBeLessThan(body.counts.units);
    expect(body.z.every(Number.isFinite) && body.p.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('applies the FDR correction by default and counts what it took out over the cells returned', async () => {
    // 2024 at resolution 9: 7 cells are hot on their own p (and 8 more would be, but hold no record of their own);
    // none survives BH over the 824 cells of the study area.
    const raw = await hexagons(shared.api, { ...YEAR, res: '9', fdr: 'false' });
    const fdr = await hexagons(shared.api, { ...YEAR, res: '9' });
    expect([raw.counts.hot, raw.heldBack, raw.lostToFdr, raw.counts.units]).toEqual([7, 8, 0, 824]);
    expect([fdr.counts.hot, fdr.lostToFdr]).toEqual([0, 15]);
    const one = await hexagons(shared.api, { ...YEAR, res: '9', district: '1726287' });
    expect([one.counts.units, one.lostToFdr, one.counts.records]).toEqual([414, 11, 10]);
  });

  it('judges a district against the whole study area: the same z and p for its cells as without the district', async () => {
    const all = await hexagons(shared.api, { ...YEAR, res: '9', fdr: 'false' });
    const one = await hexagons(shared.api, { ...YEAR, res: '9', fdr: 'false', district: '1726287' });
    const byCell = new Map(all.cells.map((c, i) => [c, [all.z[i], all.p[i], all.bin[i]]]));
    expect(one.cells.length).toBeGreaterThan(0);
    one.cells.forEach((c, i) => expect([one.z[i], one.p[i], one.bin[i]]).toEqual(byCell.get(c)));
    expect(one.params.inference.records).toBe(21);
  });

  it('says there are too few records to test in March (11 of the 20 needed) and colours no cell', async () => {
    const body = await hexagons(shared.api, { ...MARCH, res: '8', fdr: 'false' });
    expect(body.tooFew).toEqual({ records: 11, needed: 20 });
    expect(body.bin.every((b) => b === 0)).toBe(true);
  });

  it('echoes every stated parameter: support, resolution, weights, filters, study area and the inference', async () => {
    const body = await hexagons(shared.api, {
      ...MARCH,
      res: '7',
      categories: 'property,fraud',
      statuses: 'solved',
      fdr: 'false',
    });
    expect(body.params).toMatchObject({
      method: 'Neighbourhood excess, exact binomial',
      support: 'h3',
      resolution: 7,
      maxResolution: 9,
      weights: 'k-ring k=1, binary, self included',
      value: 'incidents per cell neighbourhood',
      period: { from: '2024-03-01', to: '2024-03-31' },
      categories: ['property', 'fraud'],
      statuses: ['solved'],
      fdr: false,
      districts: null,
      studyArea: expect.stringMatching(/^every H3 cell of the database's area/) as unknown,
      inference: {
        variable: 'counts',
        null: 'constant risk given residents',
        test: 'exact binomial, neighbourhood',
        draws: 0,
        seed: null,
        studyArea: 'city',
        studyAreaName: 'Tashkent city',
        neighbourhood: 'the cell and the 6 cells touching it (k-ring 1)',
        records: 3, // solved property or fraud in March: #2, #5, #10
        fdr: null,
        levels: [0.1, 0.05, 0.01],
      },
    });
  });

  for (const res of [5, 7, 9]) {
    it(`apportions all 6,500 residents to the resolution-${res} cells`, async () => {
      const body = await hexagons(shared.api, { ...MARCH, res: String(res) });
      expect(body.params.inference.residents).toBe(6500);
    });
  }

  it('refuses a resolution too fine for the extent, naming the finest one allowed', async () => {
    const { api, db } = await givenFixture();
    await db.run('UPDATE mahallas SET area_km2 = 112500'); // four mahallas the size of a country: 450,000 km²
    const body = await bodyOf(await api.hexagons.$get({ query: { ...MARCH, res: '8' } }), 400);
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]?.field).toBe('res');
    expect(body.issues[0]?.reason).toMatch(/use resolution 7 or coarser/);
  });

  it('answers 503 with a rebuild hint on a database built before H3 cells were stored', async () => {
    const { api, db } = await givenFixture();
    await db.run('ALTER TABLE incidents DROP COLUMN h3');
    const body = await bodyOf(await api.hexagons.$get({ query: { ...MARCH, res: '8' } }), 503);
    expect(body.issues[0]).toMatchObject({ field: 'database', reason: expect.stringMatching(/rebuild/) as unknown });
  });
});

describe('GET /api/hexagons with bad input', () => {
  // Raw queries: the typed client would not send most of them (no resolution, a flag outside its enum, a field twice).
  const cases: Array<[string, string, string]> = [
    ['no resolution', `${MARCH_URL}`, 'res'],
    ['resolution 4', `${MARCH_URL}&res=4`, 'res'],
    ['resolution 10', `${MARCH_URL}&res=10`, 'res'],
    ['a fractional resolution', `${MARCH_URL}&res=7.5`, 'res'],
    ['a word for the resolution', `${MARCH_URL}&res=fine`, 'res'],
    ['the resolution given twice', `${MARCH_URL}&res=7&res=8`, 'res'],
    ['fdr=maybe', `${MARCH_URL}&res=7&fdr=maybe`, 'fdr'],
    ['no from', 'to=2024-03-31&res=7', 'from'],
    ['February 30th', 'from=2024-02-30&to=2024-03-31&res=7', 'from'],
    ['to before from', 'from=2024-03-31&to=2024-03-01&res=7', 'to'],
    ['an unknown category', `${MARCH_URL}&res=7&categories=unknown`, 'categories'],
    ['a malformed district', `${MARCH_URL}&res=7&district=12`, 'district'],
  ];
  for (const [name, query, field] of cases) {
    it(`answers 400 naming ${field} for ${name}`, async () => {
      const res = await shared.app.request(`/api/hexagons?${query}`);
      expect(res.status).toBe(400);
      const body = await errorBody(res);
      expect(body.error).toBe('invalid_request');
      expect(body.issues.map((i) => i.field)).toContain(field);
      expect(body.issues.every((i) => i.reason.length > 0)).toBe(true);
    });
  }

  it('answers an unknown district with an empty map, not an error', async () => {
    const body = await hexagons(shared.api, { ...MARCH, res: '9', district: '1700000' });
    expect(body.cells).toEqual([]);
    expect(body.counts).toEqual({ hot: 0, cold: 0, units: 0, records: 0, withoutPoint: 0 });
  });
});
