// Model cooperation plans: list, create, read with fulfilment, replace, copy to another period, delete. Plans of the
// asker's area only; changes by roles that write plans; every change names the version it was read at (409 if stale),
// and one to a plan with recorded fulfilment must be confirmed (its state is archived first).
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  PlanBody,
  PlanCopyBody,
  PlanDeleteQuery,
  PlanParam,
  PlanReplaceBody,
  PlanReplaceQuery,
} from '../contract/plans.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { actorOf, seesDistrict } from '../auth/principal.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { detail, summarise } from '../services/plans/progress.ts';
import { assignmentOn } from '../services/territories/in-force.ts';
import {
  checkReferences,
  copyPlan,
  createPlan,
  deletePlan,
  replacePlan,
  type ChangeOutcome,
} from '../services/plans/store.ts';
import type { StoredPlan, Versioned } from '../store/types.ts';
import type { RouteDeps } from './deps.ts';
import { jsonBody, validate } from './validate.ts';
import { notFound, outside, staleIssue } from './refusals.ts';
import { issue, type ApiIssue } from '../contract/issues.ts';

const noPlan = notFound('plan');
const invalid = (issues: ApiIssue[]) => ({ error: 'invalid_request' as const, issues });
const stale = (current: Versioned) => ({
  error: 'conflict' as const,
  issues: [
    staleIssue(
      current,
      `changed by ${current.updatedBy} at ${current.updatedAt} (now version ${current.version}); reload to see their change, then apply yours again`,
    ),
  ],
  current: { version: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy },
});
const confirmFirst = (o: { recorded: number; name: string }, verb: string) => ({
  error: 'confirmation_required' as const,
  issues: [
    issue(
      'confirm',
      'confirm_recorded',
      `plan "${o.name}" has ${o.recorded} recorded joint action(s) counted towards it; repeat with ?confirm=true to archive its current state and ${verb} it`,
      { name: o.name, recorded: o.recorded, verb },
    ),
  ],
  recorded: o.recorded,
});

export const planRoutes = ({ db, store }: RouteDeps) => {
  const sees = async (c: Context<AppEnv>, district: string): Promise<boolean> => {
    const m = await mahallaColumns(db);
    return seesDistrict(principal(c), district, (id) => m.district[m.index.get(id) ?? -1]);
  };
  /** The plan, if it exists and lies in the asker's area; the refusal to send otherwise. */
  const visible = async (c: Context<AppEnv>, id: number): Promise<StoredPlan | 'missing' | 'outside'> => {
    const plan = await store.plans.get(id);
    if (!plan) return 'missing';
    return (await sees(c, plan.district)) ? plan : 'outside';
  };
  const persons = (c: Context<AppEnv>): boolean => principal(c).capabilities.has('persons');
  /** The plan with fulfilment, its territories as the plan in force on its last day has them. */
  const show = async (c: Context<AppEnv>, plan: StoredPlan) =>
    detail(db, plan, persons(c), await assignmentOn(db, store, plan.to));
  return new Hono<AppEnv>()
    .get('/plans', can('read', 'wall'), async (c) => {
      const all = await store.plans.list();
      const mine = (await Promise.all(all.map(async (p) => ((await sees(c, p.district)) ? p : null)))).filter(
        (p): p is StoredPlan => p !== null,
      );
      return c.json(await summarise(db, mine, persons(c)), 200);
    })
    .get('/plans/archive', can('read'), async (c) => {
      const all = await store.plans.archive();
      const mine = (await Promise.all(all.map(async (p) => ((await sees(c, p.district)) ? p : null)))).filter(
        (p) => p !== null,
      );
      return c.json(mine, 200);
    })
    .post('/plans', can('plans.write'), jsonBody, validate('json', PlanBody), async (c) => {
      const body = c.req.valid('json');
      if (!(await sees(c, body.district))) return c.json(outside('district'), 403);
      const issues = await checkReferences(db, body);
      if (issues.length > 0) return c.json(invalid(issues), 400);
      return c.json(await show(c, await createPlan(store, body, actorOf(principal(c)))), 201);
    })
    .get('/plans/:id', can('read', 'wall'), validate('param', PlanParam), async (c) => {
      const plan = await visible(c, c.req.valid('param').id);
      if (plan === 'missing') return c.json(noPlan, 404);
      if (plan === 'outside') return c.json(outside('id'), 403);
      return c.json(await show(c, plan), 200);
    })
    .put(
      '/plans/:id',
      can('plans.write'),
      validate('param', PlanParam),
      validate('query', PlanReplaceQuery),
      jsonBody,
      validate('json', PlanReplaceBody),
      async (c) => {
        const { id } = c.req.valid('param');
        const { version, ...body } = c.req.valid('json');
        const plan = await visible(c, id);
        if (plan === 'missing') return c.json(noPlan, 404);
        if (plan === 'outside' || !(await sees(c, body.district)))
          return c.json(outside(plan === 'outside' ? 'id' : 'district'), 403);
        const issues = await checkReferences(db, body);
        if (issues.length > 0) return c.json(invalid(issues), 400);
        const out: ChangeOutcome = await replacePlan(
          store,
          db,
          id,
          version,
          body,
          c.req.valid('query').confirm,
          actorOf(principal(c)),
        );
        if (out.status === 'missing') return c.json(noPlan, 404);
        if (out.status === 'stale') return c.json(stale(out.current), 409);
        if (out.status === 'needs_confirmation') return c.json(confirmFirst(out, 'replace'), 409);
        return c.json({ ...(await show(c, out.plan)), archived: out.archived }, 200);
      },
    )
    .post(
      '/plans/:id/copy',
      can('plans.write'),
      validate('param', PlanParam),
      jsonBody,
      validate('json', PlanCopyBody),
      async (c) => {
        const plan = await visible(c, c.req.valid('param').id);
        if (plan === 'missing') return c.json(noPlan, 404);
        if (plan === 'outside') return c.json(outside('id'), 403);
        const copied = await copyPlan(store, plan.id, c.req.valid('json'), actorOf(principal(c)));
        return copied ? c.json(await show(c, copied), 201) : c.json(noPlan, 404);
      },
    )
    .delete(
      '/plans/:id',
      can('plans.write'),
      validate('param', PlanParam),
      validate('query', PlanDeleteQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        const q = c.req.valid('query');
        const plan = await visible(c, id);
        if (plan === 'missing') return c.json(noPlan, 404);
        if (plan === 'outside') return c.json(outside('id'), 403);
        const out = await deletePlan(store, db, id, q.version ?? null, q.confirm, actorOf(principal(c)));
        if (out.status === 'missing') return c.json(noPlan, 404);
        if (out.status === 'stale') return c.json(stale(out.current), 409);
        if (out.status === 'needs_confirmation') return c.json(confirmFirst(out, 'delete'), 409);
        return c.json({ deleted: id, archived: out.archived }, 200);
      },
    );
};
