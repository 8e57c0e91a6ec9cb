// Plans as read: their items (from the user store) with fulfilment counted from the analytics database's recorded
// joint actions, and the aggregates a head looks at. Inspectors' names appear only for principals allowed to see them.
import type { Db } from '../../db/database.ts';
import { keptPerDb } from '../../db/kept.ts';
import {
  JOINT_ACTION_TYPES,
  SERVICES,
  SERVICE_LABELS,
  type JointActionType,
  type PlanState,
  type ServiceCode,
} from '../../contract/catalog.ts';
import type { StoredPlan } from '../../store/types.ts';
import { dataPeriod } from '../data-period.ts';
import { aggregate, itemProgress, schedule, type Progress, type Schedule } from '../../shared/fulfilment.ts';
import { territoryOf, type Assignment } from '../territories/in-force.ts';

interface Done {
  plan: number;
  inspector: number;
  service: ServiceCode;
  type: JointActionType;
  done: number;
}

export interface PlanItem extends Progress {
  inspector: number;
  /** null when the asker may not see inspectors' names */
  inspectorName: string | null;
  service: ServiceCode;
  type: JointActionType;
  required: number;
  done: number;
  expected: number;
}

export interface PlanSummary extends Omit<StoredPlan, 'items'> {
  districtName: string;
  /** the reference day: the first day the data does not cover (see server/shared/fulfilment.ts) */
  asOf: string;
  schedule: Schedule;
  items: number;
  totals: Progress;
}

export interface PlanDetail extends Omit<PlanSummary, 'items'> {
  items: PlanItem[];
  /** per territory: the inspector, the mahallas of the territory, the progress of the inspector's items */
  byInspector: Array<{ inspector: number; name: string | null; mahallas: number[] } & Progress>;
  byService: Array<{ service: ServiceCode; label: string } & Progress>;
  /** Columnar, for the map: each mahalla of a planned inspector's territory with the inspector's % and state. */
  mahallas: { ids: number[]; pct: number[]; state: PlanState[] };
}

/** An item as its fulfilment is counted: what, by whom, in which plan's period. */
interface CountedItem {
  plan: number;
  inspector: number;
  service: ServiceCode;
  type: JointActionType;
  from: string;
  to: string;
}

/**
 * `done` of every item of the plans (server/db/kept.ts keeps the counts of the few item lists asked last, until the
 * analytics data change: the plan list is asked on every visit of the plans page, ≈ 15–20 ms of joins nationally, and
 * its items change only when a plan is saved, which makes another list and so another key).
 */
function doneCounts(db: Db, plans: readonly StoredPlan[]): Promise<Map<string, number>> {
  const items = plans.flatMap((p) =>
    p.items.map((i): CountedItem => ({
      plan: p.id,
      inspector: i.inspector,
      service: i.service,
      type: i.type,
      from: p.from,
      to: p.to,
    })),
  );
  return keptDone(db, items);
}

const keptDone = keptPerDb((items: readonly CountedItem[]) => JSON.stringify(items), countDone, 16);

/**
 * `done` of every item = joint actions of the item's inspector, of its type, with its service, dated within its plan's
 * period. The items travel as lists; actions are narrowed to the plans' span and inspectors first.
 */
async function countDone(db: Db, items: readonly CountedItem[]): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const rows = await db.all<Done>(
    `WITH it AS (
       SELECT unnest($plan::INTEGER[]) AS plan, unnest($inspector::INTEGER[]) AS inspector, unnest($service::VARCHAR[]) AS service,
              unnest($type::VARCHAR[]) AS type, unnest($from::VARCHAR[])::DATE AS f, unnest($to::VARCHAR[])::DATE AS t),
     acts AS (
       SELECT a.id, a.day, a.inspector_id, a.type::VARCHAR AS type FROM joint_actions a
       WHERE a.day BETWEEN (SELECT min(f) FROM it) AND (SELECT max(t) FROM it) AND a.inspector_id IN (SELECT inspector FROM it))
     SELECT it.plan, it.inspector, it.service, it.type, count(s.action_id)::INTEGER AS done
     FROM it LEFT JOIN acts ON acts.inspector_id = it.inspector AND acts.type = it.type AND acts.day BETWEEN it.f AND it.t
     LEFT JOIN joint_action_services s ON s.action_id = acts.id AND s.service::VARCHAR = it.service
     GROUP BY ALL`,
    {
      plan: items.map((i) => i.plan),
      inspector: items.map((i) => i.inspector),
      service: items.map((i) => i.service),
      type: items.map((i) => i.type),
      from: items.map((i) => i.from),
      to: items.map((i) => i.to),
    },
  );
  return new Map(rows.map((r) => [`${r.plan}|${r.inspector}|${r.service}|${r.type}`, r.done]));
}

/** Names of inspectors and districts, read once per call from the analytics database. */
async function names(db: Db, inspectors: readonly number[], districts: readonly string[]) {
  const [ins, dis] = await Promise.all([
    db.all<{ id: number; name: string }>(
      'SELECT id, name FROM inspectors WHERE id IN (SELECT unnest($ids::INTEGER[]))',
      { ids: [...inspectors] },
    ),
    db.all<{ soato: string; name: string }>(
      'SELECT soato, name_uz AS name FROM districts WHERE soato IN (SELECT unnest($ids::VARCHAR[]))',
      { ids: [...districts] },
    ),
  ]);
  return { inspector: new Map(ins.map((r) => [r.id, r.name])), district: new Map(dis.map((r) => [r.soato, r.name])) };
}

/** The plans' items with progress, in the order a head reads them (inspector name, then service and type). */
async function progressOf(db: Db, plans: readonly StoredPlan[], persons: boolean) {
  const [done, { end: asOf }, n] = await Promise.all([
    doneCounts(db, plans),
    dataPeriod(db),
    names(
      db,
      [...new Set(plans.flatMap((p) => p.items.map((i) => i.inspector)))],
      [...new Set(plans.map((p) => p.district))],
    ),
  ]);
  const order = (a: PlanItem, b: PlanItem): number =>
    (n.inspector.get(a.inspector) ?? '').localeCompare(n.inspector.get(b.inspector) ?? '') ||
    a.inspector - b.inspector ||
    SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service) ||
    JOINT_ACTION_TYPES.indexOf(a.type) - JOINT_ACTION_TYPES.indexOf(b.type);
  return plans.map((p) => {
    const s = schedule(p, asOf);
    const items = p.items
      .map((i): PlanItem => {
        const d = done.get(`${p.id}|${i.inspector}|${i.service}|${i.type}`) ?? 0;
        return {
          ...i,
          inspectorName: persons ? (n.inspector.get(i.inspector) ?? '') : null,
          ...itemProgress(i.required, d, s),
        };
      })
      .sort(order);
    const { items: _items, ...rest } = p;
    return { plan: { ...rest, districtName: n.district.get(p.district) ?? p.district, asOf, schedule: s }, items };
  });
}

/** Plans with their overall fulfilment, newest period first. */
export async function summarise(db: Db, plans: readonly StoredPlan[], persons: boolean): Promise<PlanSummary[]> {
  return (await progressOf(db, plans, persons)).map(({ plan, items }) => ({
    ...plan,
    items: items.length,
    totals: aggregate(items),
  }));
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

/**
 * One plan with its items and the aggregates per territory (inspector), per service and per mahalla; the territories
 * are those of `a`, the plan in force on the plan's last day.
 */
export async function detail(db: Db, stored: StoredPlan, persons: boolean, a: Assignment): Promise<PlanDetail> {
  const [progress] = await progressOf(db, [stored], persons);
  if (!progress) throw new Error('a plan without progress');
  const { plan, items } = progress;
  const byInspector = [...groupBy(items, (i) => i.inspector).entries()].map(([inspector, list]) => ({
    inspector,
    name: list[0]?.inspectorName ?? null,
    mahallas: territoryOf(a, inspector),
    ...aggregate(list),
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
  return { ...plan, items, byInspector, byService, mahallas, totals: aggregate(items) };
}
