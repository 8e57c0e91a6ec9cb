// Cooperation of services: joint-action summary, the per-mahalla layer, the inspector × service matrix, gaps, before/after.
import { Hono } from 'hono';
import { BeforeAfterQuery, GapQuery, JointActionQuery } from '../contract/cooperation.ts';
import { can, type AppEnv } from '../auth/middleware.ts';
import {
  getInspectorServiceMatrix,
  getJointActionLayer,
  getJointActionSummary,
} from '../services/cooperation/actions.ts';
import { getCooperationGaps } from '../services/cooperation/gaps.ts';
import { getBeforeAfter } from '../services/cooperation/before-after.ts';
import { assignmentOn } from '../services/territories/in-force.ts';
import type { RouteDeps } from './deps.ts';
import { selection } from './selection.ts';
import { validate } from './validate.ts';

export const cooperationRoutes = ({ db, store }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/cooperation/summary', can('read', 'wall'), validate('query', JointActionQuery), async (c) =>
      c.json(await getJointActionSummary(db, await selection(c, db, c.req.valid('query'))), 200),
    )
    .get('/cooperation/mahallas', can('read', 'wall'), validate('query', JointActionQuery), async (c) =>
      c.json(await getJointActionLayer(db, await selection(c, db, c.req.valid('query'))), 200),
    )
    .get('/cooperation/matrix', can('read'), validate('query', JointActionQuery), async (c) =>
      c.json(await getInspectorServiceMatrix(db, await selection(c, db, c.req.valid('query'))), 200),
    )
    .get('/cooperation/gaps', can('read', 'wall'), validate('query', GapQuery), async (c) => {
      const q = c.req.valid('query');
      // The gap rule reads incident categories, so hot spots are always of incidents (whatever records the map shows).
      const sel = await selection(c, db, { ...q, source: 'incidents' });
      return c.json(await getCooperationGaps(db, sel, q, await assignmentOn(db, store, sel.period.to)), 200);
    })
    .get('/cooperation/before-after', can('read'), validate('query', BeforeAfterQuery), async (c) =>
      c.json(await getBeforeAfter(db, await selection(c, db, c.req.valid('query'))), 200),
    );
