// GET /api/timeline: weekly totals under the time slider, weeks counted from the period's first day.
// Expected numbers come from the incident table in test/fixtures/api/fixture-db.ts.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { bodyOf, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
const timeline = async (query: InferRequestType<typeof f.api.timeline.$get>['query']) =>
  okBody(await f.api.timeline.$get({ query }));

describe('GET /api/timeline', () => {
  it('splits March 2024 into four full weeks and a 3-day tail, boundary seconds included', async () => {
    const t = await timeline({ from: '2024-03-01', to: '2024-03-31' });
    expect(t.from).toEqual(['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-22', '2024-03-29']);
    expect(t.to).toEqual(['2024-03-07', '2024-03-14', '2024-03-21', '2024-03-28', '2024-03-31']);
    // Mar 1–7: #1 #6 #7 #8; 8–14: #9 #10 #4; 15–21: #2 #5; 22–28: #11; 29–31: #3 (23:59:59 on the 31st).
    expect(t.count).toEqual([4, 3, 2, 1, 1]);
  });

  it('narrows to a district and to categories', async () => {
    expect((await timeline({ from: '2024-03-01', to: '2024-03-31', district: '1726273' })).count).toEqual([
      3, 2, 0, 1, 0,
    ]);
    expect((await timeline({ from: '2024-03-01', to: '2024-03-31', categories: 'fraud' })).count).toEqual([
      0, 1, 0, 0, 1,
    ]);
  });

  it('rejects a reversed period with the field and the reason', async () => {
    const body = await bodyOf(await f.api.timeline.$get({ query: { from: '2024-03-31', to: '2024-03-01' } }), 400);
    expect(body.issues).toContainEqual(
      expect.objectContaining({ field: 'to', reason: 'must not be before from', code: 'date_order' }),
    );
  });
});
