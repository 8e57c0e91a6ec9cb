// Territory versions through the API: version 1 of each district kept from the analytics database, drafts copied
// from the plan in force or from any version, saved whole, deleted; the workflow draft → submitted → approved with
// its history, and the wrong steps refused with the reason; stale saves refused naming who saved and when, nothing
// changed; bad input refused naming the field, nothing changed; a planner kept to their district.
import { describe, expect, it } from 'vitest';
import { bodyOf, okBody } from '../../fixtures/api/fixture-app.ts';
import { MIROBOD, VACANT_POST_DRAFT, YAKKASAROY, givenTerritories, type Roles } from './territories-given.ts';

/** A draft of Yakkasaroy copied from its plan in force by the planner. */
async function draft(w: Roles, name = 'Draft') {
  return bodyOf(
    await w.api('planner').territories.versions.$post({ json: { district: YAKKASAROY, name, reason: 'rebalance' } }),
    201,
  );
}

const param = (id: number) => ({ id: String(id) });

describe('versions', () => {
  it('keeps each district’s plan as version 1, approved and in force, with its posts and mahallas', async () => {
    const w = await givenTerritories();
    const { versions } = await okBody(await w.api('admin').territories.versions.$get({ query: {} }));
    expect(versions.map((v) => [v.district, v.number, v.status, v.phase, v.mahallas, v.posts])).toEqual([
      [MIROBOD, 1, 'approved', 'in_force', 1, 1],
      [YAKKASAROY, 1, 'approved', 'in_force', 2, 1],
    ]);
    const v1 = await okBody(
      await w.api('planner').territories.versions[':id'].$get({ param: param(w.seeded.yakkasaroy) }),
    );
    expect(v1.posts).toEqual([
      { id: 1, inspector: 1, name: 'Aziz Karimov', rank: 'captain', label: null, vacant: false },
    ]);
    expect(v1.assignments).toEqual([
      { mahalla: 1, post: 1 },
      { mahalla: 2, post: 1 },
    ]);
    expect(v1.effectiveFrom).toBe('2023-01-09');
    expect(v1.history.map((h) => h.action)).toEqual(['seed']);
    // Nothing is open to a planner on a version in force: it stays as ordered.
    expect([v1.actions, v1.editable]).toEqual([[], false]);
  });

  it('copies a draft from the plan in force, saves it whole, and deletes it', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    expect([d.status, d.number, d.parent, d.version, d.createdBy]).toEqual([
      'draft',
      2,
      w.seeded.yakkasaroy,
      1,
      'planner',
    ]);
    expect(d.assignments).toHaveLength(2);
    expect([d.actions, d.editable]).toEqual([['submit'], true]);
    const saved = await okBody(
      await w
        .api('planner')
        .territories.versions[':id'].$put({ param: param(d.id), json: { ...VACANT_POST_DRAFT, version: 1 } }),
    );
    expect(saved.version).toBe(2);
    expect(saved.posts.map((p) => [p.id, p.vacant, p.name])).toEqual([
      [1, false, 'Aziz Karimov'],
      [9, true, 'Vacant post (Bog’bon)'],
    ]);
    // A copy of the draft keeps its posts and mahallas, and names where it came from.
    const copy = bodyOf(
      await w
        .api('planner')
        .territories.versions.$post({ json: { district: YAKKASAROY, from: d.id, name: 'Copy', reason: 'variant' } }),
      201,
    );
    expect([(await copy).parent, (await copy).assignments]).toEqual([d.id, VACANT_POST_DRAFT.assignments]);
    const gone = await w
      .api('planner')
      .territories.versions[':id'].$delete({ param: param(d.id), query: { version: '2' } });
    expect(gone.status).toBe(200);
    expect((await w.api('planner').territories.versions[':id'].$get({ param: param(d.id) })).status).toBe(404);
  });
});

describe('the workflow', () => {
  it('goes draft → submitted → approved with its history, and the approved version is in force from its day', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    await okBody(
      await w
        .api('planner')
        .territories.versions[':id'].$put({ param: param(d.id), json: { ...VACANT_POST_DRAFT, version: 1 } }),
    );
    const sent = await okBody(
      await w.api('planner').territories.versions[':id'].submit.$post({
        param: param(d.id),
        json: { version: 2, reason: 'please approve' },
      }),
    );
    expect([sent.status, sent.actions]).toEqual(['submitted', ['return']]);
    const head = await okBody(await w.api('district_head').territories.versions[':id'].$get({ param: param(d.id) }));
    expect(head.actions).toEqual(['return', 'approve']);
    const approved = await okBody(
      await w.api('district_head').territories.versions[':id'].approve.$post({
        param: param(d.id),
        json: { version: 3, effectiveFrom: '2024-03-15', orderNumber: '47-b', orderDate: '2024-03-11' },
      }),
    );
    expect([approved.status, approved.phase, approved.orderNumber, approved.effectiveFrom]).toEqual([
      'approved',
      'in_force',
      '47-b',
      '2024-03-15',
    ]);
    expect(approved.history.map((h) => [h.action, h.from, h.to, h.by, h.reason])).toEqual([
      ['create', null, 'draft', 'planner', 'rebalance'],
      ['submit', 'draft', 'submitted', 'planner', 'please approve'],
      ['approve', 'submitted', 'approved', 'district-head', 'approved'],
    ]);
    const v1 = await okBody(
      await w.api('planner').territories.versions[':id'].$get({ param: param(w.seeded.yakkasaroy) }),
    );
    expect([v1.phase, v1.effectiveTo]).toEqual(['superseded', '2024-03-14']);
  });

  it('refuses wrong steps with 409 and the reason, changing nothing', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    const approveDraft = await w.api('district_head').territories.versions[':id'].approve.$post({
      param: param(d.id),
      json: { version: 1, effectiveFrom: '2024-03-15', orderNumber: '1', orderDate: '2024-03-15' },
    });
    expect((await bodyOf(approveDraft, 409)).issues).toEqual([
      {
        field: 'status',
        reason: 'version 2 is a draft: submit it before it can be approved',
        code: 'approve_draft',
        params: { number: 2 },
      },
    ]);
    const ret = await w
      .api('planner')
      .territories.versions[':id'].return.$post({ param: param(d.id), json: { version: 1, reason: 'no' } });
    expect((await bodyOf(ret, 409)).issues[0]?.reason).toBe('version 2 is already a draft');
    await okBody(
      await w.api('planner').territories.versions[':id'].submit.$post({ param: param(d.id), json: { version: 1 } }),
    );
    const again = await w
      .api('planner')
      .territories.versions[':id'].submit.$post({ param: param(d.id), json: { version: 2 } });
    expect((await bodyOf(again, 409)).issues[0]?.field).toBe('status');
    const edit = await w
      .api('planner')
      .territories.versions[':id'].$put({ param: param(d.id), json: { ...VACANT_POST_DRAFT, version: 2 } });
    expect((await bodyOf(edit, 409)).issues[0]?.reason).toMatch(/only a draft can be changed/);
    // Plans in force follow one another: an approval may not take effect before version 1 (2023-01-09) does.
    const early = await w.api('district_head').territories.versions[':id'].approve.$post({
      param: param(d.id),
      json: { version: 2, effectiveFrom: '2023-01-09', orderNumber: '1', orderDate: '2023-01-01' },
    });
    expect((await bodyOf(early, 409)).issues[0]?.field).toBe('effectiveFrom');
    const planner = await w.api('planner').territories.versions[':id'].approve.$post({
      param: param(d.id),
      json: { version: 2, effectiveFrom: '2024-03-15', orderNumber: '1', orderDate: '2024-03-15' },
    });
    expect((await bodyOf(planner, 403)).issues[0]?.field).toBe('role');
    const after = await okBody(await w.api('planner').territories.versions[':id'].$get({ param: param(d.id) }));
    expect([after.status, after.version, after.history.length]).toEqual(['submitted', 2, 2]);
    // Back to draft with a reason; an approved version in force cannot go back.
    const back = await okBody(
      await w.api('district_head').territories.versions[':id'].return.$post({
        param: param(d.id),
        json: { version: 2, reason: 'add mahalla 2 to the vacancy' },
      }),
    );
    expect([back.status, back.history.at(-1)?.reason]).toEqual(['draft', 'add mahalla 2 to the vacancy']);
    const v1 = await w.api('district_head').territories.versions[':id'].return.$post({
      param: param(w.seeded.yakkasaroy),
      json: { version: 1, reason: 'undo' },
    });
    expect((await bodyOf(v1, 409)).issues[0]?.reason).toMatch(/is in force from 2023-01-09; it stays on record/);
  });

  it('lets the district head withdraw an approval not yet in force, and no one else', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    await okBody(
      await w.api('planner').territories.versions[':id'].submit.$post({ param: param(d.id), json: { version: 1 } }),
    );
    // The data's "today" is 2025-01-01: an order effective in 2025-02 is scheduled, not yet in force.
    await okBody(
      await w.api('district_head').territories.versions[':id'].approve.$post({
        param: param(d.id),
        json: { version: 2, effectiveFrom: '2025-02-01', orderNumber: '3', orderDate: '2025-01-20' },
      }),
    );
    const mine = await w
      .api('planner')
      .territories.versions[':id'].return.$post({ param: param(d.id), json: { version: 3, reason: 'wrong' } });
    expect((await bodyOf(mine, 403)).issues[0]?.reason).toMatch(/only the district head may withdraw it/);
    const scheduled = await okBody(await w.api('planner').territories.versions[':id'].$get({ param: param(d.id) }));
    expect(scheduled.phase).toBe('scheduled');
    const back = await okBody(
      await w.api('district_head').territories.versions[':id'].return.$post({
        param: param(d.id),
        json: { version: 3, reason: 'date was wrong' },
      }),
    );
    expect([back.status, back.effectiveFrom, back.orderNumber]).toEqual(['draft', null, null]);
  });

  it('refuses to approve a sibling draft that would undo an approval made since, until told it replaces it', async () => {
    const w = await givenTerritories();
    const [a, b] = [await draft(w, 'A'), await draft(w, 'B')];
    for (const d of [a, b])
      await okBody(
        await w.api('planner').territories.versions[':id'].submit.$post({ param: param(d.id), json: { version: 1 } }),
      );
    const order = { version: 2, orderNumber: '7', orderDate: '2024-12-20' };
    await okBody(
      await w.api('district_head').territories.versions[':id'].approve.$post({
        param: param(a.id),
        json: { ...order, effectiveFrom: '2024-12-25' },
      }),
    );
    const sibling = await w.api('district_head').territories.versions[':id'].approve.$post({
      param: param(b.id),
      json: { ...order, effectiveFrom: '2024-12-28' },
    });
    expect((await bodyOf(sibling, 409)).issues).toEqual([
      {
        field: 'replaces',
        reason: expect.stringMatching(
          new RegExp(
            `^version ${b.number} was not drawn from version ${a.number}, approved since \\(in force from 2024-12-25\\)`,
          ),
        ) as unknown,
        code: 'replaces_unseen',
        params: { number: b.number, unseen: a.number, date: '2024-12-25' },
      },
    ]);
    expect((await okBody(await w.api('planner').territories.versions[':id'].$get({ param: param(b.id) }))).status).toBe(
      'submitted',
    );
    const replaced = await okBody(
      await w.api('district_head').territories.versions[':id'].approve.$post({
        param: param(b.id),
        json: { ...order, effectiveFrom: '2024-12-28', replaces: true },
      }),
    );
    expect([replaced.status, replaced.phase]).toEqual(['approved', 'in_force']);
  });
});

describe('two people saving one version', () => {
  it('saves the first, refuses the second with 409 naming who saved and when, and keeps the first', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    const put = (role: 'planner' | 'district_head', name: string) =>
      w
        .api(role)
        .territories.versions[':id'].$put({ param: param(d.id), json: { ...VACANT_POST_DRAFT, name, version: 1 } });
    const first = await okBody(await put('district_head', 'Head’s'));
    const second = await bodyOf(await put('planner', 'Planner’s'), 409);
    expect(second.issues[0]?.field).toBe('version');
    expect(second.issues[0]?.reason).toContain(`saved by district-head at ${first.updatedAt}`);
    expect('current' in second ? second.current : null).toEqual({
      version: 2,
      updatedAt: first.updatedAt,
      updatedBy: 'district-head',
    });
    const kept = await okBody(await w.api('planner').territories.versions[':id'].$get({ param: param(d.id) }));
    expect([kept.name, kept.version, kept.updatedBy]).toEqual(['Head’s', 2, 'district-head']);
  });

  it('gives one of ten simultaneous saves 200 and the rest 409, never a 500', async () => {
    const w = await givenTerritories();
    const d = await draft(w);
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        w.api('planner').territories.versions[':id'].$put({
          param: param(d.id),
          json: { ...VACANT_POST_DRAFT, name: `n${k}`, version: 1 },
        }),
      ),
    );
    expect(all.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(409)]);
  });
});
