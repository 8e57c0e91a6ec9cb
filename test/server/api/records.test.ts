// GET /api/records and /api/records.csv: the incidents behind a mahalla's numbers (fixture mahalla 3, March 2024:
// incidents #6–#10 on 5–9 March at 08:00).
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { errorBody, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const records = async (query: InferRequestType<typeof f.api.records.$get>['query']) =>
  okBody(await f.api.records.$get({ query }));

describe('GET /api/records', () => {
  it('lists a mahalla’s incidents of the period, newest first, one page at a time', async () => {
    const body = await records({ ...MARCH, mahalla: '3', pageSize: '2' });
    expect(body).toMatchObject({ mahalla: 3, total: 5, page: 1, pageSize: 2, pages: 3 });
    expect(body.rows.map((r) => r.id)).toEqual([10, 9]);
    expect(body.rows[0]).toEqual({
      id: 10,
      time: '2024-03-09 08:00',
      category: 'fraud',
      status: 'solved',
      lon: 69.345555,
      lat: 41.295555,
    });
    const last = await records({ ...MARCH, mahalla: '3', pageSize: '2', page: '3' });
    expect(last.rows.map((r) => r.id)).toEqual([6]);
  });

  it('applies the category and status filters', async () => {
    const body = await records({ ...MARCH, mahalla: '3', categories: 'hooliganism', statuses: 'solved' });
    expect(body.total).toBe(1);
    expect(body.rows.map((r) => r.id)).toEqual([7]);
  });

  it('refuses a missing mahalla and an oversized page, naming the fields', async () => {
    // A raw request: the typed client would not leave out the required mahalla.
    const res = await f.app.request('/api/records?from=2024-03-01&to=2024-03-31&pageSize=500');
    expect(res.status).toBe(400);
    const body = await errorBody(res);
    expect(body.issues.map((i) => i.field).sort()).toEqual(['mahalla', 'pageSize']);
  });
});

describe('GET /api/records.csv', () => {
  it('downloads all matching incidents as CSV with names and codes, named by what and when', async () => {
    const res = await f.api['records.csv'].$get({ query: { ...MARCH, mahalla: '3' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A UTF-8 byte-order mark first, so Excel reads the names right (fetch's text() would hide it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\n');
    expect(lines[0]).toBe(
      'id,Time,Mahalla code,Mahalla,District code (SOATO),District,Inspector no.,Prevention inspector,Category,Status,Longitude,Latitude',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(
      /^10,2024-03-09 08:00,\d{10},[^,]+,\d{7},[^,]+,\d*,[^,]*,Fraud,Solved,69.345555,41.295555$/,
    );
    const file = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '';
    expect(file).toMatch(/^hamkor-incidents-[\w-]+-\d{10}-2024-03-01_2024-03-31\.csv$/);
  });

  it('writes Russian with a semicolon separator, Russian headers and labels, and names in Cyrillic', async () => {
    const res = await f.app.request('/api/records.csv?from=2024-03-01&to=2024-03-31&mahalla=3&lang=ru');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]?.split(';').slice(0, 4)).toEqual(['id', 'Время', 'Код махалли', 'Махалля']);
    const cells = lines[1]?.split(';') ?? [];
    expect(cells[8]).toBe('Мошенничество');
    expect(cells[3]).toMatch(/^[\u0400-\u04ff\s\d-]+$/);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''hamkor-incidents-/);
  });

  it('refuses a language it does not write, naming lang', async () => {
    const res = await f.app.request(`/api/records.csv?from=2024-03-01&to=2024-03-31&mahalla=3&lang=de`);
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues.map((i) => i.field)).toEqual(['lang']);
  });
});
