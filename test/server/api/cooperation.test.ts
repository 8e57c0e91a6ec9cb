// GET /api/cooperation/*: joint-action summary, map layer, matrix, gaps and before/after on the grid world, whose
// numbers are worked out by hand in test/fixtures/api/cooperation-db.ts.
import { describe, expect, it } from 'vitest';
import { okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';
import { SERVICES } from '../../../server/contract/catalog.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const bit = (s: (typeof SERVICES)[number]): number => 1 << SERVICES.indexOf(s);

// Every test below only reads: one grid world for all of them.
const grid = sharedFixture(cooperationDb);

describe('GET /api/cooperation/summary', () => {
  it('shares services among the 7 March actions, an action with two services counting for both', async () => {
    const body = await okBody(await grid.api.cooperation.summary.$get({ query: MARCH }));
    expect(body.total).toBe(7);
    const share = Object.fromEntries(body.services.map((s) => [s.code, [s.actions, s.share]]));
    expect(share.criminal_investigation).toEqual([4, 0.5714]);
    expect(share.patrol).toEqual([3, 0.4286]);
    expect(share.forensics).toEqual([0, 0]);
    expect(body.services.map((s) => s.code)).toEqual([...SERVICES]);
  });

  it('counts types and sums the results of the period only', async () => {
    const body = await okBody(await grid.api.cooperation.summary.$get({ query: MARCH }));
    expect(body.results).toEqual({ personsChecked: 128, offencesFound: 10, wantedFound: 3 });
    const raid = body.types.find((t) => t.code === 'joint_raid');
    expect(raid).toMatchObject({ actions: 2, personsChecked: 35, offencesFound: 3, wantedFound: 1 });
    expect(body.types.find((t) => t.code === 'school_family_meeting')?.actions).toBe(0);
  });

  it('narrows to the mahallas of a district', async () => {
    const body = await okBody(await grid.api.cooperation.summary.$get({ query: { ...MARCH, district: '1726273' } }));
    expect(body.total).toBe(1);
    expect(body.results.personsChecked).toBe(30);
  });
});

describe('GET /api/cooperation/mahallas', () => {
  it('gives per mahalla the actions, the services involved as bits and the dominant service', async () => {
    const body = await okBody(await grid.api.cooperation.mahallas.$get({ query: MARCH }));
    expect(body.ids).toEqual([12, 13, 14, 17, 18]);
    expect(body.actions).toEqual([1, 3, 1, 1, 1]);
    expect(body.mask[1]).toBe(bit('criminal_investigation') | bit('patrol') | bit('juvenile'));
    // 13: criminal investigation and patrol in 2 actions each: the tie goes to the catalog's first.
    expect(body.dominant[1]).toBe(SERVICES.indexOf('criminal_investigation'));
    expect(body.dominant[3]).toBe(SERVICES.indexOf('traffic_safety'));
  });
});

describe('GET /api/cooperation/matrix', () => {
  it('counts actions per inspector and service, with row totals that count an action once', async () => {
    const body = await okBody(await grid.api.cooperation.matrix.$get({ query: MARCH }));
    expect(body.inspectors.map((i) => i.id)).toEqual([1, 2, 3]);
    const ci = SERVICES.indexOf('criminal_investigation');
    const patrol = SERVICES.indexOf('patrol');
    expect(body.cells[0]?.[ci]).toBe(3);
    expect(body.cells[0]?.[patrol]).toBe(2);
    expect(body.rowTotals).toEqual([4, 2, 1]);
    expect(body.columnTotals[ci]).toBe(4);
    expect(body.columnTotals.reduce((s, n) => s + n, 0)).toBe(12);
    expect(body.total).toBe(7);
  });

  it('lists every inspector of a district, also those without actions', async () => {
    const body = await okBody(
      await grid.api.cooperation.matrix.$get({ query: { from: '2024-01-01', to: '2024-01-31', district: '1726287' } }),
    );
    expect(body.inspectors.map((i) => i.id)).toEqual([1, 2]);
    expect(body.rowTotals).toEqual([0, 0]);
    expect(body.total).toBe(0);
  });
});

describe('GET /api/cooperation/gaps', () => {
  it('finds the hot spot 13 lacking operational search for its drugs (last joint action 2024-02-20)', async () => {
    const body = await okBody(await grid.api.cooperation.gaps.$get({ query: MARCH }));
    expect(body.hot).toBe(9);
    expect(body.params.window).toEqual({ from: '2024-03-02', to: '2024-03-31' });
    // 14 is hot too, but had its patrol on 2024-03-15.
    expect(body.gaps.map((g) => g.id)).toEqual([13, 8, 12, 18, 7, 9, 17, 19]);
    expect(body.gaps[0]?.missing).toEqual([
      {
        service: 'operational_search',
        label: 'Operational search',
        categories: ['drugs'],
        incidents: 6,
        share: 0.3,
        lastAction: '2024-02-20',
      },
    ]);
    expect(body.gaps[0]?.inspector).toEqual({ id: 1, name: 'Aziz Karimov' });
  });

  it('with a 5-day window also misses criminal investigation (last there 2024-03-25)', async () => {
    const body = await okBody(await grid.api.cooperation.gaps.$get({ query: { ...MARCH, days: '5' } }));
    expect(body.gaps[0]?.missing.map((m) => [m.service, m.lastAction])).toEqual([
      ['criminal_investigation', '2024-03-25'],
      ['operational_search', '2024-02-20'],
    ]);
  });

  it('lists the hooliganism arms that saw no patrol, then the corners of the block lacking criminal investigation', async () => {
    const body = await okBody(await grid.api.cooperation.gaps.$get({ query: MARCH }));
    expect(body.gaps.slice(1, 4).map((g) => g.missing.map((m) => [m.service, m.lastAction]))).toEqual([
      [['patrol', null]],
      [['patrol', null]],
      [['patrol', null]],
    ]);
    expect(body.gaps[4]?.missing.map((m) => [m.service, m.lastAction])).toEqual([['criminal_investigation', null]]);
  });

  it('without FDR finds the same hot spots: their p-values lie far below any correction', async () => {
    const body = await okBody(await grid.api.cooperation.gaps.$get({ query: { ...MARCH, fdr: 'false' } }));
    expect([body.hot, body.params.hotspots.fdr]).toEqual([9, false]);
  });

  it('has no gaps where nothing is hot', async () => {
    const body = await okBody(
      await grid.api.cooperation.gaps.$get({ query: { from: '2024-04-01', to: '2024-04-30' } }),
    );
    expect(body).toMatchObject({ hot: 0, gaps: [] });
  });
});

describe('GET /api/cooperation/before-after', () => {
  it('compares the 28 days after with the 28 before against the rest of the district, per type', async () => {
    const body = await okBody(
      await grid.api.cooperation['before-after'].$get({ query: { from: '2024-05-01', to: '2024-06-30' } }),
    );
    const row = body.rows.find((r) => r.type === 'school_family_meeting');
    expect(row).toMatchObject({
      actions: 2,
      excluded: 1,
      after: 7,
      before: 10,
      districtAfter: 17,
      districtBefore: 30,
      local: 0.7,
      district: 0.567,
    });
    expect(row?.ratio).toBeCloseTo(7 / 10 / (17 / 30), 3);
    // Sandwich variance by hand: u = ±0.234174, n/(n−1)·Σu² = 0.219348, se = 0.468346.
    expect(row?.low).toBeCloseTo(1.2353 * Math.exp(-1.96 * 0.468346), 2);
    expect(row?.high).toBeCloseTo(1.2353 * Math.exp(1.96 * 0.468346), 2);
    expect(body.comparable).toEqual({ from: '2024-01-29', to: '2024-06-02' });
  });

  it('gives no ratio for types without actions, and applies the incident filters', async () => {
    const body = await okBody(
      await grid.api.cooperation['before-after'].$get({
        query: { from: '2024-05-01', to: '2024-06-30', categories: 'drugs' },
      }),
    );
    expect(body.rows.find((r) => r.type === 'joint_raid')).toMatchObject({ actions: 0, ratio: null, low: null });
    expect(body.rows.find((r) => r.type === 'school_family_meeting')).toMatchObject({
      actions: 2,
      after: 0,
      before: 0,
      ratio: null,
    });
  });
});
