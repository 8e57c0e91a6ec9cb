// GET /api/hexagons on the fixture: counts per H3 cell checked against h3-js on the incidents' own coordinates,
// the FDR toggle, the parameters it records, and every bad input answered 400 (503 for a stale database), never 500.
import { describe, expect, it } from 'vitest';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { getJson, givenFixture, type Fixture, type ErrorBody } from '../../fixtures/api/fixture-app.ts';
import type { HexagonResult } from '../../../server/services/hotspots/hexagons.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';

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

const countsOf = (h: HexagonResult): Map<string, number> =>
  new Map(h.cells.flatMap((c, i) => ((h.count[i] ?? 0) > 0 ? [[c, h.count[i] ?? 0] as const] : [])));

describe('GET /api/hexagons', () => {
  for (const res of [5, 7, 9]) {
    it(`counts March's 11 incidents per resolution-${res} cell exactly as h3-js groups them`, async () => {
      const { app, db } = await givenFixture();
      const { status, body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=${res}`);
      expect(status).toBe(200);
      expect(countsOf(body)).toEqual(await expectedCounts(db, res));
      expect(body.count.reduce((a, b) => a + b, 0)).toBe(11);
      expect(body.counts.records).toBe(11);
      expect(body.cells.every((c) => getResolution(c) === res)).toBe(true);
    });
  }

  it('narrows counts and the study area to a district and to the chosen categories', async () => {
    const { app, db } = await givenFixture();
    const all = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8`);
    const one = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8&district=1726287`);
    expect(countsOf(one.body)).toEqual(await expectedCounts(db, 8, 'mahalla_id IN (1, 2)'));
    expect(one.body.counts.units).toBeLessThan(all.body.counts.units);
    const property = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8&categories=property`);
    expect(countsOf(property.body)).toEqual(await expectedCounts(db, 8, "category = 'property'"));
  });

  it('adds cells with incidents outside the district outlines to the study area', async () => {
    const { app, db } = await givenFixture();
    // Shrink Yakkasaroy to a corner: its mahallas' incidents now lie outside every outline.
    await db.run(`UPDATE districts SET geometry = '{"type":"Polygon","coordinates":[[[69.2,41.2],[69.21,41.2],[69.21,41.21],[69.2,41.2]]]}' WHERE soato = '1726287'`);
    const { body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=9`);
    expect(countsOf(body)).toEqual(await expectedCounts(db, 9));
    expect(new Set(body.cells).size).toBe(body.cells.length);
  });

  it('still counts an incident written after the study area was cached, outside it', async () => {
    const { app, db } = await givenFixture();
    await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=9`);
    const far = latLngToCell(41.5, 69.6, 9); // 30 km north-east of every mahalla
    await db.run(`INSERT INTO incidents VALUES (99, '2024-03-02 10:00:00', 69.6, 41.5, 4, 'fraud', 'solved', $h3::UBIGINT)`, { h3: BigInt(`0x${far}`).toString() });
    const { body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=9`);
    expect(countsOf(body).get(far)).toBe(1);
    expect(countsOf(body)).toEqual(await expectedCounts(db, 9));
  });

  it('tests empty cells too: the study area holds many more cells than have incidents', async () => {
    const { app } = await givenFixture();
    const { body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8&fdr=false`);
    expect(body.counts.units).toBeGreaterThan(100);
    expect(body.cells.length).toBeLessThan(body.counts.units);
    expect(body.z.every(Number.isFinite) && body.p.every((p) => p >= 0 && p <= 1)).toBe(true);
  });

  it('applies the FDR correction by default and reports how many cells it took out', async () => {
    // At resolution 8, 18 cells next to March's incidents pass at 90 % on their own p but none survives BH.
    const { app } = await givenFixture();
    const raw = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8&fdr=false`);
    const fdr = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=8`);
    expect(raw.body.counts.hot).toBe(18);
    expect(raw.body.lostToFdr).toBe(0);
    expect(fdr.body.counts.hot).toBe(0);
    expect(fdr.body.lostToFdr).toBe(18);
    expect(fdr.body.params.fdr).toBe(true);
  });

  it('records its parameters: support, resolution, weights, period, filters and FDR', async () => {
    const { app } = await givenFixture();
    const { body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=7&categories=property,fraud&statuses=solved&fdr=false`);
    expect(body.params).toMatchObject({
      method: 'Getis–Ord Gi*',
      support: 'h3',
      resolution: 7,
      maxResolution: 9,
      weights: 'k-ring k=1, binary, self included',
      period: { from: '2024-03-01', to: '2024-03-31' },
      categories: ['property', 'fraud'],
      statuses: ['solved'],
      fdr: false,
    });
  });

  it('refuses a resolution too fine for the extent, naming the finest one allowed', async () => {
    const { app, db } = await givenFixture();
    await db.run('UPDATE mahallas SET area_km2 = 112500'); // four mahallas the size of a country: 450,000 km²
    const { status, body } = await getJson<ErrorBody>(app, `/api/hexagons?${MARCH}&res=8`);
    expect(status).toBe(400);
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]?.field).toBe('res');
    expect(body.issues[0]?.reason).toMatch(/use resolution 7 or coarser/);
  });

  it('answers 503 with a rebuild hint on a database built before H3 cells were stored', async () => {
    const { app, db } = await givenFixture();
    await db.run('ALTER TABLE incidents DROP COLUMN h3');
    const { status, body } = await getJson<ErrorBody>(app, `/api/hexagons?${MARCH}&res=8`);
    expect(status).toBe(503);
    expect(body.issues[0]).toMatchObject({ field: 'database', reason: expect.stringMatching(/rebuild/) as unknown });
  });
});

describe('GET /api/hexagons with bad input', () => {
  const cases: Array<[string, string, string]> = [
    ['no resolution', `${MARCH}`, 'res'],
    ['resolution 4', `${MARCH}&res=4`, 'res'],
    ['resolution 10', `${MARCH}&res=10`, 'res'],
    ['a fractional resolution', `${MARCH}&res=7.5`, 'res'],
    ['a word for the resolution', `${MARCH}&res=fine`, 'res'],
    ['the resolution given twice', `${MARCH}&res=7&res=8`, 'res'],
    ['fdr=maybe', `${MARCH}&res=7&fdr=maybe`, 'fdr'],
    ['no from', 'to=2024-03-31&res=7', 'from'],
    ['February 30th', 'from=2024-02-30&to=2024-03-31&res=7', 'from'],
    ['to before from', 'from=2024-03-31&to=2024-03-01&res=7', 'to'],
    ['an unknown category', `${MARCH}&res=7&categories=unknown`, 'categories'],
    ['a malformed district', `${MARCH}&res=7&district=12`, 'district'],
  ];
  for (const [name, query, field] of cases) {
    it(`answers 400 naming ${field} for ${name}`, async () => {
      const { app } = await givenFixture();
      const { status, body } = await getJson<ErrorBody>(app, `/api/hexagons?${query}`);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_request');
      expect(body.issues.map((i) => i.field)).toContain(field);
      expect(body.issues.every((i) => i.reason.length > 0)).toBe(true);
    });
  }

  it('answers an unknown district with an empty map, not an error', async () => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<HexagonResult>(app, `/api/hexagons?${MARCH}&res=9&district=1700000`);
    expect(status).toBe(200);
    expect(body.cells).toEqual([]);
    expect(body.counts).toEqual({ hot: 0, cold: 0, units: 0, records: 0 });
  });
});
