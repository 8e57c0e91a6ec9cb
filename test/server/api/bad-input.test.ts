// Malformed requests: every one is answered 400 (or 404) naming the offending field, never 500, and touches no data.
import { describe, expect, it } from 'vitest';
import type { MetricsResult } from '../../../server/services/hotspots/metrics.ts';
import { getJson, givenFixture, rowCount, type ErrorBody } from '../../fixtures/api/fixture-app.ts';

interface Case {
  name: string;
  url: string;
  status: 400 | 404;
  error: 'invalid_request' | 'not_found';
  field: string;
}

const MARCH = 'from=2024-03-01&to=2024-03-31';
const q = encodeURIComponent;

const bad = (name: string, url: string, field: string): Case => ({ name, url, status: 400, error: 'invalid_request', field });
const missing = (name: string, url: string, field: string): Case => ({ name, url, status: 404, error: 'not_found', field });

const CASES: Case[] = [
  bad('metrics without from', '/api/metrics?to=2024-03-31', 'from'),
  bad('metrics without to', '/api/metrics?from=2024-03-01', 'to'),
  bad('metrics from in month 13', '/api/metrics?from=2024-13-01&to=2024-03-31', 'from'),
  bad('metrics from on February 30th', '/api/metrics?from=2024-02-30&to=2024-03-31', 'from'),
  bad('metrics from written DD.MM.YYYY', '/api/metrics?from=01.03.2024&to=2024-03-31', 'from'),
  bad('metrics from given twice', '/api/metrics?from=2024-03-01&from=2024-03-02&to=2024-03-31', 'from'),
  bad('metrics to before from', '/api/metrics?from=2024-03-31&to=2024-03-01', 'to'),
  bad('metrics range over 3 years', '/api/metrics?from=2020-01-01&to=2024-01-01', 'to'),
  bad('metrics unknown category', `/api/metrics?${MARCH}&categories=unknown`, 'categories'),
  bad('metrics category with SQL', `/api/metrics?${MARCH}&categories=${q("property');DROP TABLE incidents;--")}`, 'categories'),
  bad('metrics category list over 1000 characters', `/api/metrics?${MARCH}&categories=${'property,'.repeat(112)}`, 'categories'),
  bad('metrics unknown status', `/api/metrics?${MARCH}&statuses=bad`, 'statuses'),
  bad('metrics status with SQL', `/api/metrics?${MARCH}&statuses=${q("solved' OR '1'='1")}`, 'statuses'),
  bad('metrics 2-digit district', `/api/metrics?${MARCH}&district=12`, 'district'),
  bad('metrics district with SQL', `/api/metrics?${MARCH}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('points without from', '/api/records/points?to=2024-03-31', 'from'),
  bad('points category with SQL', `/api/records/points?${MARCH}&categories=${q("property');DROP TABLE incidents;--")}`, 'categories'),
  bad('points district with SQL', `/api/records/points?${MARCH}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('mahalla id abc', `/api/mahallas/abc?${MARCH}`, 'id'),
  bad('mahalla id -1', `/api/mahallas/-1?${MARCH}`, 'id'),
  bad('mahalla id 1234567890 (over 9 digits)', `/api/mahallas/1234567890?${MARCH}`, 'id'),
  bad('mahalla id 0', `/api/mahallas/0?${MARCH}`, 'id'),
  bad('mahalla id with SQL', `/api/mahallas/${q('1 OR 1=1')}?${MARCH}`, 'id'),
  bad('mahalla card without from', '/api/mahallas/1?to=2024-03-31', 'from'),
  bad('mahalla card unknown status', `/api/mahallas/1?${MARCH}&statuses=bad`, 'statuses'),
  bad('territories 2-digit district', '/api/mahallas?district=12', 'district'),
  bad('base points district with SQL', `/api/base-points?district=${q("1726287' OR 1=1")}`, 'district'),
  bad('cooperation summary without from', '/api/cooperation/summary?to=2024-03-31', 'from'),
  bad('cooperation summary to before from', '/api/cooperation/summary?from=2024-03-31&to=2024-03-01', 'to'),
  bad('cooperation layer district with SQL', `/api/cooperation/mahallas?${MARCH}&district=${q("1726287' OR 1=1")}`, 'district'),
  bad('cooperation matrix from on February 30th', '/api/cooperation/matrix?from=2024-02-30&to=2024-03-31', 'from'),
  bad('cooperation gaps days=0', `/api/cooperation/gaps?${MARCH}&days=0`, 'days'),
  bad('cooperation gaps days=366', `/api/cooperation/gaps?${MARCH}&days=366`, 'days'),
  bad('cooperation gaps days=abc', `/api/cooperation/gaps?${MARCH}&days=abc`, 'days'),
  bad('cooperation gaps days=-5', `/api/cooperation/gaps?${MARCH}&days=-5`, 'days'),
  bad('cooperation gaps fdr=maybe', `/api/cooperation/gaps?${MARCH}&fdr=maybe`, 'fdr'),
  bad('cooperation gaps category with SQL', `/api/cooperation/gaps?${MARCH}&categories=${q("drugs');DROP TABLE incidents;--")}`, 'categories'),
  bad('before/after unknown status', `/api/cooperation/before-after?${MARCH}&statuses=bad`, 'statuses'),
  bad('before/after without to', '/api/cooperation/before-after?from=2024-03-01', 'to'),
  bad('plan id abc', '/api/plans/abc', 'id'),
  bad('plan id with SQL', `/api/plans/${q('1 OR 1=1')}`, 'id'),
  missing('plan id nobody has', '/api/plans/9999999', 'id'),
  missing('mahalla id nobody has', `/api/mahallas/9999999?${MARCH}`, 'id'),
  missing('unknown route', '/api/nope', 'path'),
  missing('unknown route below a known one', `/api/metrics/extra?${MARCH}`, 'path'),
];

describe('malformed requests', () => {
  it.each(CASES)('$name → $status naming $field', async (c) => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<ErrorBody>(app, c.url);
    expect(status).toBe(c.status);
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
    const { app } = await givenFixture();
    const { status, body } = await getJson<MetricsResult>(app, `/api/metrics?${MARCH}&categories=${q(',')}`);
    expect(status).toBe(200);
    expect(body.count).toEqual([3, 2, 5, 1]);
  });

  it('counts every status for statuses=" "', async () => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<MetricsResult>(app, `/api/metrics?${MARCH}&statuses=${q(' ')}`);
    expect(status).toBe(200);
    expect(body.count).toEqual([3, 2, 5, 1]);
  });

  it('sends every March point for categories=,', async () => {
    const { app } = await givenFixture();
    const res = await app.request(`/api/records/points?${MARCH}&categories=${q(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-point-count')).toBe('11');
  });
});

describe('dates at the edge of the calendar', () => {
  it('rejects a range whose previous period would fall before year 0000 (it cannot be written YYYY-MM-DD)', async () => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<ErrorBody>(app, '/api/metrics?from=0000-01-01&to=0000-01-31');
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
  });
});
