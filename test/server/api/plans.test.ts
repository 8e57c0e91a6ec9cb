// /api/plans: create, read with fulfilment, list, replace, copy, delete with confirmation, and refused bodies, on the
// grid world (test/fixtures/api/cooperation-db.ts). Its data ends 2024-06-30, so "today" is 2024-07-01.
import { describe, expect, it } from 'vitest';
import { cooperationDb } from '../../fixtures/api/cooperation-db.ts';
import { bodyOf, errorBody, givenFixture, okBody, type Api, type Fixture } from '../../fixtures/api/fixture-app.ts';
import type { PlanInput } from '../../../server/contract/plans.ts';

/** Every test here writes plans, so each starts from a fresh grid world. */
const givenGrid = () => givenFixture(cooperationDb);

/** POSTs a plan, which must be created (201); its detail as the route types it. */
const create = async (api: Api, plan: PlanInput) => bodyOf(await api.plans.$post({ json: plan }), 201);
const read = (api: Api, id: number) => api.plans[':id'].$get({ param: { id: String(id) } });
const remove = (api: Api, id: number, confirm?: 'true') =>
  api.plans[':id'].$delete({ param: { id: String(id) }, query: { confirm } });
const JANUARY_PLAN: PlanInput = {
  name: 'January plan',
  district: '1726287',
  from: '2024-01-01',
  to: '2024-01-31',
  items: [{ inspector: 1, service: 'operational_search', type: 'joint_raid', required: 1 }],
};

/** A raw request, for bodies and URLs that break the contract on purpose (the typed client would not send them). */
async function sendRaw(app: Fixture['app'], method: string, url: string, body?: unknown): Promise<Response> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  return await app.request(url, init);
}

// March 2024, ended: inspector 1 held 2 raids with criminal investigation (actions 1, 3) and 1 with operational search (3).
const MARCH_PLAN: PlanInput = {
  name: 'March plan',
  district: '1726287',
  from: '2024-03-01',
  to: '2024-03-31',
  items: [
    { inspector: 1, service: 'criminal_investigation', type: 'joint_raid', required: 2 },
    { inspector: 1, service: 'operational_search', type: 'joint_raid', required: 3 },
  ],
};

// June–July 2024, 30 of 61 days gone: one school/family meeting of inspector 1 with juvenile affairs (action 12).
const SUMMER_PLAN: PlanInput = {
  name: 'Summer plan',
  district: '1726287',
  from: '2024-06-01',
  to: '2024-07-31',
  items: [
    { inspector: 1, service: 'juvenile', type: 'school_family_meeting', required: 1 },
    { inspector: 1, service: 'patrol', type: 'joint_patrol', required: 2 },
    { inspector: 2, service: 'traffic_safety', type: 'traffic_event', required: 10 },
  ],
};

describe('creating and reading plans', () => {
  it('creates a plan (201) whose items are done or overdue once the period has ended', async () => {
    const { api } = await givenGrid();
    const body = await create(api, MARCH_PLAN);
    expect(body).toMatchObject({
      name: 'March plan',
      district: '1726287',
      districtName: 'Yakkasaroy',
      asOf: '2024-07-01',
    });
    expect(body.schedule).toEqual({ elapsed: 31, total: 31, ended: true });
    expect(body.items.map((i) => [i.service, i.done, i.required, i.state])).toEqual([
      ['criminal_investigation', 2, 2, 'done'],
      ['operational_search', 1, 3, 'overdue'],
    ]);
    expect(body.totals).toEqual({ required: 5, done: 3, pct: 60, state: 'overdue' });
  });

  it('tracks a running plan as done, on track and behind, per service and per territory, and on the map', async () => {
    const { api } = await givenGrid();
    const created = await create(api, SUMMER_PLAN);
    const body = await okBody(await read(api, created.id));
    expect(body.schedule).toEqual({ elapsed: 30, total: 61, ended: false });
    // expected by now: 2·30/61 = 0.98 (0 done is within one action: on track); 10·30/61 = 4.9 (0 done: behind)
    expect(body.byService.map((s) => [s.service, s.state])).toEqual([
      ['traffic_safety', 'behind'],
      ['juvenile', 'done'],
      ['patrol', 'on_track'],
    ]);
    expect(body.byInspector.map((t) => [t.inspector, t.mahallas, t.done, t.required, t.pct, t.state])).toEqual([
      [1, [7, 8, 12, 13], 1, 3, 33.3, 'on_track'],
      [2, [1, 2, 3, 6, 11, 16, 17, 18, 21, 22, 23], 0, 10, 0, 'behind'],
    ]);
    expect(body.mahallas.ids).toHaveLength(15);
    expect(body.mahallas.state[body.mahallas.ids.indexOf(13)]).toBe('on_track');
    expect(body.mahallas.pct[body.mahallas.ids.indexOf(17)]).toBe(0);
  });

  it('lists plans newest period first with their overall fulfilment', async () => {
    const { api } = await givenGrid();
    await create(api, MARCH_PLAN);
    await create(api, SUMMER_PLAN);
    const body = await okBody(await api.plans.$get());
    expect(body.map((p) => [p.name, p.items, p.totals.pct, p.totals.state])).toEqual([
      ['Summer plan', 3, 7.7, 'behind'],
      ['March plan', 2, 60, 'overdue'],
    ]);
  });

  it('answers 404 for a plan nobody has', async () => {
    const { api } = await givenGrid();
    const body = await bodyOf(await read(api, 999), 404);
    expect(body.issues[0]?.field).toBe('id');
  });
});

describe('changing plans', () => {
  it('replaces a plan without fulfilment and its items (PUT with the version read), bumping the version', async () => {
    const { api } = await givenGrid();
    const plan = await create(api, JANUARY_PLAN);
    const body = await okBody(
      await api.plans[':id'].$put({
        param: { id: String(plan.id) },
        query: {},
        json: {
          ...JANUARY_PLAN,
          name: 'January plan, revised',
          items: [{ inspector: 1, service: 'criminal_investigation', type: 'joint_raid', required: 4 }],
          version: 1,
        },
      }),
    );
    expect([body.name, body.version, body.updatedBy]).toEqual(['January plan, revised', 2, 'admin']);
    expect(body.items.map((i) => [i.service, i.required])).toEqual([['criminal_investigation', 4]]);
    expect(
      (await api.plans[':id'].$put({ param: { id: '999' }, query: {}, json: { ...MARCH_PLAN, version: 1 } })).status,
    ).toBe(404);
  });

  it('an edit as the plan form sends it: a bad item is refused with its field, a stale version with who changed it', async () => {
    const { api, store } = await givenGrid();
    const plan = await create(api, JANUARY_PLAN);
    const send = (json: Parameters<(typeof api.plans)[':id']['$put']>[0]['json']) =>
      api.plans[':id'].$put({ param: { id: String(plan.id) }, query: {}, json });
    const refused = await bodyOf(
      await send({ ...JANUARY_PLAN, items: [{ ...JANUARY_PLAN.items[0]!, inspector: 3 }], version: 1 }),
      400,
    );
    expect(refused.issues.map((i) => i.field)).toEqual(['items.0.inspector']);
    expect(refused.issues[0]?.reason).toMatch(/works in district/);
    expect((await store.plans.get(plan.id))?.version).toBe(1);
    await okBody(await send({ ...JANUARY_PLAN, name: 'January plan, first edit', version: 1 }));
    const stale = await bodyOf(await send({ ...JANUARY_PLAN, name: 'January plan, second edit', version: 1 }), 409);
    expect(stale.issues[0]?.field).toBe('version');
    expect((await store.plans.get(plan.id))?.name).toBe('January plan, first edit');
  });

  it('replaces a plan with recorded fulfilment only when confirmed, archiving its state first', async () => {
    const { api, store } = await givenGrid();
    const plan = await create(api, MARCH_PLAN);
    const revised = {
      ...MARCH_PLAN,
      name: 'March plan, revised',
      items: [{ inspector: 1, service: 'operational_search' as const, type: 'joint_raid' as const, required: 1 }],
      version: 1,
    };
    const refused = await bodyOf(
      await api.plans[':id'].$put({ param: { id: String(plan.id) }, query: {}, json: revised }),
      409,
    );
    expect(refused.error).toBe('confirmation_required');
    const body = await okBody(
      await api.plans[':id'].$put({ param: { id: String(plan.id) }, query: { confirm: 'true' }, json: revised }),
    );
    expect([body.id, body.name, body.archived]).toEqual([plan.id, 'March plan, revised', true]);
    expect(body.items.map((i) => [i.service, i.done, i.state])).toEqual([['operational_search', 1, 'done']]);
    expect(JSON.parse((await store.plans.snapshots(plan.id))[0] ?? '{}')).toMatchObject({
      name: 'March plan',
      totals: { done: 3 },
    });
  });

  it('copies a plan as a template to the next period, counting afresh', async () => {
    const { api } = await givenGrid();
    const plan = await create(api, MARCH_PLAN);
    const body = await bodyOf(
      await api.plans[':id'].copy.$post({
        param: { id: String(plan.id) },
        json: { from: '2024-04-01', to: '2024-04-30' },
      }),
      201,
    );
    expect(body).toMatchObject({
      name: 'March plan (2024-04-01 – 2024-04-30)',
      from: '2024-04-01',
      to: '2024-04-30',
      copiedFrom: plan.id,
    });
    expect(body.items.map((i) => [i.service, i.required, i.done])).toEqual([
      ['criminal_investigation', 2, 0],
      ['operational_search', 3, 0],
    ]);
    expect(
      (await api.plans[':id'].copy.$post({ param: { id: '999' }, json: { from: '2024-04-01', to: '2024-04-30' } }))
        .status,
    ).toBe(404);
  });
});

describe('deleting plans', () => {
  it('asks for confirmation (409) before deleting a plan with recorded fulfilment, and keeps it', async () => {
    const { api } = await givenGrid();
    const plan = await create(api, MARCH_PLAN);
    const body = await bodyOf(await remove(api, plan.id), 409);
    if (body.error !== 'confirmation_required') throw new Error(`expected a confirmation, got ${body.error}`);
    expect(body.recorded).toBe(3);
    expect(body.issues[0]).toMatchObject({ field: 'confirm' });
    expect(body.issues[0]?.reason).toMatch(/confirm=true/);
    expect((await read(api, plan.id)).status).toBe(200);
  });

  it('with confirm=true archives a copy, then deletes', async () => {
    const { api, store } = await givenGrid();
    const plan = await create(api, MARCH_PLAN);
    const body = await okBody(await remove(api, plan.id, 'true'));
    expect(body).toEqual({ deleted: plan.id, archived: true });
    expect((await read(api, plan.id)).status).toBe(404);
    const archive = await okBody(await api.plans.archive.$get());
    expect(archive.map((a) => [a.planId, a.name, a.from, a.to, a.archivedBy])).toEqual([
      [plan.id, 'March plan', '2024-03-01', '2024-03-31', 'admin'],
    ]);
    const snapshot: unknown = JSON.parse((await store.plans.snapshots(plan.id))[0] ?? '{}');
    expect(snapshot).toMatchObject({ totals: { done: 3 } });
    expect(await store.plans.list()).toEqual([]);
  });

  it('deletes a plan without fulfilment at once, archiving nothing', async () => {
    const { api, store } = await givenGrid();
    const plan = await create(api, { ...MARCH_PLAN, from: '2024-01-01', to: '2024-01-31' });
    const body = await okBody(await remove(api, plan.id));
    expect(body).toEqual({ deleted: plan.id, archived: false });
    expect(await store.plans.archive()).toEqual([]);
  });
});

const item = MARCH_PLAN.items[0];
const withItem = (patch: Record<string, unknown>): unknown => ({ ...MARCH_PLAN, items: [{ ...item, ...patch }] });

const BAD_BODIES: Array<[string, unknown, string]> = [
  ['no name', { ...MARCH_PLAN, name: undefined }, 'name'],
  ['a blank name', { ...MARCH_PLAN, name: '   ' }, 'name'],
  ['a 3-digit district', { ...MARCH_PLAN, district: '123' }, 'district'],
  ['to before from', { ...MARCH_PLAN, from: '2024-03-31', to: '2024-03-01' }, 'to'],
  ['a period over 366 days', { ...MARCH_PLAN, from: '2024-01-01', to: '2025-06-30' }, 'to'],
  ['no items', { ...MARCH_PLAN, items: [] }, 'items'],
  ['items that are not a list', { ...MARCH_PLAN, items: 'all' }, 'items'],
  ['an unknown service', withItem({ service: 'cia' }), 'items.0.service'],
  ['an unknown type', withItem({ type: 'party' }), 'items.0.type'],
  ['required 0', withItem({ required: 0 }), 'items.0.required'],
  ['required −3', withItem({ required: -3 }), 'items.0.required'],
  ['required 2.5', withItem({ required: 2.5 }), 'items.0.required'],
  ['required a million', withItem({ required: 1_000_000 }), 'items.0.required'],
  ['required as text', withItem({ required: '3' }), 'items.0.required'],
  ['inspector 0', withItem({ inspector: 0 }), 'items.0.inspector'],
  ['an inspector nobody has', withItem({ inspector: 99 }), 'items.0.inspector'],
  ['an inspector of another district', withItem({ inspector: 3 }), 'items.0.inspector'],
  ['the same item twice', { ...MARCH_PLAN, items: [item, { ...item, required: 5 }] }, 'items.1'],
];

describe('refused plan bodies', () => {
  it.each(BAD_BODIES)('POST with $0 → 400 naming $2, nothing stored', async (_name, body, field) => {
    const { app, store } = await givenGrid();
    const res = await sendRaw(app, 'POST', '/api/plans', body);
    expect(res.status).toBe(400);
    const refusal = await errorBody(res);
    expect(refusal.error).toBe('invalid_request');
    expect([...new Set(refusal.issues.map((i) => i.field))]).toEqual([field]);
    expect(refusal.issues.every((i) => /\S/.test(i.reason))).toBe(true);
    expect(await store.plans.list()).toEqual([]);
  });

  it('refuses a district nobody has (checked against the database)', async () => {
    const { api } = await givenGrid();
    const body = await bodyOf(await api.plans.$post({ json: { ...MARCH_PLAN, district: '1726999' } }), 400);
    expect(body.issues.map((i) => i.field)).toEqual(['district', 'items.0.inspector', 'items.1.inspector']);
  });

  it.each([
    ['malformed JSON', '{"name": "x",', 'application/json'],
    ['a form instead of JSON', 'name=x', 'application/x-www-form-urlencoded'],
  ])('POST with %s → 400 naming body', async (_name, text, type) => {
    const { app } = await givenGrid();
    const res = await app.request('/api/plans', { method: 'POST', body: text, headers: { 'content-type': type } });
    expect(res.status).toBe(400);
    expect((await errorBody(res)).issues.map((i) => i.field)).toEqual(['body']);
  });

  it.each([
    ['PUT', '/api/plans/abc', { ...MARCH_PLAN, version: 1 }, 'id'],
    ['PUT', '/api/plans/1', { ...MARCH_PLAN, to: '2024-02-30', version: 1 }, 'to'],
    ['PUT', '/api/plans/1', MARCH_PLAN, 'version'],
    ['DELETE', '/api/plans/1?confirm=maybe', undefined, 'confirm'],
    ['POST', '/api/plans/1/copy', { from: '2024-04-30', to: '2024-04-01' }, 'to'],
    ['POST', '/api/plans/1/copy', { to: '2024-04-30' }, 'from'],
    ['GET', '/api/plans/0', undefined, 'id'],
  ])('%s %s → 400 naming $3', async (method, url, body, field) => {
    const { app, api } = await givenGrid();
    await create(api, MARCH_PLAN);
    const res = await sendRaw(app, method, url, body);
    expect(res.status).toBe(400);
    expect([...new Set((await errorBody(res)).issues.map((i) => i.field))]).toEqual([field]);
  });
});
