// The workflow of a territory version as pure rules: draft → submitted → approved (the district head's order, in force
// from its effective day until the next approved version of the district). Which step is allowed from where, and
// what a version's phase is on a day; the store records each step, the routes check who may take it.
import type { TerritoryAction, TerritoryStatus } from '../../contract/territories.ts';
import type { Coded } from '../../contract/issues.ts';

/** Where a version stands on the reference day; approved ones are scheduled, in force or superseded. */
export type TerritoryPhase = 'draft' | 'submitted' | 'scheduled' | 'in_force' | 'superseded';

export interface StepSubject {
  number: number;
  status: TerritoryStatus;
  effectiveFrom: string | null;
}

export interface StepContext {
  /** whether this version is the one in force on the reference day */
  inForce: boolean;
  /** the reference day ("today" of the data) */
  today: string;
  /** the latest effective day of the district's other approved versions (null when none) */
  latestEffective: string | null;
  /**
   * The district's latest other approved version when this one was not drawn from it (nor from a copy of it): approving
   * would silently undo its changes. Null when there is none, or when this version descends from it.
   */
  unseen?: { number: number; effectiveFrom: string } | null;
}

/** What an approval says beyond the order: that it knowingly replaces a version approved since this one was drawn. */
export interface ApprovalTerms {
  effectiveFrom: string | null;
  replaces?: boolean;
}

export type StepCheck =
  | { ok: true; to: TerritoryStatus }
  | { ok: false; field: 'status' | 'effectiveFrom' | 'replaces'; reason: string; issue?: Coded };

/**
 * The phase of a version on the reference day.
 * @example phaseOf({ number: 2, status: 'approved', effectiveFrom: '2027-01-01' }, { inForce: false, today: '2026-11-01', latestEffective: null }) // 'scheduled'
 */
export function phaseOf(v: StepSubject, ctx: Pick<StepContext, 'inForce' | 'today'>): TerritoryPhase {
  if (v.status !== 'approved') return v.status;
  if (ctx.inForce) return 'in_force';
  return v.effectiveFrom !== null && v.effectiveFrom > ctx.today ? 'scheduled' : 'superseded';
}

const refuse = (field: 'status' | 'effectiveFrom' | 'replaces', reason: string, issue?: Coded): StepCheck => ({
  ok: false,
  field,
  reason,
  ...(issue && { issue }),
});

/**
 * Whether `action` may be taken on the version now (`effectiveFrom`: the day an approval puts it in force).
 * Returning an approved version to draft is possible only while it is not yet in force.
 *
 * @example
 * checkStep({ number: 3, status: 'draft', effectiveFrom: null }, 'approve', ctx)
 * // { ok: false, field: 'status', reason: 'version 3 is a draft: submit it before it can be approved' }
 */
export function checkStep(
  v: StepSubject,
  action: TerritoryAction,
  ctx: StepContext,
  terms: ApprovalTerms = { effectiveFrom: null },
): StepCheck {
  const { effectiveFrom } = terms;
  const name = `version ${v.number}`;
  switch (action) {
    case 'submit':
      return v.status === 'draft'
        ? { ok: true, to: 'submitted' }
        : refuse(
            'status',
            `${name} is ${v.status === 'submitted' ? 'already submitted' : 'approved'}; only a draft can be submitted`,
            { code: 'submit_not_draft', params: { number: v.number, status: v.status } },
          );
    case 'return': {
      if (v.status === 'submitted') return { ok: true, to: 'draft' };
      if (v.status === 'draft')
        return refuse('status', `${name} is already a draft`, { code: 'already_draft', params: { number: v.number } });
      const phase = phaseOf(v, ctx);
      return phase === 'scheduled'
        ? { ok: true, to: 'draft' }
        : refuse(
            'status',
            `${name} ${phase === 'in_force' ? 'is in force' : 'was in force'} from ${v.effectiveFrom}; it stays on record as ordered — copy it into a new draft to change it`,
            { code: 'stays_on_record', params: { number: v.number, phase, date: v.effectiveFrom ?? '' } },
          );
    }
    case 'approve':
      if (v.status !== 'submitted')
        return v.status === 'draft'
          ? refuse('status', `${name} is a draft: submit it before it can be approved`, {
              code: 'approve_draft',
              params: { number: v.number },
            })
          : refuse('status', `${name} is already approved (in force from ${v.effectiveFrom})`, {
              code: 'already_approved',
              params: { number: v.number, date: v.effectiveFrom ?? '' },
            });
      if (effectiveFrom === null) return refuse('effectiveFrom', 'is required to approve', { code: 'required' });
      if (ctx.latestEffective !== null && effectiveFrom <= ctx.latestEffective)
        return refuse(
          'effectiveFrom',
          `must be after ${ctx.latestEffective}, when the district's latest approved version takes effect: plans in force follow one another in time`,
          { code: 'effective_too_early', params: { date: ctx.latestEffective } },
        );
      // Two drafts drawn from one plan: approving the second would quietly drop what the first changed.
      if (ctx.unseen && terms.replaces !== true)
        return refuse(
          'replaces',
          `${name} was not drawn from version ${ctx.unseen.number}, approved since (in force from ${ctx.unseen.effectiveFrom}): approving it would undo that version's changes. Compare the two, then confirm that ${name} replaces it, or copy version ${ctx.unseen.number} into a new draft`,
          {
            code: 'replaces_unseen',
            params: { number: v.number, unseen: ctx.unseen.number, date: ctx.unseen.effectiveFrom ?? '' },
          },
        );
      return { ok: true, to: 'approved' };
  }
}

/**
 * The steps open to someone on a version: submitting and returning drafts for writers, approving and returning for
 * approvers.
 * @example actionsOpen({ number: 2, status: 'submitted', effectiveFrom: null }, ctx, { write: true, approve: false }) // ['return']
 */
export function actionsOpen(
  v: StepSubject,
  ctx: StepContext,
  may: { write: boolean; approve: boolean },
): TerritoryAction[] {
  const out: TerritoryAction[] = [];
  if (may.write && checkStep(v, 'submit', ctx).ok) out.push('submit');
  if ((may.write && v.status === 'submitted') || (may.approve && checkStep(v, 'return', ctx).ok)) out.push('return');
  if (may.approve && v.status === 'submitted') out.push('approve');
  return out;
}
