// Model cooperation plans in the DuckDB store: the plan, its items (replaced as a whole), the archive of deleted ones.
import type { PlanItemInput } from '../../contract/plans.ts';
import type { Actor, ArchivedPlan, PlanFields, StoreWrites, StoredPlan, WriteResult } from '../types.ts';
import { VERSION_COLS, iso, nowUtc, type Q } from './sql.ts';

type PlanRow = Omit<StoredPlan, 'items'>;
type ItemRow = PlanItemInput & { plan: number };

const SELECT = `SELECT id, name, district_soato AS district, period_from::VARCHAR AS "from", period_to::VARCHAR AS "to",
  ${iso('created_at')} AS "createdAt", created_by AS "createdBy", copied_from AS "copiedFrom", ${VERSION_COLS} FROM plans`;
const ITEMS = `SELECT plan_id AS plan, inspector_id AS inspector, service, type, required FROM plan_items`;

async function withItems(q: Q, plans: PlanRow[]): Promise<StoredPlan[]> {
  if (plans.length === 0) return [];
  const items = await q.all<ItemRow>(
    `${ITEMS} WHERE plan_id IN (SELECT unnest($ids::INTEGER[])) ORDER BY plan_id, inspector_id, service, type`,
    { ids: plans.map((p) => p.id) },
  );
  const byPlan = new Map<number, PlanItemInput[]>();
  for (const { plan, ...it } of items) (byPlan.get(plan) ?? byPlan.set(plan, []).get(plan))?.push(it);
  return plans.map((p) => ({ ...p, items: byPlan.get(p.id) ?? [] }));
}

async function insertItems(q: Q, planId: number, items: readonly PlanItemInput[]): Promise<void> {
  if (items.length === 0) return;
  await q.run(
    `INSERT INTO plan_items SELECT $id, unnest($inspectors::INTEGER[]), unnest($services::VARCHAR[]), unnest($types::VARCHAR[]), unnest($required::INTEGER[])`,
    {
      id: planId,
      inspectors: items.map((i) => i.inspector),
      services: items.map((i) => i.service),
      types: items.map((i) => i.type),
      required: items.map((i) => i.required),
    },
  );
}

export function planOps(q: Q): StoreWrites['plans'] {
  const get = async (id: number): Promise<StoredPlan | null> =>
    (await withItems(q, await q.all<PlanRow>(`${SELECT} WHERE id = $id`, { id })))[0] ?? null;
  const archiveCopy = async (id: number, snapshot: string, by: Actor): Promise<boolean> => {
    const current = await get(id);
    if (!current) return false;
    await q.run(
      `INSERT INTO plans_archive VALUES ($id, $name, $district, $from::DATE, $to::DATE, $at::TIMESTAMP, $by, $snapshot)`,
      {
        id,
        name: current.name,
        district: current.district,
        from: current.from,
        to: current.to,
        at: nowUtc(),
        by: by.username,
        snapshot,
      },
    );
    return true;
  };
  return {
    list: async () => withItems(q, await q.all<PlanRow>(`${SELECT} ORDER BY period_from DESC, id DESC`)),
    get,
    archive: () =>
      q.all<ArchivedPlan>(
        `SELECT plan_id AS "planId", name, district_soato AS district, period_from::VARCHAR AS "from", period_to::VARCHAR AS "to",
                ${iso('archived_at')} AS "archivedAt", archived_by AS "archivedBy"
         FROM plans_archive ORDER BY archived_at DESC, plan_id DESC`,
      ),
    async create(p: PlanFields, copiedFrom, by) {
      const at = nowUtc();
      const [row] = await q.all<{ id: number }>(
        `INSERT INTO plans (name, district_soato, period_from, period_to, created_at, created_by, copied_from, version, updated_at, updated_by)
         VALUES ($name, $district, $from::DATE, $to::DATE, $at::TIMESTAMP, $by, $copiedFrom, 1, $at::TIMESTAMP, $by) RETURNING id`,
        { name: p.name, district: p.district, from: p.from, to: p.to, at, by: by.username, copiedFrom },
      );
      if (!row) throw new Error('INSERT … RETURNING gave no plan');
      await insertItems(q, row.id, p.items);
      const made = await get(row.id);
      if (!made) throw new Error('a plan just written cannot be read back');
      return made;
    },
    async replace(id, version, p, by): Promise<WriteResult<StoredPlan>> {
      const current = await get(id);
      if (!current) return { status: 'missing' };
      if (current.version !== version) return { status: 'stale', current };
      await q.run(
        `UPDATE plans SET name = $name, district_soato = $district, period_from = $from::DATE, period_to = $to::DATE,
           version = version + 1, updated_at = $at::TIMESTAMP, updated_by = $by WHERE id = $id`,
        { id, name: p.name, district: p.district, from: p.from, to: p.to, at: nowUtc(), by: by.username },
      );
      await q.run('DELETE FROM plan_items WHERE plan_id = $id', { id });
      await insertItems(q, id, p.items);
      const after = await get(id);
      return after ? { status: 'ok', value: after } : { status: 'missing' };
    },
    snapshots: async (planId) =>
      (
        await q.all<{ s: string }>(
          'SELECT snapshot AS s FROM plans_archive WHERE plan_id = $planId ORDER BY archived_at DESC',
          { planId },
        )
      ).map((r) => r.s),
    archiveCopy,
    async remove(id, version, snapshot, by): Promise<WriteResult<{ archived: boolean }>> {
      const current = await get(id);
      if (!current) return { status: 'missing' };
      if (version !== null && current.version !== version) return { status: 'stale', current };
      if (snapshot !== null) await archiveCopy(id, snapshot, by);
      await q.run('DELETE FROM plan_items WHERE plan_id = $id', { id });
      await q.run('DELETE FROM plans WHERE id = $id', { id });
      return { status: 'ok', value: { archived: snapshot !== null } };
    },
  };
}
