// Demo model cooperation plans, written into a new user store beside demo data: last quarter's (ended) and this
// quarter's (running) for one district,
// with required counts chosen from the recorded joint actions so that every fulfilment state appears:
// the ended plan has done and overdue items, the running one done, on-track and behind items.
import type { Db } from '../server/db/database.ts';
import type { JointActionType, ServiceCode } from '../server/contract/catalog.ts';
import { MAX_REQUIRED, type PlanItemInput } from '../server/contract/plans.ts';
import { quarters, schedule } from '../server/shared/fulfilment.ts';
import { addDays, type Period } from '../server/shared/period.ts';
import { createPlan } from '../server/services/plans/store.ts';
import type { UserStore } from '../server/store/types.ts';
import { demoPlanName } from '../server/shared/system-names.ts';

/** Inspectors per plan: enough for every state, few enough to read in one table. */
const INSPECTORS = 9;
/** Items per inspector: the two service × type pairs the inspector worked most in the period. */
const PAIRS = 2;
const FALLBACK: Array<{ service: ServiceCode; type: JointActionType }> = [
  { service: 'criminal_investigation', type: 'joint_raid' },
  { service: 'patrol', type: 'joint_patrol' },
];

type Intent = 'done' | 'on_track' | 'behind' | 'overdue';

/** A required count that puts `done` actions (of `elapsed`/`total` plan days) into the intended state. */
function requiredFor(intent: Intent, done: number, elapsed: number, total: number): number {
  const ratio = total / Math.max(1, elapsed);
  const n =
    intent === 'done'
      ? Math.max(1, done)
      : intent === 'overdue'
        ? done + 2
        : intent === 'on_track'
          ? Math.max(done + 1, Math.round(done * ratio))
          : Math.ceil(2 * (done + 2) * ratio); // behind: twice the pro-rata pace, far outside the tolerance
  return Math.min(MAX_REQUIRED, n);
}

async function pairCounts(
  db: Db,
  district: string,
  p: Period,
): Promise<Map<number, Array<{ service: ServiceCode; type: JointActionType; n: number }>>> {
  const rows = await db.all<{ inspector: number; service: ServiceCode; type: JointActionType; n: number }>(
    `SELECT a.inspector_id AS inspector, s.service::VARCHAR AS service, a.type::VARCHAR AS type, count(*)::INTEGER AS n
     FROM joint_actions a JOIN joint_action_services s ON s.action_id = a.id
     WHERE a.day BETWEEN $from::DATE AND $to::DATE AND a.inspector_id IN (SELECT id FROM inspectors WHERE district_soato = $d)
     GROUP BY a.inspector_id, s.service, a.type ORDER BY inspector, n DESC, enum_code(s.service), enum_code(a.type)`,
    { from: p.from, to: p.to, d: district },
  );
  const out = new Map<number, Array<{ service: ServiceCode; type: JointActionType; n: number }>>();
  for (const r of rows) out.set(r.inspector, [...(out.get(r.inspector) ?? []), r]);
  return out;
}

async function planItems(
  db: Db,
  district: string,
  inspectors: number[],
  p: Period,
  asOf: string,
  intentOf: (k: number) => [Intent, Intent],
): Promise<PlanItemInput[]> {
  const counts = await pairCounts(db, district, p);
  const s = schedule(p, asOf);
  return inspectors.flatMap((inspector, k) => {
    const worked = counts.get(inspector) ?? [];
    const pairs = [
      ...worked,
      ...FALLBACK.filter((f) => !worked.some((w) => w.service === f.service && w.type === f.type)).map((f) => ({
        ...f,
        n: 0,
      })),
    ];
    return pairs.slice(0, PAIRS).map((pair, j) => ({
      inspector,
      service: pair.service,
      type: pair.type,
      required: requiredFor(intentOf(k)[j] ?? 'done', pair.n, s.elapsed, s.total),
    }));
  });
}

/**
 * Seeds the two demo plans for the district with the most inspectors (ties: lowest code) into the user store, from
 * the analytics database's joint actions. `asOf` is the first day without data (the demo's "today").
 */
export async function seedDemoPlans(db: Db, store: UserStore, asOf: string): Promise<number[]> {
  const [district] = await db.all<{ soato: string; name: string }>(
    `SELECT d.soato, d.name_uz AS name FROM inspectors i JOIN districts d ON d.soato = i.district_soato
     GROUP BY ALL ORDER BY count(*) DESC, d.soato LIMIT 1`,
  );
  if (!district) return [];
  const inspectors = (
    await db.all<{ id: number }>('SELECT id FROM inspectors WHERE district_soato = $d ORDER BY id LIMIT $n', {
      d: district.soato,
      n: INSPECTORS,
    })
  ).map((r) => r.id);
  const { current, previous } = quarters(addDays(asOf, -1));
  // A system text (server/shared/system-names.ts): the web says it in the reader's language.
  const label = (p: Period): string =>
    demoPlanName(Math.floor(Number(p.from.slice(5, 7)) / 3) + 1, p.from.slice(0, 4), district.name);
  // Ended plan: even territories met it, odd ones fell short on their second item.
  const past = await planItems(db, district.soato, inspectors, previous, asOf, (k) =>
    k % 2 === 0 ? ['done', 'done'] : ['done', 'overdue'],
  );
  // Running plan: a third each done, on track and behind.
  const now = await planItems(db, district.soato, inspectors, current, asOf, (k) => {
    const intent = (['done', 'on_track', 'behind'] as const)[k % 3] ?? 'done';
    return [intent, intent];
  });
  const by = { accountId: null, username: 'hamkor' };
  const ids = [
    (
      await createPlan(
        store,
        {
          name: label(previous),
          district: district.soato,
          ...previous,
          items: past,
        },
        by,
      )
    ).id,
    (
      await createPlan(
        store,
        {
          name: label(current),
          district: district.soato,
          ...current,
          items: now,
        },
        by,
      )
    ).id,
  ];
  return ids;
}
