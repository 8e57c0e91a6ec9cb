// The plan in force drives every other page from its effective day: once a version moving mahalla 2 of Yakkasaroy to
// a vacant post is approved from 2024-03-15, coverage, outlines, the map's polygons, the mahalla and inspector cards,
// plans and an inspector's own area follow it for periods ending on or after that day, and keep the old plan for
// periods ending before it; cooperation gaps name the inspector of the plan in force on the period's last day.
import { describe, expect, it } from 'vitest';
import { testClient } from 'hono/testing';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';
import { bodyOf, givenFixture, okBody } from '../../fixtures/api/fixture-app.ts';
import { seedTerritories } from '../../../server/services/territories/seed.ts';
import { VACANT_POST_DRAFT, YAKKASAROY, approvedVacantPost, givenTerritories } from './territories-given.ts';

const BEFORE = { from: '2024-03-01', to: '2024-03-14' };
const AFTER = { from: '2024-03-01', to: '2024-03-31' };
const param = (id: number) => ({ id: String(id) });

describe('the plan in force on a day', () => {
  it('moves coverage from its effective day on, and leaves earlier periods with the plan of then', async () => {
    const w = await givenTerritories();
    await approvedVacantPost(w);
    const coverage = async (period: typeof BEFORE) => {
      const c = await okBody(await w.api('admin').coverage.$get({ query: { ...period, district: YAKKASAROY } }));
      return {
        mahallas: c.inspectors.mahallas,
        residents: c.inspectors.residents,
        unassigned: c.unassigned.map((m) => m.id),
      };
    };
    expect(await coverage(BEFORE)).toEqual({ mahallas: [2], residents: [3000], unassigned: [] });
    // Mahalla 2 now belongs to a vacant post: nobody covers it.
    expect(await coverage(AFTER)).toEqual({ mahallas: [1], residents: [1000], unassigned: [2] });
  });

  it('moves the outlines, the map polygons, the mahalla card and the inspector card with the day asked', async () => {
    const w = await givenTerritories();
    await approvedVacantPost(w);
    const api = w.api('admin');
    const outline = async (to?: string) =>
      (await okBody(await api.coverage.outlines.$get({ query: to ? { to } : {} }))).features.find(
        (f) => f.properties.inspectorId === 1,
      )?.properties.mahallas;
    // Without a day: the plan in force on the data's "today" (2025-01-01), the new one.
    expect([await outline(BEFORE.to), await outline(AFTER.to), await outline()]).toEqual([2, 1, 1]);
    const polygon = async (to: string) =>
      (await okBody(await api.mahallas.$get({ query: { to } }))).features.find((f) => f.properties.id === 2)
        ?.properties;
    expect([(await polygon(BEFORE.to))?.inspectorName, (await polygon(AFTER.to))?.inspectorName]).toEqual([
      'Aziz Karimov',
      null,
    ]);
    const card = async (period: typeof BEFORE) =>
      (await okBody(await api.mahallas[':id'].$get({ param: param(2), query: period }))).inspector?.id ?? null;
    expect([await card(BEFORE), await card(AFTER)]).toEqual([1, null]);
    const inspector = async (period: typeof BEFORE) =>
      (await okBody(await api.inspectors[':id'].$get({ param: param(1), query: period }))).mahallas.map((m) => m.id);
    expect([await inspector(BEFORE), await inspector(AFTER)]).toEqual([[1, 2], [1]]);
    const inForce = async (day: string) =>
      (await okBody(await api.territories['in-force'].$get({ query: { day, district: YAKKASAROY } }))).plans[0]
        ?.assignments;
    expect(await inForce(BEFORE.to)).toEqual([
      { mahalla: 1, post: 1 },
      { mahalla: 2, post: 1 },
    ]);
    expect(await inForce(AFTER.to)).toEqual(VACANT_POST_DRAFT.assignments);
  });

  it('gives a plan the territories in force on its last day', async () => {
    const w = await givenTerritories();
    await approvedVacantPost(w);
    const plan = async (from: string, to: string) => {
      const made = await bodyOf(
        await w.api('planner').plans.$post({
          json: {
            name: 'p',
            district: YAKKASAROY,
            from,
            to,
            items: [{ inspector: 1, service: 'patrol', type: 'joint_raid', required: 1 }],
          },
        }),
        201,
      );
      return made.byInspector[0]?.mahallas;
    };
    expect([await plan('2024-02-01', '2024-02-29'), await plan('2024-03-01', '2024-03-31')]).toEqual([[1, 2], [1]]);
  });

  it('narrows an inspector’s own area as soon as the new plan is in force', async () => {
    const w = await givenTerritories();
    const card = () => w.as('inspector', `/api/mahallas/2?from=${AFTER.from}&to=${AFTER.to}`);
    expect((await card()).status).toBe(200);
    await approvedVacantPost(w);
    expect((await card()).status).toBe(403);
    expect((await w.as('inspector', `/api/mahallas/1?from=${AFTER.from}&to=${AFTER.to}`)).status).toBe(200);
  });

  it('names in a cooperation gap the inspector in force on the period’s last day', async () => {
    // The grid world: hot spot 13 of Yakkasaroy, covered by inspector 1; a version gives it to inspector 2.
    const gapInspector = async (effectiveFrom: string) => {
      const f = await givenFixture(cooperationDb);
      await seedTerritories(f.db, f.store);
      const api = testClient(f.app).api;
      const inForce = await okBody(await api.territories['in-force'].$get({ query: { district: YAKKASAROY } }));
      const v1 = inForce.plans[0];
      if (!v1?.versionId) throw new Error('no version 1');
      const d = await bodyOf(
        await api.territories.versions.$post({ json: { district: YAKKASAROY, name: 'n', reason: 'r' } }),
        201,
      );
      const assignments = v1.assignments.map((a) => (a.mahalla === 13 ? { mahalla: 13, post: 2 } : a));
      const v = api.territories.versions[':id'];
      await okBody(
        await v.$put({
          param: param(d.id),
          json: { name: 'n', reason: 'r', posts: v1.posts, assignments, version: 1 },
        }),
      );
      await okBody(await v.submit.$post({ param: param(d.id), json: { version: 2 } }));
      await okBody(
        await v.approve.$post({
          param: param(d.id),
          json: { version: 3, effectiveFrom, orderNumber: '1', orderDate: effectiveFrom },
        }),
      );
      const gaps = await okBody(await api.cooperation.gaps.$get({ query: AFTER }));
      // Mahalla 13, the one moved between inspectors (the hot block around it holds other gaps, which do not move).
      return gaps.gaps.filter((g) => g.id === 13).map((g) => [g.id, g.inspector?.id]);
    };
    expect(await gapInspector('2024-04-01')).toEqual([[13, 1]]);
    expect(await gapInspector('2024-03-31')).toEqual([[13, 2]]);
  });
});
