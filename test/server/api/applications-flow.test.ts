// GET /api/applications/flow and /api/applications/flow/mahallas against the March 2024 applications of the fixture
// (worked out in test/fixtures/api/fixture-db.ts, "Applications in March 2024"), and their malformed requests.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { expectRejected, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const MARCH_URL = 'from=2024-03-01&to=2024-03-31';

// Every test below only reads: one fixture database for all of them (the refusals build their own, to count rows).
const f = sharedFixture();
const flow = async (query: InferRequestType<typeof f.api.applications.flow.$get>['query']) =>
  okBody(await f.api.applications.flow.$get({ query }));
const byMahalla = async (query: InferRequestType<typeof f.api.applications.flow.mahallas.$get>['query']) =>
  okBody(await f.api.applications.flow.mahallas.$get({ query }));

describe('GET /api/applications/flow', () => {
  it('counts the 8 March applications: 5 open, 3 overdue as of 1 April, median 2.1 days, p90 10 days', async () => {
    const body = await flow(MARCH);
    expect(body.asOf).toBe('2024-04-01');
    expect(body.termDays).toEqual({ kept: 15, passed: 30 });
    expect(body.total).toEqual({ n: 8, open: 5, overdue: 3, medianDays: 2.1, p90Days: 10 });
  });

  it('breaks them down by channel, registry and applicant, largest first', async () => {
    const body = await flow(MARCH);
    expect(body.byChannel).toEqual([
      { code: 'in_person', n: 3, open: 2, overdue: 2 },
      { code: 'written', n: 2, open: 2, overdue: 0 },
      { code: 'hotline', n: 1, open: 0, overdue: 0 },
      { code: 'online', n: 1, open: 0, overdue: 0 },
      { code: 'phone', n: 1, open: 1, overdue: 1 },
    ]);
    expect(body.byRegistry).toEqual([
      { code: 'alphabetical', n: 3, open: 2, overdue: 1 },
      { code: 'form2', n: 3, open: 2, overdue: 1 },
      { code: 'form1', n: 2, open: 1, overdue: 1 },
    ]);
    expect(body.byApplicant.map((r) => [r.code, r.n])).toEqual([
      ['citizen', 6],
      ['legal_entity', 2],
    ]);
  });

  it('gives receivers and services their resolution times; a NULL service is the inspector keeping it', async () => {
    const body = await flow(MARCH);
    expect(body.byReceiver).toEqual([
      { code: 'inspector', n: 4, open: 3, overdue: 2, medianDays: 2.1, p90Days: 2.1 },
      { code: 'duty_unit', n: 3, open: 2, overdue: 1, medianDays: 1, p90Days: 1 },
      { code: 'service', n: 1, open: 0, overdue: 0, medianDays: 10, p90Days: 10 },
    ]);
    expect(body.byService).toEqual([
      { code: null, n: 4, open: 3, overdue: 2, medianDays: 2.1, p90Days: 2.1 },
      { code: 'criminal_investigation', n: 1, open: 1, overdue: 1, medianDays: null, p90Days: null },
      { code: 'investigation', n: 1, open: 1, overdue: 0, medianDays: null, p90Days: null },
      { code: 'migration', n: 1, open: 0, overdue: 0, medianDays: 10, p90Days: 10 },
      { code: 'patrol', n: 1, open: 0, overdue: 0, medianDays: 1, p90Days: 1 },
    ]);
  });

  it('links each stage of the flow to the next with counts that add up to the total', async () => {
    const body = await flow(MARCH);
    expect(body.links.channelRegistry).toEqual([
      { from: 'in_person', to: 'form2', n: 2 },
      { from: 'hotline', to: 'form1', n: 1 },
      { from: 'in_person', to: 'alphabetical', n: 1 },
      { from: 'online', to: 'alphabetical', n: 1 },
      { from: 'phone', to: 'form1', n: 1 },
      { from: 'written', to: 'alphabetical', n: 1 },
      { from: 'written', to: 'form2', n: 1 },
    ]);
    for (const links of Object.values(body.links)) expect(links.reduce((s, l) => s + l.n, 0)).toBe(8);
    expect(body.links.receiverService).toContainEqual({ from: 'inspector', to: null, n: 4 });
  });

  it('narrows to a district and compares its published shares with the whole database', async () => {
    const body = await flow({ ...MARCH, district: '1726287' });
    expect(body.scope).toEqual({ districts: ['1726287'], mahalla: null });
    expect(body.total.n).toBe(4);
    expect(body.national).toEqual({
      selected: { n: 4, registry: { form2: 0.5, alphabetical: 0.25, form1: 0.25 }, dutyUnit: 0.25 },
      country: { n: 8, registry: { alphabetical: 0.375, form2: 0.375, form1: 0.25 }, dutyUnit: 0.375 },
    });
  });

  it('narrows to one mahalla and still compares it with the whole database', async () => {
    const body = await flow({ ...MARCH, mahalla: '3' });
    expect(body.total).toEqual({ n: 2, open: 2, overdue: 1, medianDays: null, p90Days: null });
    expect(body.national.selected.n).toBe(2);
    expect(body.national.country).toEqual({
      n: 8,
      registry: { alphabetical: 0.375, form2: 0.375, form1: 0.25 },
      dutyUnit: 0.375,
    });
  });

  it('judges an earlier period at its own end: on 10 March nothing was overdue yet', async () => {
    // 1–9 March: #1, 2, 4, 5 arrived; as of 10 March #1 is resolved and #2, 4, 5 are open, all within their terms
    // (#4, the oldest, was passed to a service on 1 March: due by 31 March).
    const body = await flow({ from: '2024-03-01', to: '2024-03-09' });
    expect(body.asOf).toBe('2024-03-10');
    expect(body.total).toMatchObject({ n: 4, open: 3, overdue: 0 });
  });

  it('judges at the end of the data when the period runs past it', async () => {
    const body = await flow({ from: '2024-12-01', to: '2025-02-28' });
    expect(body.asOf).toBe('2025-01-01');
    expect(body.total).toEqual({ n: 0, open: 0, overdue: 0, medianDays: null, p90Days: null });
  });
});

describe('GET /api/applications/flow/mahallas', () => {
  it('gives every mahalla its count, open and overdue, columnar in id order', async () => {
    const body = await byMahalla(MARCH);
    expect({ ids: body.ids, count: body.count, open: body.open, overdue: body.overdue }).toEqual({
      ids: [1, 2, 3, 4],
      count: [2, 2, 2, 2],
      open: [1, 1, 2, 1],
      overdue: [1, 1, 1, 0],
    });
    expect(body.totals).toEqual({ count: 8, open: 5, overdue: 3 });
  });

  it('keeps only the asked district, with zeros where nothing arrived', async () => {
    const body = await byMahalla({ from: '2024-02-01', to: '2024-02-29', district: '1726273' });
    expect({ ids: body.ids, count: body.count }).toEqual({ ids: [3, 4], count: [0, 1] });
  });
});

const bad = (name: string, url: string, field: string) => ({ name, url, field });
const q = encodeURIComponent;
const CASES = [
  bad('flow without from', '/api/applications/flow?to=2024-03-31', 'from'),
  bad('flow from in month 13', '/api/applications/flow?from=2024-13-01&to=2024-03-31', 'from'),
  bad('flow to before from', '/api/applications/flow?from=2024-03-31&to=2024-03-01', 'to'),
  bad('flow district with SQL', `/api/applications/flow?${MARCH_URL}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('flow mahalla abc', `/api/applications/flow?${MARCH_URL}&mahalla=abc`, 'mahalla'),
  bad('flow mahalla 0', `/api/applications/flow?${MARCH_URL}&mahalla=0`, 'mahalla'),
  bad('flow mahalla with SQL', `/api/applications/flow?${MARCH_URL}&mahalla=${q('1 OR 1=1')}`, 'mahalla'),
  bad('flow mahallas without to', '/api/applications/flow/mahallas?from=2024-03-01', 'to'),
  bad('flow mahallas 2-digit district', `/api/applications/flow/mahallas?${MARCH_URL}&district=12`, 'district'),
];

describe('malformed applications-flow requests', () => {
  it.each(CASES)('$name → 400 naming $field, data untouched', async (c) => {
    await expectRejected(c.url, c.field);
  });
});
