// Model cooperation plans: list, create, read with fulfilment, replace, copy to another period, delete (with confirmation).
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { PlanBody, PlanCopyBody, PlanDeleteQuery, PlanParam } from '../contract/plans.ts';
import { getPlan, listPlans } from '../services/plans/progress.ts';
import { checkReferences, copyPlan, createPlan, deletePlan, listArchivedPlans, replacePlan } from '../services/plans/store.ts';
import { jsonBody, validate } from './validate.ts';

const noPlan = { error: 'not_found' as const, issues: [{ field: 'id', reason: 'no plan has this id' }] };
const invalid = (issues: Array<{ field: string; reason: string }>) => ({ error: 'invalid_request' as const, issues });

export const planRoutes = (db: Db) =>
  new Hono()
    .get('/plans', async (c) => c.json(await listPlans(db), 200))
    .get('/plans/archive', async (c) => c.json(await listArchivedPlans(db), 200))
    .post('/plans', jsonBody, validate('json', PlanBody), async (c) => {
      const body = c.req.valid('json');
      const issues = await checkReferences(db, body);
      if (issues.length > 0) return c.json(invalid(issues), 400);
      const plan = await getPlan(db, await createPlan(db, body));
      return plan ? c.json(plan, 201) : c.json(noPlan, 404);
    })
    .get('/plans/:id', validate('param', PlanParam), async (c) => {
      const plan = await getPlan(db, c.req.valid('param').id);
      return plan ? c.json(plan, 200) : c.json(noPlan, 404);
    })
    .put('/plans/:id', validate('param', PlanParam), jsonBody, validate('json', PlanBody), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const issues = await checkReferences(db, body);
      if (issues.length > 0) return c.json(invalid(issues), 400);
      if (!(await replacePlan(db, id, body))) return c.json(noPlan, 404);
      const plan = await getPlan(db, id);
      return plan ? c.json(plan, 200) : c.json(noPlan, 404);
    })
    .post('/plans/:id/copy', validate('param', PlanParam), jsonBody, validate('json', PlanCopyBody), async (c) => {
      const copied = await copyPlan(db, c.req.valid('param').id, c.req.valid('json'));
      const plan = copied === null ? null : await getPlan(db, copied);
      return plan ? c.json(plan, 201) : c.json(noPlan, 404);
    })
    .delete('/plans/:id', validate('param', PlanParam), validate('query', PlanDeleteQuery), async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await deletePlan(db, id, c.req.valid('query').confirm);
      if (outcome.status === 'not_found') return c.json(noPlan, 404);
      if (outcome.status === 'needs_confirmation') {
        const reason = `plan "${outcome.plan.name}" has ${outcome.recorded} recorded joint action(s) counted towards it; ` +
          'repeat with ?confirm=true to archive a copy and delete it';
        return c.json({ error: 'confirmation_required' as const, issues: [{ field: 'confirm', reason }], recorded: outcome.recorded }, 409);
      }
      return c.json({ deleted: id, archived: outcome.archived }, 200);
    });
