// Records imported with only a mahalla code (lon, lat and h3 NULL) count in the mahalla figures, are left out of the
// heat-map points and the hexagons, and both answers say how many of the view they left out.
import { describe, expect, it } from 'vitest';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';
import { givenFixture, okBody } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

describe('records without a point', () => {
  it('count for their mahalla, are not drawn, and the map answers say how many', async () => {
    const { api, app, db } = await givenFixture();
    const before = await okBody(await api.metrics.$get({ query: MARCH }));
    const pointsBefore = await app.request(`/api/records/points?from=${MARCH.from}&to=${MARCH.to}`);
    expect(pointsBefore.headers.get('x-without-point')).toBe('0');
    await db.run(`INSERT INTO incidents VALUES (101, '2024-03-05 10:00:00', NULL, NULL, 1, 'fraud', 'solved', NULL),
                                               (102, '2024-03-06 10:00:00', NULL, NULL, 1, 'drugs', 'solved', NULL),
                                               (103, '2024-05-06 10:00:00', NULL, NULL, 1, 'drugs', 'solved', NULL)`);
    // As an import's commit does: the answers kept for the old data (server/db/kept.ts) are computed again.
    bumpDataEpoch(db);

    const after = await okBody(await api.metrics.$get({ query: MARCH }));
    expect(after.totals.count).toBe(before.totals.count + 2);

    const res = await app.request(`/api/records/points?from=${MARCH.from}&to=${MARCH.to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-without-point')).toBe('2');
    expect(res.headers.get('x-point-count')).toBe(pointsBefore.headers.get('x-point-count'));
    expect(new Float32Array(await res.arrayBuffer()).every((v) => Number.isFinite(v) && v !== 0)).toBe(true);

    for (const res9 of ['5', '9']) {
      const hex = await okBody(await api.hexagons.$get({ query: { ...MARCH, res: res9 } }));
      expect(hex.counts).toMatchObject({ records: 11, withoutPoint: 2 });
      expect(hex.count.reduce((a, b) => a + b, 0)).toBe(11);
    }
  });
});
