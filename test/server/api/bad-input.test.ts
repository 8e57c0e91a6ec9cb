// Malformed requests: every one is answered 400 (or 404) naming the offending field, never 500, and touches no data.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { refusalsCoded } from '../../fixtures/api/coded-refusals.ts';
import { bodyOf, errorBody, givenFixture, okBody, rowCount, sharedFixture } from '../../fixtures/api/fixture-app.ts';

interface Case {
  name: string;
  url: string;
  status: 400 | 404;
  error: 'invalid_request' | 'not_found';
  field: string;
}

const MARCH_URL = 'from=2024-03-01&to=2024-03-31';
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const q = encodeURIComponent;

const bad = (name: string, url: string, field: string): Case => ({
  name,
  url,
  status: 400,
  error: 'invalid_request',
  field,
});
const missing = (name: string, url: string, field: string): Case => ({
  name,
  url,
  status: 404,
  error: 'not_found',
  field,
});

// Raw URLs: the typed client would not build most of these (values outside the contract, fields given twice, routes
// that do not exist), which is the point.
const CASES: Case[] = [
  bad('metrics without from', '/api/metrics?to=2024-03-31', 'from'),
  bad('metrics without to', '/api/metrics?from=2024-03-01', 'to'),
  bad('metrics from in month 13', '/api/metrics?from=2024-13-01&to=2024-03-31', 'from'),
  bad('metrics from on February 30th', '/api/metrics?from=2024-02-30&to=2024-03-31', 'from'),
  bad('metrics from written DD.MM.YYYY', '/api/metrics?from=01.03.2024&to=2024-03-31', 'from'),
  bad('metrics from given twice', '/api/metrics?from=2024-03-01&from=2024-03-02&to=2024-03-31', 'from'),
  bad('metrics to before from', '/api/metrics?from=2024-03-31&to=2024-03-01', 'to'),
  bad('metrics range over 3 years', '/api/metrics?from=2020-01-01&to=2024-01-01', 'to'),
  bad('metrics unknown category', `/api/metrics?${MARCH_URL}&categories=unknown`, 'categories'),
  bad(
    'metrics category with SQL',
    `/api/metrics?${MARCH_URL}&categories=${q("property');DROP TABLE incidents;--")}`,
    'categories',
  ),
  bad(
    'metrics category list over 1000 characters',
    `/api/metrics?${MARCH_URL}&categories=${'property,'.repeat(112)}`,
    'categories',
  ),
  bad('metrics unknown status', `/api/metrics?${MARCH_URL}&statuses=bad`, 'statuses'),
  bad('metrics status with SQL', `/api/metrics?${MARCH_URL}&statuses=${q("solved' OR '1'='1")}`, 'statuses'),
  bad('metrics 2-digit district', `/api/metrics?${MARCH_URL}&district=12`, 'district'),
  bad('metrics district with SQL', `/api/metrics?${MARCH_URL}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('points without from', '/api/records/points?to=2024-03-31', 'from'),
  bad(
    'points category with SQL',
    `/api/records/points?${MARCH_URL}&categories=${q("property');DROP TABLE incidents;--")}`,
    'categories',
  ),
  bad('points district with SQL', `/api/records/points?${MARCH_URL}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('mahalla id abc', `/api/mahallas/abc?${MARCH_URL}`, 'id'),
  bad('mahalla id -1', `/api/mahallas/-1?${MARCH_URL}`, 'id'),
  bad('mahalla id 1234567890 (over 9 digits)', `/api/mahallas/1234567890?${MARCH_URL}`, 'id'),
  bad('mahalla id 0', `/api/mahallas/0?${MARCH_URL}`, 'id'),
  bad('mahalla id with SQL', `/api/mahallas/${q('1 OR 1=1')}?${MARCH_URL}`, 'id'),
  bad('mahalla card without from', '/api/mahallas/1?to=2024-03-31', 'from'),
  bad('mahalla card unknown status', `/api/mahallas/1?${MARCH_URL}&statuses=bad`, 'statuses'),
  bad('territories 2-digit district', '/api/mahallas?district=12', 'district'),
  bad('base points district with SQL', `/api/base-points?district=${q("1726287' OR 1=1")}`, 'district'),
  bad('cooperation summary without from', '/api/cooperation/summary?to=2024-03-31', 'from'),
  bad('cooperation summary to before from', '/api/cooperation/summary?from=2024-03-31&to=2024-03-01', 'to'),
  bad(
    'cooperation layer district with SQL',
    `/api/cooperation/mahallas?${MARCH_URL}&district=${q("1726287' OR 1=1")}`,
    'district',
  ),
  bad('cooperation matrix from on February 30th', '/api/cooperation/matrix?from=2024-02-30&to=2024-03-31', 'from'),
  bad('cooperation gaps days=0', `/api/cooperation/gaps?${MARCH_URL}&days=0`, 'days'),
  bad('cooperation gaps days=366', `/api/cooperation/gaps?${MARCH_URL}&days=366`, 'days'),
  bad('cooperation gaps days=abc', `/api/cooperation/gaps?${MARCH_URL}&days=abc`, 'days'),
  bad('cooperation gaps days=-5', `/api/cooperation/gaps?${MARCH_URL}&days=-5`, 'days'),
  bad('cooperation gaps fdr=maybe', `/api/cooperation/gaps?${MARCH_URL}&fdr=maybe`, 'fdr'),
  bad(
    'cooperation gaps category with SQL',
    `/api/cooperation/gaps?${MARCH_URL}&categories=${q("drugs');DROP TABLE incidents;--")}`,
    'categories',
  ),
  bad('before/after unknown status', `/api/cooperation/before-after?${MARCH_URL}&statuses=bad`, 'statuses'),
  bad('before/after without to', '/api/cooperation/before-after?from=2024-03-01', 'to'),
  bad('plan id abc', '/api/plans/abc', 'id'),
  bad('plan id with SQL', `/api/plans/${q('1 OR 1=1')}`, 'id'),
  missing('plan id nobody has', '/api/plans/9999999', 'id'),
  missing('mahalla id nobody has', `/api/mahallas/9999999?${MARCH_URL}`, 'id'),
  missing('unknown route', '/api/nope', 'path'),
  missing('unknown route below a known one', `/api/metrics/extra?${MARCH_URL}`, 'path'),
];

// The refusals only read: one fixture database for them; each check that the data is untouched gets its own, so a
// request that did write would be caught by its own test.
const f = sharedFixture();

describe('malformed requests', () => {
  it.each(CASES)('$name → $status naming $field', async (c) => {
    const res = await f.app.request(c.url);
    expect(res.status).toBe(c.status);
    const body = await errorBody(res);
    expect(body.error).toBe(c.error);
    // A date can break two rules at once (format and calendar); every issue must name the same field.
    expect([...new Set(body.issues.map((i) => i.field))]).toEqual([c.field]);
    expect(body.issues.every((i) => /\S/.test(i.reason))).toBe(true);
  });

  it.each(CASES)('$name leaves all 21 incidents in place', async (c) => {
    const { app, db } = await givenFixture();
    await app.request(c.url);
    expect(await rowCount(db, 'incidents')).toBe(21);
  });
});

// contract/api.ts: "empty or absent = all of them". A list that holds no codes once split and trimmed is empty.
describe('code lists that name no code', () => {
  it('counts every category for categories=,', async () => {
    const body = await okBody(await f.api.metrics.$get({ query: { ...MARCH, categories: ',' } }));
    expect(body.count).toEqual([3, 2, 5, 1]);
  });

  it('counts every status for statuses=" "', async () => {
    const body = await okBody(await f.api.metrics.$get({ query: { ...MARCH, statuses: ' ' } }));
    expect(body.count).toEqual([3, 2, 5, 1]);
  });

  it('sends every March point for categories=,', async () => {
    const res = await f.api.records.points.$get({ query: { ...MARCH, categories: ',' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-point-count')).toBe('11');
  });
});

describe('dates at the edge of the calendar', () => {
  it('rejects a range whose previous period would fall before year 0000 (it cannot be written YYYY-MM-DD)', async () => {
    const body = await bodyOf(await f.api.metrics.$get({ query: { from: '0000-01-01', to: '0000-01-31' } }), 400);
    expect(body.error).toBe('invalid_request');
  });
});

// Beside each English reason, the code and params the web says it with in the reader's language (contract/issues.ts).
const CODED: Array<[string, string, number, Record<string, unknown>]> = [
  ['a missing date', '/api/metrics?to=2024-03-31', 400, { field: 'from', code: 'required' }],
  ['February 30th', '/api/metrics?from=2024-02-30&to=2024-03-31', 400, { field: 'from', code: 'invalid_date' }],
  ['to before from', '/api/metrics?from=2024-03-31&to=2024-03-01', 400, { field: 'to', code: 'date_order' }],
  [
    'a range over 3 years',
    '/api/metrics?from=2020-01-01&to=2024-01-01',
    400,
    { field: 'to', code: 'period_too_long', params: { max: 3 * 366 + 31 } },
  ],
  [
    'an unknown status',
    `/api/metrics?${MARCH_URL}&statuses=bad`,
    400,
    { field: 'statuses', code: 'not_one_of', params: { allowed: 'registered, solved, unsolved' } },
  ],
  ['a 2-digit district', `/api/metrics?${MARCH_URL}&district=12`, 400, { field: 'district', code: 'invalid_district' }],
  ['mahalla id abc', `/api/mahallas/abc?${MARCH_URL}`, 400, { field: 'id', code: 'invalid_id' }],
  ['a plan nobody has', '/api/plans/9999999', 404, { field: 'id', code: 'not_found', params: { what: 'plan' } }],
  [
    'a mahalla nobody has',
    `/api/mahallas/9999999?${MARCH_URL}`,
    404,
    { field: 'id', code: 'not_found', params: { what: 'mahalla' } },
  ],
];

describe('issue codes', () => {
  it.each(CODED)('%s → its code and params', async (_name, url, status, want) => {
    const res = await f.app.request(url);
    expect(res.status).toBe(status);
    expect((await errorBody(res)).issues).toContainEqual(expect.objectContaining(want));
  });
});

describe('the API tests’ own check that every refusal is coded (test/fixtures/api/coded-refusals.ts)', () => {
  const app = (body: unknown) => refusalsCoded(new Hono().get('/x', (c) => c.json(body, 400)));

  it('fails a request answered 400 with an English reason only, or a code whose params are missing', async () => {
    await expect(
      app({ error: 'invalid_request', issues: [{ field: 'x', reason: 'bad' }] }).request('/x'),
    ).rejects.toThrow('GET /x answered 400 uncoded: x: no known code (undefined)');
    const noMax = { error: 'invalid_request', issues: [{ field: 'x', reason: 'long', code: 'too_long' }] };
    await expect(app(noMax).request('/x')).rejects.toThrow('x: too_long lacks max');
  });

  it('lets a coded refusal through', async () => {
    const coded = {
      error: 'invalid_request',
      issues: [{ field: 'x', reason: 'long', code: 'too_long', params: { max: 3 } }],
    };
    expect((await app(coded).request('/x')).status).toBe(400);
  });
});
