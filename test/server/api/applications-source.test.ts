// Applications mapped the same way as incidents (source=applications): counts, registry and receiver filters, the
// card, the list and CSV. Expected numbers come from the applications table in test/fixtures/api/fixture-db.ts:
// March 2024 has #1 #4 (mahalla 1), #5 #6 (2), #2 #7 (3), #8 #9 (4, #9 at 23:59:59 on the 31st); #10 is April 1st;
// the previous period (2024-01-30..02-29) has only #3 (mahalla 4).
import { describe, expect, it } from 'vitest';
import { errorBody, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31', source: 'applications' } as const;

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();

describe('applications on the map', () => {
  it('counts applications per mahalla, with the previous period beside them', async () => {
    const m = await okBody(await f.api.metrics.$get({ query: MARCH }));
    expect(m.count).toEqual([2, 2, 2, 2]);
    expect(m.prev).toEqual([0, 0, 0, 1]);
    expect(m.totals.count).toBe(8);
  });

  it('narrows by registry and by who received them', async () => {
    expect((await okBody(await f.api.metrics.$get({ query: { ...MARCH, registries: 'form1' } }))).count).toEqual([
      1, 0, 0, 1,
    ]);
    expect((await okBody(await f.api.metrics.$get({ query: { ...MARCH, receivers: 'duty_unit' } }))).count).toEqual([
      1, 0, 1, 1,
    ]);
    expect(
      (await okBody(await f.api.metrics.$get({ query: { ...MARCH, registries: 'form2', receivers: 'inspector' } })))
        .count,
    ).toEqual([1, 1, 0, 1]);
  });

  it('ignores incident categories when counting applications', async () => {
    expect((await okBody(await f.api.metrics.$get({ query: { ...MARCH, categories: 'fraud' } }))).count).toEqual([
      2, 2, 2, 2,
    ]);
  });

  it('tests hot spots of application counts and says so in the parameters', async () => {
    const h = await okBody(await f.api.hotspots.$get({ query: { ...MARCH, registries: 'form1' } }));
    expect(h.params.value).toBe('applications per mahalla neighbourhood');
    expect(h.params.source).toBe('applications');
    expect(h.params.registries).toEqual(['form1']);
    expect(h.ids).toEqual([1, 2, 3, 4]);
  });

  it('counts applications on H3 hexagons too', async () => {
    const h = await okBody(await f.api.hexagons.$get({ query: { ...MARCH, res: '7' } }));
    expect(h.params.value).toBe('applications per cell neighbourhood');
    expect(h.counts.records).toBe(8);
    expect(h.count.reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('gives weekly totals of applications for the time slider', async () => {
    // Mar 1–7: #4 #1 #2 #5; 8–14: #7; 15–21: #6; 22–28: #8; 29–31: #9.
    expect((await okBody(await f.api.timeline.$get({ query: MARCH }))).count).toEqual([4, 1, 1, 1, 1]);
  });

  it('breaks the card down by registry', async () => {
    const c = await okBody(await f.api.mahallas[':id'].$get({ param: { id: '4' }, query: MARCH }));
    expect(c.count).toBe(2);
    expect(c.prev).toBe(1);
    expect(c.byCategory).toEqual([
      { category: 'form1', count: 1 },
      { category: 'form2', count: 1 },
    ]);
  });

  it('lists the applications behind a mahalla, newest first, and exports them as CSV', async () => {
    const page = await okBody(await f.api.records.$get({ query: { ...MARCH, mahalla: '4' } }));
    expect(page.rows.map((r) => [r.id, r.time, r.category, r.status])).toEqual([
      [9, '2024-03-31 23:59', 'form2', 'inspector'],
      [8, '2024-03-25 12:00', 'form1', 'duty_unit'],
    ]);
    const csv = await (await f.api['records.csv'].$get({ query: { ...MARCH, mahalla: '4' } })).text();
    const [head, first] = csv.split('\n');
    expect(head?.split(',').slice(8)).toEqual(['Registered in', 'Received by', 'Longitude', 'Latitude']);
    expect(first?.split(',').slice(8)).toEqual(['Form No. 2 journal', 'Prevention inspector', '69.36', '41.29']);
  });

  it('rejects an unknown source, registry or receiver with the field and the reason', async () => {
    // Raw requests: the typed client would not send a source outside the contract's enum.
    for (const [query, field] of [
      ['source=complaints', 'source'],
      ['source=applications&registries=form9', 'registries'],
      ['source=applications&receivers=mayor', 'receivers'],
    ] as const) {
      const res = await f.app.request(`/api/metrics?from=2024-03-01&to=2024-03-31&${query}`);
      expect(res.status).toBe(400);
      const body = await errorBody(res);
      expect(body.issues[0]?.field).toBe(field);
      expect(body.issues[0]?.reason).toMatch(/must be one of|unknown/);
    }
  });
});
