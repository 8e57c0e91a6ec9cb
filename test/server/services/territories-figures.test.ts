// The pure parts of territory versions, on hand-drawn fixtures: each post's figures, the comparison of two versions,
// which approved version is in force on a day, and the workflow's rules.
import { describe, expect, it } from 'vitest';
import {
  diffPlans,
  membersOf,
  workloadOf,
  type Content,
  type MahallaFacts,
} from '../../../server/services/territories/figures.ts';
import { pickInForce } from '../../../server/services/territories/in-force.ts';
import { actionsOpen, checkStep, phaseOf, type StepContext } from '../../../server/services/territories/workflow.ts';

// A district of six mahallas. Before: post 1 (inspector 10) has 1, 2; post 2 (inspector 20) has 3, 4; vacant post 3
// has 5; 6 is unassigned. After: inspector 30 holds post 2, post 3 is gone and a vacant post 4 is new; 2 goes to post
// 2, 4 is left unassigned, 5 goes to post 4, 6 comes to post 1.
const BEFORE: Content = {
  posts: [
    { id: 1, inspector: 10, label: null },
    { id: 2, inspector: 20, label: null },
    { id: 3, inspector: null, label: 'V' },
  ],
  assignments: [
    { mahalla: 1, post: 1 },
    { mahalla: 2, post: 1 },
    { mahalla: 3, post: 2 },
    { mahalla: 4, post: 2 },
    { mahalla: 5, post: 3 },
  ],
};
const AFTER: Content = {
  posts: [
    { id: 1, inspector: 10, label: null },
    { id: 2, inspector: 30, label: null },
    { id: 4, inspector: null, label: null },
  ],
  assignments: [
    { mahalla: 1, post: 1 },
    { mahalla: 2, post: 2 },
    { mahalla: 3, post: 2 },
    { mahalla: 5, post: 4 },
    { mahalla: 6, post: 1 },
  ],
};

describe('diffPlans', () => {
  const d = diffPlans(BEFORE, AFTER, [1, 2, 3, 4, 5, 6]);

  it('lists every mahalla whose post differs, from → to', () => {
    expect(d.moves).toEqual([
      { mahalla: 2, from: 1, to: 2 },
      { mahalla: 4, from: 2, to: null },
      { mahalla: 5, from: 3, to: 4 },
      { mahalla: 6, from: null, to: 1 },
    ]);
  });

  it('counts moves, (un)assignments, posts added and removed and holders changed', () => {
    expect(d.counts).toEqual({
      mahallas: 6,
      moved: 4,
      newlyAssigned: 1,
      newlyUnassigned: 1,
      unassignedBefore: 1,
      unassignedAfter: 1,
      postsAdded: 1,
      postsRemoved: 1,
      holdersChanged: 1,
    });
  });

  it('says per post what it gains and loses, naming its holder after the change', () => {
    expect(d.posts.map((p) => [p.post, p.inspector, p.label, p.before, p.after, p.gained, p.lost])).toEqual([
      [1, 10, null, true, true, [6], [2]],
      [2, 30, null, true, true, [2], [4]],
      [3, null, 'V', true, false, [], [5]],
      [4, null, null, false, true, [5], []],
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const same = diffPlans(BEFORE, BEFORE, [1, 2, 3, 4, 5, 6]);
    expect([same.moves, same.counts.moved, same.posts.every((p) => p.gained.length + p.lost.length === 0)]).toEqual([
      [],
      0,
      true,
    ]);
  });
});

describe('each post’s figures', () => {
  const fact = (id: number, population: number, incidents: number): MahallaFacts => ({
    id,
    code: `17262870${id}`,
    name: `m${id}`,
    population,
    households: population / 4,
    areaKm2: 0.1111 * id,
    incidents,
    applications: id,
  });
  const facts = new Map([fact(1, 1000, 3), fact(2, 2000, 2), fact(3, 400, 0)].map((f) => [f.id, f]));

  it('adds up the mahallas’ facts, area to the metre', () => {
    expect(workloadOf([1, 3], facts)).toEqual({
      mahallas: 2,
      residents: 1400,
      households: 350,
      areaKm2: 0.444,
      incidents: 3,
      applications: 4,
    });
  });

  it('counts a mahalla it has no facts for, adding nothing else', () => {
    expect(workloadOf([2, 99], facts)).toMatchObject({ mahallas: 2, residents: 2000, incidents: 2 });
  });

  it('lists each post’s mahallas, posts without any too', () => {
    expect([...membersOf(BEFORE)]).toEqual([
      [1, [1, 2]],
      [2, [3, 4]],
      [3, [5]],
    ]);
    expect(membersOf({ posts: [{ id: 7, inspector: null, label: null }], assignments: [] }).get(7)).toEqual([]);
  });
});

describe('the version in force on a day', () => {
  const approved = [
    { id: 1, effectiveFrom: '2023-01-09' },
    { id: 7, effectiveFrom: '2024-03-15' },
    { id: 9, effectiveFrom: '2024-06-01' },
  ];
  it.each([
    ['2024-03-14', 1],
    ['2024-03-15', 7],
    ['2024-05-31', 7],
    ['2024-06-01', 9],
    ['2030-01-01', 9],
    // Before the first order on record, records are read with that first plan.
    ['2020-01-01', 1],
  ])('on %s is version %i', (day, id) => {
    expect(pickInForce(approved, day)?.id).toBe(id);
  });
  it('is none in a district with no approved version', () => {
    expect(pickInForce([], '2024-03-15')).toBeNull();
  });
});

describe('the workflow', () => {
  const ctx: StepContext = { today: '2025-01-01', inForce: false, latestEffective: '2024-03-15' };
  const v = (status: 'draft' | 'submitted' | 'approved', effectiveFrom: string | null = null) => ({
    number: 4,
    status,
    effectiveFrom,
  });

  it.each([
    ['draft', 'submit', { ok: true, to: 'submitted' }],
    ['submitted', 'return', { ok: true, to: 'draft' }],
    ['submitted', 'approve', { ok: true, to: 'approved' }],
    ['draft', 'return', { ok: false, field: 'status', reason: 'version 4 is already a draft' }],
    [
      'submitted',
      'submit',
      { ok: false, field: 'status', reason: 'version 4 is already submitted; only a draft can be submitted' },
    ],
    [
      'draft',
      'approve',
      { ok: false, field: 'status', reason: 'version 4 is a draft: submit it before it can be approved' },
    ],
  ] as const)('%s, %s → %o', (status, action, expected) => {
    const step = checkStep(v(status), action, ctx, { effectiveFrom: '2024-04-01' });
    expect(step).toMatchObject(expected);
    // A refusal also carries its code, so the web says it in the reader's language.
    if (!step.ok) expect(step.issue?.code).toMatch(/^[a-z_]+$/);
  });

  it('approves only from a day after the district’s latest approved version', () => {
    expect(checkStep(v('submitted'), 'approve', ctx, { effectiveFrom: '2024-03-15' })).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
    });
    expect(checkStep(v('submitted'), 'approve', ctx, { effectiveFrom: null })).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
    });
    expect(
      checkStep(v('submitted'), 'approve', { ...ctx, latestEffective: null }, { effectiveFrom: '1999-01-01' }),
    ).toEqual({
      ok: true,
      to: 'approved',
    });
  });

  it('refuses to approve a version that would undo one approved since it was drawn, unless told it replaces it', () => {
    const unseen = { number: 3, effectiveFrom: '2024-03-15' };
    expect(checkStep(v('submitted'), 'approve', { ...ctx, unseen }, { effectiveFrom: '2024-04-01' })).toEqual({
      ok: false,
      field: 'replaces',
      reason:
        'version 4 was not drawn from version 3, approved since (in force from 2024-03-15): approving it would undo ' +
        "that version's changes. Compare the two, then confirm that version 4 replaces it, or copy version 3 into a new draft",
      issue: { code: 'replaces_unseen', params: { number: 4, unseen: 3, date: '2024-03-15' } },
    });
    expect(
      checkStep(v('submitted'), 'approve', { ...ctx, unseen }, { effectiveFrom: '2024-04-01', replaces: true }),
    ).toEqual({ ok: true, to: 'approved' });
  });

  it('returns an approved version to draft only while it is scheduled', () => {
    expect(checkStep(v('approved', '2025-02-01'), 'return', ctx)).toEqual({ ok: true, to: 'draft' });
    expect(checkStep(v('approved', '2024-06-01'), 'return', { ...ctx, inForce: true })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^version 4 is in force from 2024-06-01/) as unknown,
    });
    expect(checkStep(v('approved', '2024-04-01'), 'return', ctx)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^version 4 was in force from 2024-04-01/) as unknown,
    });
  });

  it('names the phase of each version on the reference day', () => {
    expect(
      [v('draft'), v('submitted'), v('approved', '2025-02-01'), v('approved', '2024-01-01')].map((x) =>
        phaseOf(x, ctx),
      ),
    ).toEqual(['draft', 'submitted', 'scheduled', 'superseded']);
    expect(phaseOf(v('approved', '2024-01-01'), { ...ctx, inForce: true })).toBe('in_force');
  });

  it('opens to writers submitting and returning, to approvers approving and withdrawing', () => {
    const writer = { write: true, approve: false };
    const head = { write: true, approve: true };
    expect(actionsOpen(v('draft'), ctx, writer)).toEqual(['submit']);
    expect(actionsOpen(v('submitted'), ctx, writer)).toEqual(['return']);
    expect(actionsOpen(v('submitted'), ctx, head)).toEqual(['return', 'approve']);
    expect(actionsOpen(v('approved', '2025-02-01'), ctx, writer)).toEqual([]);
    expect(actionsOpen(v('approved', '2025-02-01'), ctx, head)).toEqual(['return']);
    expect(actionsOpen(v('submitted'), ctx, { write: false, approve: false })).toEqual([]);
  });
});
