// /api/plans: create, read with fulfilment, list, replace, copy, delete with confirmation, and refused bodies, on the
// grid world (test/fixtures/api/cooperation-db.ts). Its data ends 2024-06-30, so "today" is 2024-07-01.
import { describe, expect, it } from 'vitest';
import { givenGrid } from '../../fixtures/api/cooperation-db.ts';
import type { ErrorBody } from '../../fixtures/api/fixture-app.ts';
import type { PlanInput } from '../../../server/contract/plans.ts';
import type { PlanDetail, PlanSummary } from '../../../server/services/plans/progress.ts';
import type { ArchivedPlan } from '../../../server/services/plans/store.ts';

type App = Awaited<ReturnType<typeof givenGrid>>['app'];
async function send<T>(app: App, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const res = await app.request(url, init);
  return { status: res.status, body: (await res.json()) as T };
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
    const { app } = await givenGrid();
    const { status, body } = await send<PlanDetail>(app, 'POST', '/api/plans', MARCH_PLAN);
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'March plan', district: '1726287', districtName: 'Yakkasaroy', asOf: '2024-07-01' });
    expect(body.schedule).toEqual({ elapsed: 31, total: 31, ended: true });
    expect(body.items.map((i) => [i.service, i.done, i.required, i.state])).toEqual([
      ['criminal_investigation', 2, 2, 'done'],
      ['operational_search', 1, 3, 'overdue'],
    ]);
    expect(body.totals).toEqual({ required: 5, done: 3, pct: 60, state: 'overdue' });
  });

  it('tracks a running plan as done, on track and behind, per service and per territory, and on the map', async () => {
    const { app } = await givenGrid();
    const created = await send<PlanDetail>(app, 'POST', '/api/plans', SUMMER_PLAN);
    const { body } = await send<PlanDetail>(app, 'GET', `/api/plans/${created.body.id}`);
    expect(body.schedule).toEqual({ elapsed: 30, total: 61, ended: false });
    // expected by now: 2·30/61 = 0.98 (0 done is within one action: on track); 10·30/61 = 4.9 (0 done: behind)
    expect(body.byService.map((s) => [s.service, s.state])).toEqual([['traffic_safety', 'behind'], ['juvenile', 'done'], ['patrol', 'on_track']]);
    expect(body.byInspector.map((t) => [t.inspector, t.mahallas, t.done, t.required, t.pct, t.state])).toEqual([
      [1, [7, 8, 12, 13], 1, 3, 33.3, 'on_track'],
      [2, [1, 2, 3, 6, 11, 16, 17, 18, 21, 22, 23], 0, 10, 0, 'behind'],
    ]);
    expect(body.mahallas.ids).toHaveLength(15);
    expect(body.mahallas.state[body.mahallas.ids.indexOf(13)]).toBe('on_track');
    expect(body.mahallas.pct[body.mahallas.ids.indexOf(17)]).toBe(0);
  });

  it('lists plans newest period first with their overall fulfilment', async () => {
    const { app } = await givenGrid();
    await send(app, 'POST', '/api/plans', MARCH_PLAN);
    await send(app, 'POST', '/api/plans', SUMMER_PLAN);
    const { status, body } = await send<PlanSummary[]>(app, 'GET', '/api/plans');
    expect(status).toBe(200);
    expect(body.map((p) => [p.name, p.items, p.totals.pct, p.totals.state])).toEqual([
      ['Summer plan', 3, 7.7, 'behind'],
      ['March plan', 2, 60, 'overdue'],
    ]);
  });

  it('answers 404 for a plan nobody has', async () => {
    const { app } = await givenGrid();
    const { status, body } = await send<ErrorBody>(app, 'GET', '/api/plans/999');
    expect(status).toBe(404);
    expect(body.issues[0]?.field).toBe('id');
  });
});

describe('changing plans', () => {
  it('replaces a plan and its items (PUT)', async () => {
    const { app } = await givenGrid();
    const { body: plan } = await send<PlanDetail>(app, 'POST', '/api/plans', MARCH_PLAN);
    const { status, body } = await send<PlanDetail>(app, 'PUT', `/api/plans/${plan.id}`, {
      ...MARCH_PLAN, name: 'March plan, revised', items: [{ inspector: 1, service: 'operational_search', type: 'joint_raid', required: 1 }],
    });
    expect(status).toBe(200);
    expect(body.name).toBe('March plan, revised');
    expect(body.items.map((i) => [i.service, i.done, i.state])).toEqual([['operational_search', 1, 'done']]);
    expect((await send(app, 'PUT', '/api/plans/999', MARCH_PLAN)).status).toBe(404);
  });

  it('copies a plan as a template to the next period, counting afresh', async () => {
    const { app } = await givenGrid();
    const { body: plan } = await send<PlanDetail>(app, 'POST', '/api/plans', MARCH_PLAN);
    const { status, body } = await send<PlanDetail>(app, 'POST', `/api/plans/${plan.id}/copy`, { from: '2024-04-01', to: '2024-04-30' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'March plan (2024-04-01 – 2024-04-30)', from: '2024-04-01', to: '2024-04-30', copiedFrom: plan.id });
    expect(body.items.map((i) => [i.service, i.required, i.done])).toEqual([['criminal_investigation', 2, 0], ['operational_search', 3, 0]]);
    expect((await send(app, 'POST', '/api/plans/999/copy', { from: '2024-04-01', to: '2024-04-30' })).status).toBe(404);
  });
});

describe('deleting plans', () => {
  it('asks for confirmation (409) before deleting a plan with recorded fulfilment, and keeps it', async () => {
    const { app } = await givenGrid();
    const { body: plan } = await send<PlanDetail>(app, 'POST', '/api/plans', MARCH_PLAN);
    const { status, body } = await send<ErrorBody & { recorded: number }>(app, 'DELETE', `/api/plans/${plan.id}`);
    expect(status).toBe(409);
    expect(body.error).toBe('confirmation_required');
    expect(body.recorded).toBe(3);
    expect(body.issues[0]).toMatchObject({ field: 'confirm' });
    expect(body.issues[0]?.reason).toMatch(/confirm=true/);
    expect((await send(app, 'GET', `/api/plans/${plan.id}`)).status).toBe(200);
  });

  it('with confirm=true archives a copy, then deletes', async () => {
    const { app, db } = await givenGrid();
    const { body: plan } = await send<PlanDetail>(app, 'POST', '/api/plans', MARCH_PLAN);
    const { status, body } = await send(app, 'DELETE', `/api/plans/${plan.id}?confirm=true`);
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: plan.id, archived: true });
    expect((await send(app, 'GET', `/api/plans/${plan.id}`)).status).toBe(404);
    const archive = await send<ArchivedPlan[]>(app, 'GET', '/api/plans/archive');
    expect(archive.body.map((a) => [a.planId, a.name, a.from, a.to])).toEqual([[plan.id, 'March plan', '2024-03-01', '2024-03-31']]);
    const [snap] = await db.all<{ snapshot: string }>('SELECT snapshot FROM plans_archive');
    expect((JSON.parse(snap?.snapshot ?? '{}') as PlanDetail).totals.done).toBe(3);
    expect(await db.all('SELECT * FROM plan_items')).toEqual([]);
  });

  it('deletes a plan without fulfilment at once, archiving nothing', async () => {
    const { app, db } = await givenGrid();
    const { body: plan } = await send<PlanDetail>(app, 'POST', '/api/plans', { ...MARCH_PLAN, from: '2024-01-01', to: '2024-01-31' });
    const { status, body } = await send(app, 'DELETE', `/api/plans/${plan.id}`);
    expect(status).toBe(200);
    expect(body).toEqual({ deleted: plan.id, archived: false });
    expect(await db.all('SELECT * FROM plans_archive')).toEqual([]);
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
  it.each(BAD_BODIES)('POST with %s → 400 naming %s, nothing stored', async (_name, body, field) => {
    const { app, db } = await givenGrid();
    const res = await send<ErrorBody>(app, 'POST', '/api/plans', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect([...new Set(res.body.issues.map((i) => i.field))]).toEqual([field]);
    expect(res.body.issues.every((i) => /\S/.test(i.reason))).toBe(true);
    expect(await db.all('SELECT * FROM plans')).toEqual([]);
  });

  it('refuses a district nobody has (checked against the database)', async () => {
    const { app } = await givenGrid();
    const { status, body } = await send<ErrorBody>(app, 'POST', '/api/plans', { ...MARCH_PLAN, district: '1726999' });
    expect(status).toBe(400);
    expect(body.issues.map((i) => i.field)).toEqual(['district', 'items.0.inspector', 'items.1.inspector']);
  });

  it.each([
    ['malformed JSON', '{"name": "x",', 'application/json'],
    ['a form instead of JSON', 'name=x', 'application/x-www-form-urlencoded'],
  ])('POST with %s → 400 naming body', async (_name, text, type) => {
    const { app } = await givenGrid();
    const res = await app.request('/api/plans', { method: 'POST', body: text, headers: { 'content-type': type } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).issues.map((i) => i.field)).toEqual(['body']);
  });

  it.each([
    ['PUT', '/api/plans/abc', MARCH_PLAN, 'id'],
    ['PUT', '/api/plans/1', { ...MARCH_PLAN, to: '2024-02-30' }, 'to'],
    ['DELETE', '/api/plans/1?confirm=maybe', undefined, 'confirm'],
    ['POST', '/api/plans/1/copy', { from: '2024-04-30', to: '2024-04-01' }, 'to'],
    ['POST', '/api/plans/1/copy', { to: '2024-04-30' }, 'from'],
    ['GET', '/api/plans/0', undefined, 'id'],
  ])('%s %s → 400 naming %s', async (method, url, body, field) => {
    const { app } = await givenGrid();
    await send(app, 'POST', '/api/plans', MARCH_PLAN);
    const res = await send<ErrorBody>(app, method, url, body);
    expect(res.status).toBe(400);
    expect([...new Set(res.body.issues.map((i) => i.field))]).toEqual([field]);
  });
});
