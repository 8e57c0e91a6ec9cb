// The territory planner's district model for the editor page: one district's mahallas with the workload inputs of the
// app's default period (the last 90 days of data), their borders and the inspectors' base points.
import { Hono } from 'hono';
import { PlannerModelQuery } from '../contract/planner.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { seesDistrict } from '../auth/principal.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { addDays, defaultRange } from '../shared/period.ts';
import { notFound, outside } from './refusals.ts';
import { dataPeriod } from '../services/data-period.ts';
import { loadDistrictModel } from '../services/planner/district-model.ts';
import { modelInputOf } from '../services/planner/model-input.ts';
import type { RouteDeps } from './deps.ts';
import { validate } from './validate.ts';

export const plannerRoutes = ({ db }: RouteDeps) =>
  new Hono<AppEnv>().get('/planner/model', can('read'), validate('query', PlannerModelQuery), async (c) => {
    const { district } = c.req.valid('query');
    const m = await mahallaColumns(db);
    if (!seesDistrict(principal(c), district, (id) => m.district[m.index.get(id) ?? -1]))
      return c.json(outside('district'), 403);
    if (!m.district.includes(district)) return c.json(notFound('district', 'district', 'has no mahallas'), 404);
    const period = defaultRange(addDays((await dataPeriod(db)).end, -1));
    const { model } = await loadDistrictModel(db, { districts: [district], period });
    return c.json({ district, period, ...modelInputOf(model) }, 200);
  });
