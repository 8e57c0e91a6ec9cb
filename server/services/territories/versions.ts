// Changes to territory versions through the user store: a draft copied from a version or from the plan in force,
// saving a draft, the workflow's steps, deleting a draft. Each change is decided inside one store write, so a check
// (still a draft, still the version read, still the latest effective day) cannot be defeated by another request.
import type { Db } from '../../db/database.ts';
import type {
  TerritoryAction,
  TerritoryApproveInput,
  TerritoryCreateInput,
  TerritoryReplaceInput,
} from '../../contract/territories.ts';
import type {
  Actor,
  StoreReads,
  StoredTerritoryVersion,
  TerritoryContent,
  UserStore,
  Versioned,
} from '../../store/types.ts';
import { approvedOf, baselinePlan, type PlanContent } from './content.ts';
import { issue, type ApiIssue, type Coded } from '../../contract/issues.ts';
import { pickInForce, referenceDay } from './in-force.ts';
import { checkStep } from './workflow.ts';

export type Outcome =
  | { status: 'ok'; value: StoredTerritoryVersion }
  | { status: 'missing' }
  | { status: 'stale'; current: Versioned }
  /** the step or change is not open from where the version stands (409), or its input is wrong for it (400) */
  | { status: 'refused'; code: 400 | 403 | 409; field: string; reason: string; issue?: Coded };

/** A refusal with its issue's code and params. */
const refuse = (code: 400 | 403 | 409, i: ApiIssue): Outcome => {
  const { field, reason, ...coded } = i;
  return { status: 'refused', code, field, reason, issue: coded };
};

/** A new draft: a copy of `from` (a version of the same district), or of the plan in force on the reference day. */
export async function createDraft(db: Db, store: UserStore, input: TerritoryCreateInput, by: Actor): Promise<Outcome> {
  const [today, [known]] = await Promise.all([
    referenceDay(db),
    db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM districts WHERE soato = $district', {
      district: input.district,
    }),
  ]);
  if ((known?.n ?? 0) === 0)
    return refuse(
      400,
      issue('district', 'not_found', `no district has SOATO code ${input.district}`, { what: 'district' }),
    );
  return store.write(async (w) => {
    let source: PlanContent;
    let parent: number | null;
    if (input.from !== undefined) {
      const from = await w.territories.get(input.from);
      if (!from) return refuse(400, issue('from', 'not_found', `no version has id ${input.from}`, { what: 'version' }));
      if (from.district !== input.district)
        return refuse(
          400,
          issue(
            'from',
            'version_other_district',
            `version ${input.from} is of district ${from.district}, not ${input.district}`,
            {
              number: from.number,
              district: from.district,
              expected: input.district,
            },
          ),
        );
      source = from;
      parent = from.id;
    } else {
      const picked = pickInForce(await approvedOf(w, input.district), today);
      const inForce = picked ? await w.territories.get(picked.id) : null;
      source = inForce ?? (await baselinePlan(db, input.district));
      parent = inForce?.id ?? null;
    }
    const content: TerritoryContent = {
      name: input.name,
      reason: input.reason,
      posts: source.posts,
      assignments: source.assignments,
    };
    const made = await w.territories.create(
      { ...content, district: input.district, parent },
      'create',
      input.reason,
      by,
    );
    return { status: 'ok', value: made };
  });
}

const notDraft = (v: StoredTerritoryVersion): Outcome => ({
  status: 'refused',
  code: 409,
  field: 'status',
  reason: `version ${v.number} is ${v.status}: only a draft can be changed (return it to draft first, or copy it)`,
  issue: { code: 'not_draft', params: { number: v.number, status: v.status } },
});

/** Saves a draft read at `version`: its whole content. */
export function saveDraft(store: UserStore, id: number, input: TerritoryReplaceInput, by: Actor): Promise<Outcome> {
  const { version, ...content } = input;
  return store.write(async (w) => {
    const current = await w.territories.get(id);
    if (!current) return { status: 'missing' };
    if (current.version !== version) return { status: 'stale', current };
    if (current.status !== 'draft') return notDraft(current);
    return w.territories.replace(id, version, content, by);
  });
}

/** Deletes a draft read at `version` (submitted and approved versions stay on record). */
export function deleteDraft(
  store: UserStore,
  id: number,
  version: number,
  by: Actor,
): Promise<Outcome | { status: 'deleted' }> {
  return store.write(async (w) => {
    const current = await w.territories.get(id);
    if (!current) return { status: 'missing' };
    if (current.version !== version) return { status: 'stale', current };
    if (current.status !== 'draft') return notDraft(current);
    const done = await w.territories.remove(id, version, by);
    return done.status === 'ok' ? { status: 'deleted' } : done;
  });
}

/**
 * The district's latest other approved version, unless `v` was drawn from it or from a copy of it (its parents, walked
 * up): approving `v` would otherwise quietly undo what that version changed.
 */
async function unseenApproval(
  w: { territories: Pick<StoreReads['territories'], 'get'> },
  v: Pick<StoredTerritoryVersion, 'parent'>,
  others: ReadonlyArray<{ id: number; effectiveFrom: string }>,
): Promise<{ number: number; effectiveFrom: string } | null> {
  const latest = others.reduce<(typeof others)[number] | null>(
    (m, o) => (m === null || o.effectiveFrom > m.effectiveFrom ? o : m),
    null,
  );
  if (!latest) return null;
  const walked = new Set<number>();
  for (let p = v.parent; p !== null && !walked.has(p); p = (await w.territories.get(p))?.parent ?? null) {
    if (p === latest.id) return null;
    walked.add(p);
  }
  return { number: (await w.territories.get(latest.id))?.number ?? latest.id, effectiveFrom: latest.effectiveFrom };
}

export interface StepInput {
  version: number;
  reason?: string | undefined;
  /** approval only */
  order?: Pick<TerritoryApproveInput, 'effectiveFrom' | 'orderNumber' | 'orderDate' | 'replaces'>;
}

const DEFAULT_REASON: Record<TerritoryAction, string> = {
  submit: 'submitted for approval',
  return: 'returned to draft',
  approve: 'approved',
};

/**
 * Takes a workflow step on a version read at `version`. `mayApprove`: whether the asker holds territories.approve
 * (only an approver may withdraw an approved version that is not yet in force).
 */
export async function takeStep(
  db: Db,
  store: UserStore,
  id: number,
  action: TerritoryAction,
  input: StepInput,
  mayApprove: boolean,
  by: Actor,
): Promise<Outcome> {
  const today = await referenceDay(db);
  return store.write(async (w) => {
    const current = await w.territories.get(id);
    if (!current) return { status: 'missing' };
    if (current.version !== input.version) return { status: 'stale', current };
    const approved = await approvedOf(w, current.district);
    const others = approved.filter((v) => v.id !== id);
    const check = checkStep(
      current,
      action,
      {
        today,
        inForce: pickInForce(approved, today)?.id === id,
        latestEffective: others.reduce<string | null>(
          (m, v) => (m === null || v.effectiveFrom > m ? v.effectiveFrom : m),
          null,
        ),
        unseen: action === 'approve' ? await unseenApproval(w, current, others) : null,
      },
      { effectiveFrom: input.order?.effectiveFrom ?? null, replaces: input.order?.replaces },
    );
    if (!check.ok) return { ...check, status: 'refused', code: 409 };
    if (action === 'return' && current.status === 'approved' && !mayApprove)
      return refuse(
        403,
        issue(
          'role',
          'approver_only',
          `version ${current.number} is approved: only the district head may withdraw it`,
          {
            number: current.number,
          },
        ),
      );
    const order = check.to === 'approved' ? input.order : undefined;
    return w.territories.step(
      id,
      input.version,
      {
        action,
        to: check.to,
        reason: input.reason ?? DEFAULT_REASON[action],
        effectiveFrom: order?.effectiveFrom ?? null,
        orderNumber: order?.orderNumber ?? null,
        orderDate: order?.orderDate ?? null,
      },
      by,
    );
  });
}
