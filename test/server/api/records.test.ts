// GET /api/records and /api/records.csv: the incidents behind a mahalla's numbers (fixture mahalla 3, March 2024:
// incidents #6–#10 on 5–9 March at 08:00).
import { describe, expect, it } from 'vitest';
import { getJson, givenFixture } from '../../fixtures/api/fixture-app.ts';
import type { RecordPage } from '../../../server/services/hotspots/records.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';

describe('GET /api/records', () => {
  it('lists a mahalla’s incidents of the period, newest first, one page at a time', async () => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<RecordPage>(app, `/api/records?${MARCH}&mahalla=3&pageSize=2`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ mahalla: 3, total: 5, page: 1, pageSize: 2, pages: 3 });
    expect(body.rows.map((r) => r.id)).toEqual([10, 9]);
    expect(body.rows[0]).toEqual({ id: 10, time: '2024-03-09 08:00', category: 'fraud', status: 'solved', lon: 69.345555, lat: 41.295555 });
    const last = await getJson<RecordPage>(app, `/api/records?${MARCH}&mahalla=3&pageSize=2&page=3`);
    expect(last.body.rows.map((r) => r.id)).toEqual([6]);
  });

  it('applies the category and status filters', async () => {
    const { app } = await givenFixture();
    const { body } = await getJson<RecordPage>(app, `/api/records?${MARCH}&mahalla=3&categories=hooliganism&statuses=solved`);
    expect(body.total).toBe(1);
    expect(body.rows.map((r) => r.id)).toEqual([7]);
  });

  it('refuses a missing mahalla and an oversized page, naming the fields', async () => {
    const { app } = await givenFixture();
    const { status, body } = await getJson<{ issues: Array<{ field: string; reason: string }> }>(app, `/api/records?${MARCH}&pageSize=500`);
    expect(status).toBe(400);
    expect(body.issues.map((i) => i.field).sort()).toEqual(['mahalla', 'pageSize']);
  });
});

describe('GET /api/records.csv', () => {
  it('downloads all matching incidents as CSV with a header and readable categories', async () => {
    const { app } = await givenFixture();
    const res = await app.request(`/api/records.csv?${MARCH}&mahalla=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="incidents-mahalla-3-2024-03-01-2024-03-31.csv"');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('id,time,category,category_label,status,lon,lat');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('10,2024-03-09 08:00,fraud,Fraud,solved,69.345555,41.295555');
    expect(lines[4]).toBe('7,2024-03-06 08:00,hooliganism,Hooliganism,solved,69.312222,41.262222');
  });
});
