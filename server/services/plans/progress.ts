// Plans as read: their items with fulfilment counted from recorded joint actions, and the aggregates a head looks at.
import type { Db, Params } from '../../db/database.ts';
import { SERVICES, SERVICE_LABELS, type JointActionType, type PlanState, type ServiceCode } from '../../contract/catalog.ts';
import { dataPeriod } from '../data-period.ts';
import { aggregate, itemProgress, schedule, type Progress, type Schedule } from '../../shared/fulfilment.ts';

interface ItemRow {
  plan: number;
  inspector: number;
  inspectorName: string;
  service: ServiceCode;
  type: JointActionType;
  required: number;
  done: number;
}

interface PlanRow {
  id: number;
  name: string;
  district: string;
  districtName: string;
  from: string;
  to: string;
  createdAt: string;
  copiedFrom: number | null;
}

export type PlanItem = Omit<ItemRow, 'plan'> & Progress & { expected: number };

export interface PlanSummary extends PlanRow {
  /** the reference day: the first day the data does not cover (see fulfilment.ts) */
  asOf: string;
  schedule: Schedule;
  items: number;
  totals: Progress;
}

export interface PlanDetail extends Omit<PlanSummary, 'items'> {
  items: PlanItem[];
  /** per territory: the inspector, the mahallas of the territory, the progress of the inspector's items */
  byInspector: Array<{ inspector: number; name: string; mahallas: number[] } & Progress>;
  byService: Array<{ service: ServiceCode; label: string } & Progress>;
  /** Columnar, for the map: each mahalla of a planned inspector's territory with the inspector's % and state. */
  mahallas: { ids: number[]; pct: number[]; state: PlanState[] };
}

/**
 * Items of one plan (or of all) with `done` = joint actions of the item's inspector, of its type, with its service,
 * dated within the plan period. Actions are narrowed to the plans' overall span and inspectors before the range join.
 */
async function itemRows(db: Db, planId: number | null): Promise<ItemRow[]> {
  const only = planId === null ? '' : 'WHERE i.plan_id = $id';
  const params: Params = planId === null ? {} : { id: planId };
  return db.all<ItemRow>(
    `WITH it AS (
       SELECT i.plan_id, i.inspector_id, i.service, i.type, i.required, p.period_from, p.period_to
       FROM plan_items i JOIN plans p ON p.id = i.plan_id ${only}),
     acts AS (
       SELECT a.id, a.day, a.inspector_id, a.type FROM joint_actions a
       WHERE a.day BETWEEN (SELECT min(period_from) FROM it) AND (SELECT max(period_to) FROM it)
         AND a.inspector_id IN (SELECT inspector_id FROM it)),
     hits AS (
       SELECT it.plan_id, it.inspector_id, it.service, it.type, count(*) AS n
       FROM it JOIN acts ON acts.inspector_id = it.inspector_id AND acts.type = it.type AND acts.day BETWEEN it.period_from AND it.period_to
       JOIN joint_action_services s ON s.action_id = acts.id AND s.service = it.service
       GROUP BY ALL)
     SELECT it.plan_id AS plan, it.inspector_id AS inspector, ins.name AS inspectorName, it.service::VARCHAR AS service,
            it.type::VARCHAR AS type, it.required, coalesce(hits.n, 0)::INTEGER AS done
     FROM it JOIN inspectors ins ON ins.id = it.inspector_id
     LEFT JOIN hits ON hits.plan_id = it.plan_id AND hits.inspector_id = it.inspector_id AND hits.service = it.service AND hits.type = it.type
     ORDER BY it.plan_id, ins.name, it.inspector_id, enum_code(it.service), enum_code(it.type)`,
    params,
  );
}

async function planRows(db: Db, planId: number | null): Promise<PlanRow[]> {
  return db.all<PlanRow>(
    `SELECT p.id, p.name, p.district_soato AS district, coalesce(d.name_uz, p.district_soato) AS districtName,
            p.period_from::VARCHAR AS "from", p.period_to::VARCHAR AS "to", strftime(p.created_at, '%Y-%m-%dT%H:%M:%S') AS createdAt,
            p.copied_from AS copiedFrom
     FROM plans p LEFT JOIN districts d ON d.soato = p.district_soato
     ${planId === null ? '' : 'WHERE p.id = $id'} ORDER BY p.period_from DESC, p.id DESC`,
    planId === null ? {} : { id: planId },
  );
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}

function withProgress(rows: readonly ItemRow[], s: Schedule): PlanItem[] {
  return rows.map(({ plan: _plan, ...r }) => ({ ...r, ...itemProgress(r.required, r.done, s) }));
}

/** Every plan with its overall fulfilment, newest period first. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const [plans, items, { end: asOf }] = await Promise.all([planRows(db, null), itemRows(db, null), dataPeriod(db)]);
  const byPlan = groupBy(items, (r) => r.plan);
  return plans.map((p) => {
    const s = schedule(p, asOf);
    const list = withProgress(byPlan.get(p.id) ?? [], s);
    return { ...p, asOf, schedule: s, items: list.length, totals: aggregate(list) };
  });
}

/** One plan with its items and the aggregates per territory (inspector), per service and per mahalla; null if none. */
export async function getPlan(db: Db, id: number): Promise<PlanDetail | null> {
  const [[plan], rows, { end: asOf }] = await Promise.all([planRows(db, id), itemRows(db, id), dataPeriod(db)]);
  if (!plan) return null;
  const s = schedule(plan, asOf);
  const items = withProgress(rows, s);
  const inspectorIds = [...new Set(items.map((i) => i.inspector))];
  const territories = await db.all<{ inspector: number; mahallas: number[] }>(
    `SELECT inspector_id AS inspector, list(mahalla_id ORDER BY mahalla_id) AS mahallas FROM territory_assignment
     WHERE list_contains($ids, inspector_id) GROUP BY inspector_id`,
    { ids: inspectorIds },
  );
  const territory = new Map(territories.map((t) => [t.inspector, t.mahallas]));
  const byInspector = [...groupBy(items, (i) => i.inspector).entries()].map(([inspector, list]) => ({
    inspector, name: list[0]?.inspectorName ?? '', mahallas: territory.get(inspector) ?? [], ...aggregate(list),
  }));
  const perService = groupBy(items, (i) => i.service);
  const byService = SERVICES.flatMap((service) => {
    const list = perService.get(service);
    return list ? [{ service, label: SERVICE_LABELS[service], ...aggregate(list) }] : [];
  });
  const mahallas: PlanDetail['mahallas'] = { ids: [], pct: [], state: [] };
  for (const t of byInspector) {
    for (const m of t.mahallas) {
      mahallas.ids.push(m);
      mahallas.pct.push(t.pct);
      mahallas.state.push(t.state);
    }
  }
  return { ...plan, asOf, schedule: s, items, byInspector, byService, mahallas, totals: aggregate(items) };
}
