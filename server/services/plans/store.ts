// Writes of model cooperation plans: create, replace, copy to another period, delete (archiving what had fulfilment).
import type { Db } from '../../db/database.ts';
import type { PlanCopyInput, PlanInput, PlanItemInput } from '../../contract/plans.ts';
import { getPlan, type PlanDetail } from './progress.ts';

type Tx = Pick<Db, 'all' | 'run'>;
export interface Issue {
  field: string;
  reason: string;
}

/**
 * What zod cannot know: the district exists and every item's inspector exists and works in that district.
 * @example await checkReferences(db, plan) // [{ field: 'items.2.inspector', reason: 'no inspector has id 999' }]
 */
export async function checkReferences(db: Db, plan: Pick<PlanInput, 'district' | 'items'>): Promise<Issue[]> {
  const ids = [...new Set(plan.items.map((i) => i.inspector))];
  const [districts, inspectors] = await Promise.all([
    db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM districts WHERE soato = $d', { d: plan.district }),
    db.all<{ id: number; district: string }>('SELECT id, district_soato AS district FROM inspectors WHERE list_contains($ids, id)', { ids }),
  ]);
  const issues: Issue[] = [];
  if ((districts[0]?.n ?? 0) === 0) issues.push({ field: 'district', reason: `no district has SOATO code ${plan.district}` });
  const home = new Map(inspectors.map((i) => [i.id, i.district]));
  plan.items.forEach((it, k) => {
    const d = home.get(it.inspector);
    if (d === undefined) issues.push({ field: `items.${k}.inspector`, reason: `no inspector has id ${it.inspector}` });
    else if (d !== plan.district) issues.push({ field: `items.${k}.inspector`, reason: `inspector ${it.inspector} works in district ${d}, not in ${plan.district}` });
  });
  return issues;
}

async function insertItems(tx: Tx, planId: number, items: readonly PlanItemInput[]): Promise<void> {
  await tx.run(
    `INSERT INTO plan_items (plan_id, inspector_id, service, type, required)
     SELECT $id, unnest($inspectors), unnest($services)::service_code, unnest($types)::joint_action_type, unnest($required)`,
    {
      id: planId,
      inspectors: items.map((i) => i.inspector),
      services: items.map((i) => i.service),
      types: items.map((i) => i.type),
      required: items.map((i) => i.required),
    },
  );
}

/** Inserts a plan with its items; returns the new id. `copiedFrom` records the template it came from. */
export async function createPlan(db: Db, plan: PlanInput, copiedFrom: number | null = null): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.all<{ id: number }>(
      `INSERT INTO plans (name, district_soato, period_from, period_to, created_at, copied_from)
       VALUES ($name, $district, $from::DATE, $to::DATE, now()::TIMESTAMP, $copiedFrom) RETURNING id`,
      { name: plan.name, district: plan.district, from: plan.from, to: plan.to, copiedFrom },
    );
    if (!row) throw new Error('INSERT … RETURNING gave no id');
    await insertItems(tx, row.id, plan.items);
    return row.id;
  });
}

/** Replaces a plan's fields and its whole item list; false when there is no such plan. */
export async function replacePlan(db: Db, id: number, plan: PlanInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    const hit = await tx.all<{ id: number }>(
      `UPDATE plans SET name = $name, district_soato = $district, period_from = $from::DATE, period_to = $to::DATE WHERE id = $id RETURNING id`,
      { id, name: plan.name, district: plan.district, from: plan.from, to: plan.to },
    );
    if (hit.length === 0) return false;
    await tx.run('DELETE FROM plan_items WHERE plan_id = $id', { id });
    await insertItems(tx, id, plan.items);
    return true;
  });
}

/** The same items and district for another period; returns the new plan's id, or null when there is no such plan. */
export async function copyPlan(db: Db, id: number, to: PlanCopyInput): Promise<number | null> {
  const source = await getPlan(db, id);
  if (!source) return null;
  const name = to.name ?? `${source.name.replace(/ \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\)$/, '')} (${to.from} – ${to.to})`;
  const items = source.items.map(({ inspector, service, type, required }) => ({ inspector, service, type, required }));
  return createPlan(db, { name, district: source.district, from: to.from, to: to.to, items }, id);
}

export type DeleteOutcome =
  | { status: 'not_found' }
  /** the plan has recorded fulfilment and the caller did not confirm */
  | { status: 'needs_confirmation'; recorded: number; plan: PlanDetail }
  | { status: 'deleted'; archived: boolean };

/**
 * Deletes a plan. One with recorded fulfilment (any joint action counted towards it) needs `confirm`, and is then
 * archived as it stood (plan, items, fulfilment) before it goes; one without is simply deleted.
 */
export async function deletePlan(db: Db, id: number, confirm: boolean): Promise<DeleteOutcome> {
  const plan = await getPlan(db, id);
  if (!plan) return { status: 'not_found' };
  const recorded = plan.items.reduce((s, i) => s + i.done, 0);
  if (recorded > 0 && !confirm) return { status: 'needs_confirmation', recorded, plan };
  await db.transaction(async (tx) => {
    if (recorded > 0) {
      await tx.run(
        `INSERT INTO plans_archive VALUES ($id, $name, $district, $from::DATE, $to::DATE, now()::TIMESTAMP, $snapshot)`,
        { id, name: plan.name, district: plan.district, from: plan.from, to: plan.to, snapshot: JSON.stringify(plan) },
      );
    }
    await tx.run('DELETE FROM plan_items WHERE plan_id = $id', { id });
    await tx.run('DELETE FROM plans WHERE id = $id', { id });
  });
  return { status: 'deleted', archived: recorded > 0 };
}

export interface ArchivedPlan {
  planId: number;
  name: string;
  district: string;
  from: string;
  to: string;
  archivedAt: string;
}

/** Archived copies of deleted plans, most recent first (the snapshot stays in the database for audit). */
export async function listArchivedPlans(db: Db): Promise<ArchivedPlan[]> {
  return db.all<ArchivedPlan>(
    `SELECT plan_id AS planId, name, district_soato AS district, period_from::VARCHAR AS "from", period_to::VARCHAR AS "to",
            strftime(archived_at, '%Y-%m-%dT%H:%M:%S') AS archivedAt
     FROM plans_archive ORDER BY archived_at DESC, plan_id DESC`,
  );
}
