// The first screen computed ahead (server/services/warm.ts, issue 15): once the server has warmed, the requests the
// hot-spot map makes on opening (its figures and timeline for the last 90 days, spelled as the web spells them, the
// base points and the boundaries) are answered from the kept copies, not from the tables. Seen from outside: the
// tables change beneath them (as only an import does, which bumps the data generation) and the answers do not.
import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '../../../server/contract/catalog.ts';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';
import { warmCaches } from '../../../server/services/warm.ts';
import { givenFixture, okBody } from '../../fixtures/api/fixture-app.ts';

// The fixture's data run to 31 December 2024: its last 90 days, every category and status listed (web/queries/range.ts).
const FIRST = {
  from: '2024-10-03',
  to: '2024-12-31',
  categories: INCIDENT_CATEGORIES.join(','),
  statuses: INCIDENT_STATUSES.join(','),
};

describe('the first screen after the warm-up', () => {
  it('is answered from the kept figures, timeline, base points and boundaries until the data changes', async () => {
    const { api, db } = await givenFixture();
    const [row] = await db.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM incidents WHERE ts >= '2024-10-03' AND ts < '2025-01-01'`,
    );
    const n = row?.n ?? 0;
    expect(n).toBeGreaterThan(0);
    await warmCaches(db, () => false);
    await db.run(`DELETE FROM incidents; UPDATE base_points SET name = 'changed'; UPDATE districts SET name_uz = 'x'`);

    const metrics = await okBody(await api.metrics.$get({ query: FIRST }));
    expect(metrics.totals.count).toBe(n);
    const timeline = await okBody(await api.timeline.$get({ query: FIRST }));
    expect(timeline.count.reduce((a, b) => a + b, 0)).toBe(n);
    expect((await okBody(await api['base-points'].$get({ query: {} }))).map((b) => b.name)).not.toContain('changed');
    const names = (await okBody(await api.boundaries.$get())).districts.features.map((f) => f.properties.name);
    expect(names).not.toContain('x');

    bumpDataEpoch(db);
    expect((await okBody(await api.metrics.$get({ query: FIRST }))).totals.count).toBe(0);
    expect((await okBody(await api['base-points'].$get({ query: {} }))).map((b) => b.name)).toContain('changed');
  });
});
