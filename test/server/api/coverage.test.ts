// GET /api/coverage, /api/coverage/outlines and /api/inspectors/:id against the fixture's staff layout (worked out in
// test/fixtures/api/fixture-db.ts, "Coverage in March 2024"), and their malformed requests.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { bodyOf, expectRejected, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const MARCH_URL = 'from=2024-03-01&to=2024-03-31';

// Every test below only reads: one fixture database for all of them (the refusals build their own, to count rows).
const f = sharedFixture();
const coverage = async (query: InferRequestType<typeof f.api.coverage.$get>['query']) =>
  okBody(await f.api.coverage.$get({ query }));
const outlines = async (query: InferRequestType<typeof f.api.coverage.outlines.$get>['query'] = {}) =>
  okBody(await f.api.coverage.outlines.$get({ query }));
const inspector = (id: string, query: InferRequestType<(typeof f.api.inspectors)[':id']['$get']>['query']) =>
  f.api.inspectors[':id'].$get({ param: { id }, query });

describe('GET /api/coverage', () => {
  it('gives each inspector the workload of the territory for the period', async () => {
    const body = await coverage(MARCH);
    const { flags, name, rank, ...figures } = body.inspectors;
    expect(name).toEqual(['Aziz Karimov', 'Dilnoza Rahimova']);
    expect(figures).toEqual({
      id: [1, 2],
      districtSoato: ['1726287', '1726273'],
      basePointId: [1, 2],
      mahallas: [2, 1],
      residents: [3000, 3000],
      households: [770, 800],
      incidents: [5, 5],
      applications: [4, 2],
      jointActions: [1, 1],
      areaKm2: [46.309, 23.12],
      meanDistanceKm: [3.89, 2.09],
      maxDistanceKm: [5.69, 2.09],
    });
    // Mahalla 2 lies 5.69 km from base point 1: beyond the default 5 km.
    expect(flags).toEqual([
      [
        {
          norm: 'normDistanceKm',
          value: 5.69,
          limit: 5,
          reason: 'farthest mahalla 5.7 km from the base point, norm 5 km',
        },
      ],
      [],
    ]);
    expect(rank).toEqual(['captain', 'major']);
  });

  it('lists the unassigned mahalla with what happened there', async () => {
    const body = await coverage(MARCH);
    expect(body.unassigned).toEqual([
      { id: 4, name: 'Chinor', districtSoato: '1726273', population: 500, incidents: 1, applications: 2 },
    ]);
    expect(body.totals).toEqual({
      inspectors: 2,
      overloaded: 1,
      mahallas: 4,
      unassigned: 1,
      residents: 6500,
      unassignedResidents: 500,
    });
  });

  it('applies the default norms, the incidents norm scaled to the 31 days', async () => {
    const body = await coverage(MARCH);
    expect(body.norms).toEqual({ normResidents: 15000, normIncidents: 60, normDistanceKm: 5 });
    expect(body.limits).toEqual({ normResidents: 15000, normIncidents: 62, normDistanceKm: 5 });
    expect(body.days).toBe(31);
  });

  // The distance norm is raised to 10 km where another norm is under test, so only that norm can flag.
  it('flags both inspectors over a residents norm of 2,500, with the reason', async () => {
    const body = await coverage({ ...MARCH, normResidents: '2500', normDistanceKm: '10' });
    expect(body.inspectors.flags).toEqual([
      [{ norm: 'normResidents', value: 3000, limit: 2500, reason: '3,000 residents, norm 2,500' }],
      [{ norm: 'normResidents', value: 3000, limit: 2500, reason: '3,000 residents, norm 2,500' }],
    ]);
    expect(body.totals.overloaded).toBe(2);
  });

  it('scales the incidents norm to the period: 4 per 30 days is 4.1 in March (5 is over), 5 is 5.2 (not)', async () => {
    const four = await coverage({ ...MARCH, normIncidents: '4', normDistanceKm: '10' });
    expect(four.inspectors.flags.map((row) => row.map((x) => [x.norm, x.value, x.limit]))).toEqual([
      [['normIncidents', 5, 4.1]],
      [['normIncidents', 5, 4.1]],
    ]);
    const five = await coverage({ ...MARCH, normIncidents: '5', normDistanceKm: '10' });
    expect(five.inspectors.flags).toEqual([[], []]);
  });

  it('flags only the inspector whose farthest mahalla lies beyond a 3 km norm', async () => {
    const body = await coverage({ ...MARCH, normDistanceKm: '3' });
    expect(body.inspectors.flags[0]).toEqual([
      {
        norm: 'normDistanceKm',
        value: 5.69,
        limit: 3,
        reason: 'farthest mahalla 5.7 km from the base point, norm 3 km',
      },
    ]);
    expect(body.inspectors.flags[1]).toEqual([]);
  });

  it('keeps only the asked district, inspectors and unassigned mahallas alike', async () => {
    const body = await coverage({ ...MARCH, district: '1726273' });
    expect(body.inspectors.id).toEqual([2]);
    expect(body.unassigned.map((m) => m.id)).toEqual([4]);
    expect(body.totals.residents).toBe(3500);
  });

  it('counts nothing in a period without records, but keeps the territories', async () => {
    const body = await coverage({ from: '2023-01-01', to: '2023-01-31' });
    expect(body.inspectors.incidents).toEqual([0, 0]);
    expect(body.inspectors.applications).toEqual([0, 0]);
    expect(body.inspectors.residents).toEqual([3000, 3000]);
  });
});

describe('GET /api/coverage/outlines', () => {
  it("dissolves inspector 1's two mahallas into one rectangle and keeps inspector 2's square", async () => {
    const body = await outlines();
    expect(body.features.map((f) => f.geometry.coordinates)).toEqual([
      [
        [
          [
            [69.2, 41.2],
            [69.3, 41.2],
            [69.3, 41.25],
            [69.2, 41.25],
            [69.2, 41.2],
          ],
        ],
      ],
      [
        [
          [
            [69.3, 41.25],
            [69.35, 41.25],
            [69.35, 41.3],
            [69.3, 41.3],
            [69.3, 41.25],
          ],
        ],
      ],
    ]);
  });

  it('gives territories that touch (at a corner, mahallas 2 and 3) different colour slots', async () => {
    const body = await outlines();
    const [a, b] = body.features.map((f) => f.properties);
    expect(a).toMatchObject({ inspectorId: 1, name: 'Aziz Karimov', districtSoato: '1726287', mahallas: 2 });
    expect(a?.slot).not.toBe(b?.slot);
  });

  it('keeps only the asked district', async () => {
    const body = await outlines({ district: '1726273' });
    expect(body.features.map((f) => f.properties.inspectorId)).toEqual([2]);
  });
});

describe('GET /api/coverage/territories', () => {
  it('gives each territory its mahallas and the same colour slot as its outline, without shapes', async () => {
    const [cols, shapes] = await Promise.all([
      okBody(await f.api.coverage.territories.$get({ query: {} })),
      outlines(),
    ]);
    expect(cols).toMatchObject({
      inspectorId: [1, 2],
      name: ['Aziz Karimov', 'Dilnoza Rahimova'],
      districtSoato: ['1726287', '1726273'],
      mahallaIds: [[1, 2], [3]],
    });
    expect(cols.slot).toEqual(shapes.features.map((s) => s.properties.slot));
  });

  it('keeps only the asked district', async () => {
    const cols = await okBody(await f.api.coverage.territories.$get({ query: { district: '1726273' } }));
    expect(cols.inspectorId).toEqual([2]);
  });
});

describe('GET /api/inspectors/:id', () => {
  it('gives the card: identity, base point, workload and the territory nearest first', async () => {
    const body = await okBody(await inspector('1', MARCH));
    expect(body).toMatchObject({
      id: 1,
      name: 'Aziz Karimov',
      rank: 'captain',
      districtSoato: '1726287',
      districtName: 'Yakkasaroy',
      basePoint: { id: 1, name: 'Base point No. 1', lon: 69.21, lat: 41.21 },
      workload: {
        mahallas: 2,
        residents: 3000,
        households: 770,
        incidents: 5,
        applications: 4,
        jointActions: 1,
        areaKm2: 46.309,
        meanDistanceKm: 3.89,
        maxDistanceKm: 5.69,
      },
    });
    expect(body.mahallas.map((m) => [m.id, m.name, m.distanceKm, m.incidents, m.applications])).toEqual([
      [1, 'Olmazor', 2.09, 3, 2],
      [2, "Bog'bon", 5.69, 2, 2],
    ]);
  });

  it("breaks the joint actions down by service and counts the territory's open and overdue applications", async () => {
    const body = await okBody(await inspector('1', MARCH));
    expect(body.jointActionsByService).toEqual([
      { service: 'criminal_investigation', count: 1 },
      { service: 'patrol', count: 1 },
    ]);
    expect(body.applications).toEqual({ total: 4, open: 2, overdue: 2, asOf: '2024-04-01' });
  });

  it('shows the same flags as the table for the same norms', async () => {
    const byDefault = await okBody(await inspector('1', MARCH));
    expect(byDefault.flags.map((f) => f.norm)).toEqual(['normDistanceKm']);
    const wider = await okBody(await inspector('1', { ...MARCH, normDistanceKm: '6' }));
    expect(wider.flags).toEqual([]);
  });

  it('answers 404 naming the id for an inspector nobody is', async () => {
    const body = await bodyOf(await inspector('99', MARCH), 404);
    expect(body).toEqual({
      error: 'not_found',
      issues: [{ field: 'id', reason: 'no inspector has this id', code: 'not_found', params: { what: 'inspector' } }],
    });
  });
});

const bad = (name: string, url: string, field: string) => ({ name, url, field });
const q = encodeURIComponent;
const CASES = [
  bad('coverage without from', '/api/coverage?to=2024-03-31', 'from'),
  bad('coverage to before from', '/api/coverage?from=2024-03-31&to=2024-03-01', 'to'),
  bad('coverage range over 3 years', '/api/coverage?from=2020-01-01&to=2024-01-01', 'to'),
  bad('coverage district with SQL', `/api/coverage?${MARCH_URL}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('coverage residents norm not a number', `/api/coverage?${MARCH_URL}&normResidents=lots`, 'normResidents'),
  bad('coverage residents norm 0', `/api/coverage?${MARCH_URL}&normResidents=0`, 'normResidents'),
  bad('coverage negative distance norm', `/api/coverage?${MARCH_URL}&normDistanceKm=-3`, 'normDistanceKm'),
  bad('coverage distance norm over 1000 km', `/api/coverage?${MARCH_URL}&normDistanceKm=5000`, 'normDistanceKm'),
  bad(
    'coverage incidents norm with SQL',
    `/api/coverage?${MARCH_URL}&normIncidents=${q('5;DROP TABLE incidents')}`,
    'normIncidents',
  ),
  bad(
    'coverage incidents norm given twice',
    `/api/coverage?${MARCH_URL}&normIncidents=5&normIncidents=6`,
    'normIncidents',
  ),
  bad('outlines 2-digit district', '/api/coverage/outlines?district=12', 'district'),
  bad('territories 2-digit district', '/api/coverage/territories?district=12', 'district'),
  bad('inspector id abc', `/api/inspectors/abc?${MARCH_URL}`, 'id'),
  bad('inspector id 0', `/api/inspectors/0?${MARCH_URL}`, 'id'),
  bad('inspector id with SQL', `/api/inspectors/${q('1 OR 1=1')}?${MARCH_URL}`, 'id'),
  bad('inspector card without to', '/api/inspectors/1?from=2024-03-01', 'to'),
  bad('inspector card on February 30th', '/api/inspectors/1?from=2024-02-30&to=2024-03-31', 'from'),
];

describe('malformed coverage requests', () => {
  it.each(CASES)('$name → 400 naming $field, data untouched', async (c) => {
    await expectRejected(c.url, c.field);
  });
});
