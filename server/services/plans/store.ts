// Changes to model cooperation plans, through the user store: create, replace, copy to another period, delete. A plan
// with recorded fulfilment is replaced or deleted only when confirmed, and its state is archived first; each change is
// decided inside one store write, so two requests can never both archive, or both pass a check the other defeats.
import type { Db } from '../../db/database.ts';
import type { PlanCopyInput, PlanInput } from '../../contract/plans.ts';
import type { Actor, StoredPlan, UserStore, Versioned } from '../../store/types.ts';
import { detail } from './progress.ts';
import { assignmentOn } from '../territories/in-force.ts';
import { issue, type ApiIssue } from '../../contract/issues.ts';
import { COPY_SUFFIX } from '../../shared/system-names.ts';

export type Issue = ApiIssue;

/**
 * The issue of a reference to a mahalla or inspector: none has the id (`found` undefined), or it lies in another
 * district than `district`; null when it is in order.
 * @example referenceIssue('items.2.inspector', 'inspector', 999, undefined, '1726294') // reason 'no inspector has id 999'
 */
export function referenceIssue(
  field: string,
  what: 'mahalla' | 'inspector',
  id: number,
  found: string | undefined,
  district: string,
): Issue | null {
  if (found === undefined) return issue(field, 'unknown_reference', `no ${what} has id ${id}`, { what, id });
  if (found === district) return null;
  const reason = `${what} ${id} ${what === 'mahalla' ? 'lies' : 'works'} in district ${found}, not in ${district}`;
  return issue(field, 'wrong_district', reason, { what, id, district: found, expected: district });
}

/**
 * What zod cannot know: the district exists and every item's inspector exists and works in that district.
 * @example await checkReferences(db, plan) // [{ field: 'items.2.inspector', reason: 'no inspector has id 999' }]
 */
export async function checkReferences(db: Db, plan: Pick<PlanInput, 'district' | 'items'>): Promise<Issue[]> {
  const ids = [...new Set(plan.items.map((i) => i.inspector))];
  const [districts, inspectors] = await Promise.all([
    db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM districts WHERE soato = $d', { d: plan.district }),
    db.all<{ id: number; district: string }>(
      'SELECT id, district_soato AS district FROM inspectors WHERE id IN (SELECT unnest($ids::INTEGER[]))',
      { ids },
    ),
  ]);
  const issues: Issue[] = [];
  if ((districts[0]?.n ?? 0) === 0)
    issues.push(issue('district', 'not_found', `no district has SOATO code ${plan.district}`, { what: 'district' }));
  const home = new Map(inspectors.map((i) => [i.id, i.district]));
  plan.items.forEach((it, k) => {
    const d = home.get(it.inspector);
    const wrong = referenceIssue(`items.${k}.inspector`, 'inspector', it.inspector, d, plan.district);
    if (wrong) issues.push(wrong);
  });
  return issues;
}

const fields = (p: PlanInput) => ({ name: p.name, district: p.district, from: p.from, to: p.to, items: p.items });

/** Joint actions already counted towards a plan, and the snapshot its archive copy would hold. */
async function recorded(db: Db, store: UserStore, plan: StoredPlan): Promise<{ count: number; snapshot: string }> {
  const d = await detail(db, plan, true, await assignmentOn(db, store, plan.to));
  return { count: d.items.reduce((s, i) => s + i.done, 0), snapshot: JSON.stringify(d) };
}

export type ChangeOutcome =
  | { status: 'ok'; plan: StoredPlan; archived: boolean }
  | { status: 'missing' }
  | { status: 'stale'; current: Versioned }
  /** the plan has recorded fulfilment and the caller did not confirm */
  | { status: 'needs_confirmation'; recorded: number; name: string };

export const createPlan = (
  store: UserStore,
  plan: PlanInput,
  by: Actor,
  copiedFrom: number | null = null,
): Promise<StoredPlan> => store.write((w) => w.plans.create(fields(plan), copiedFrom, by));

/** Replaces a plan read at `version`; one with recorded fulfilment needs `confirm`, and its old state is archived. */
export function replacePlan(
  store: UserStore,
  db: Db,
  id: number,
  version: number,
  plan: PlanInput,
  confirm: boolean,
  by: Actor,
): Promise<ChangeOutcome> {
  return store.write(async (w) => {
    const current = await w.plans.get(id);
    if (!current) return { status: 'missing' };
    if (current.version !== version) return { status: 'stale', current };
    const r = await recorded(db, store, current);
    if (r.count > 0 && !confirm) return { status: 'needs_confirmation', recorded: r.count, name: current.name };
    if (r.count > 0) await w.plans.archiveCopy(id, r.snapshot, by);
    const out = await w.plans.replace(id, version, fields(plan), by);
    return out.status === 'ok' ? { status: 'ok', plan: out.value, archived: r.count > 0 } : out;
  });
}

/** Deletes a plan; one with recorded fulfilment needs `confirm` and is archived as it stood before it goes. */
export function deletePlan(
  store: UserStore,
  db: Db,
  id: number,
  version: number | null,
  confirm: boolean,
  by: Actor,
): Promise<Exclude<ChangeOutcome, { status: 'ok' }> | { status: 'ok'; archived: boolean }> {
  return store.write(async (w) => {
    const current = await w.plans.get(id);
    if (!current) return { status: 'missing' };
    if (version !== null && current.version !== version) return { status: 'stale', current };
    const r = await recorded(db, store, current);
    if (r.count > 0 && !confirm) return { status: 'needs_confirmation', recorded: r.count, name: current.name };
    const done = await w.plans.remove(id, version, r.count > 0 ? r.snapshot : null, by);
    return done.status === 'ok' ? { status: 'ok', archived: done.value.archived } : done;
  });
}

/** The same items and district for another period, as a new plan that records where it came from. */
export async function copyPlan(store: UserStore, id: number, to: PlanCopyInput, by: Actor): Promise<StoredPlan | null> {
  const source = await store.plans.get(id);
  if (!source) return null;
  const name = to.name ?? `${source.name.replace(COPY_SUFFIX, '')} (${to.from} – ${to.to})`;
  return createPlan(store, { name, district: source.district, from: to.from, to: to.to, items: source.items }, by, id);
}
