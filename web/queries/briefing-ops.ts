// The wall screen's operational data (applications, joint actions and plans, coverage gaps), over the typed client.
// Kept apart from briefing.ts, which owns the snapshot and its refresh; this only knows what to fetch for which slide.
import { api } from '../api.ts';
import type { Period } from '../../server/shared/period.ts';
import { ok, type Init } from './client.ts';
import type { ApplicationsFlow } from './applications.ts';
import type { CooperationGaps, JointActionSummary } from './cooperation.ts';
import type { Coverage } from './coverage.ts';
import type { PlanDetail } from './plans.ts';

export interface OpsData {
  flow?: ApplicationsFlow;
  flowPrevious?: ApplicationsFlow;
  actions?: JointActionSummary;
  actionsPrevious?: JointActionSummary;
  /** the model plans running on the period's last day (of the district, when there is one), with fulfilment */
  plans?: PlanDetail[];
  coverage?: Coverage;
  gaps?: CooperationGaps;
}

export type OpsNeed = 'applications' | 'joint_actions' | 'coverage';

/** Fetches, in parallel, what the operational slides in `needs` show for the period (and the one before it). */
export async function loadOps(
  needs: ReadonlySet<OpsNeed>,
  period: Period,
  previous: Period,
  district: string | null,
  init: Init,
): Promise<OpsData> {
  const where = district ? { district } : {};
  const now = { ...period, ...where };
  const before = { ...previous, ...where };
  const when = <T>(need: OpsNeed, load: () => Promise<T>): Promise<T | undefined> =>
    needs.has(need) ? load() : Promise.resolve(undefined);
  const [flow, flowPrevious, actions, actionsPrevious, plans, coverage, gaps] = await Promise.all([
    when('applications', async () => ok(await api.api.applications.flow.$get({ query: now }, init), (r) => r.json())),
    when('applications', async () =>
      ok(await api.api.applications.flow.$get({ query: before }, init), (r) => r.json()),
    ),
    when('joint_actions', async () =>
      ok(await api.api.cooperation.summary.$get({ query: now }, init), (r) => r.json()),
    ),
    when('joint_actions', async () =>
      ok(await api.api.cooperation.summary.$get({ query: before }, init), (r) => r.json()),
    ),
    when('joint_actions', async () => {
      // The plan list has no district parameter: the running plans of the district are picked here.
      const all = await ok(await api.api.plans.$get(undefined, init), (r) => r.json());
      const running = all.filter(
        (p) => p.from <= period.to && p.to >= period.to && (!district || p.district === district),
      );
      return Promise.all(
        running.map(async (p) =>
          ok(await api.api.plans[':id'].$get({ param: { id: String(p.id) } }, init), (r) => r.json()),
        ),
      );
    }),
    when('coverage', async () => ok(await api.api.coverage.$get({ query: now }, init), (r) => r.json())),
    when('coverage', async () => ok(await api.api.cooperation.gaps.$get({ query: now }, init), (r) => r.json())),
  ]);
  return { flow, flowPrevious, actions, actionsPrevious, plans, coverage, gaps };
}
