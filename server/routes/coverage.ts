// Inspector coverage routes: workload of every territory, dissolved territory outlines (or the territories as mahalla
// ids), one inspector's card; each under the plan in force on the last day asked
// (server/services/territories/in-force.ts).
import { Hono } from 'hono';
import { CoverageQuery, InspectorParam, InspectorQuery, OutlinesQuery, normsOf } from '../contract/coverage.ts';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { seesInspector } from '../auth/principal.ts';
import { audited } from '../http/audit.ts';
import { mahallaColumns } from '../selection/mahallas.ts';
import { getCoverage, staff } from '../services/coverage/coverage.ts';
import { getOutlines, getTerritoryColumns } from '../services/coverage/outlines.ts';
import { getInspectorCard } from '../services/coverage/inspector-card.ts';
import { assignmentOn, referenceDay } from '../services/territories/in-force.ts';
import type { RouteDeps } from './deps.ts';
import { areaOf, selection } from './selection.ts';
import { validate } from './validate.ts';
import { issue } from '../contract/issues.ts';
import { notFound } from './refusals.ts';

const noInspector = notFound('inspector');

export const coverageRoutes = ({ db, store, http }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/coverage', can('read', 'wall'), validate('query', CoverageQuery), async (c) => {
      const q = c.req.valid('query');
      const sel = await selection(c, db, q);
      return c.json(await getCoverage(db, sel, normsOf(q), await assignmentOn(db, store, sel.period.to)), 200);
    })
    .get('/coverage/outlines', can('read'), validate('query', OutlinesQuery), async (c) => {
      const q = c.req.valid('query');
      const { districts } = await areaOf(c, db, q.district);
      const a = await assignmentOn(db, store, q.to ?? (await referenceDay(db)));
      return c.json(await getOutlines(db, districts, principal(c).capabilities.has('persons'), a), 200);
    })
    // The same territories without shapes (the map draws them from the mahalla tiles): what a national view asks.
    .get('/coverage/territories', can('read'), validate('query', OutlinesQuery), async (c) => {
      const q = c.req.valid('query');
      const { districts } = await areaOf(c, db, q.district);
      const a = await assignmentOn(db, store, q.to ?? (await referenceDay(db)));
      return c.json(await getTerritoryColumns(db, districts, principal(c).capabilities.has('persons'), a), 200);
    })
    .get(
      '/inspectors/:id',
      can('persons'),
      audited(store, 'inspectors.view', http.trustProxy),
      validate('param', InspectorParam),
      validate('query', InspectorQuery),
      async (c) => {
        const id = c.req.valid('param').id;
        const q = c.req.valid('query');
        const a = await assignmentOn(db, store, q.to);
        const [s, m] = await Promise.all([staff(db, a), mahallaColumns(db)]);
        const k = s.byId.get(id);
        const insp = k === undefined ? undefined : s.inspectors[k];
        if (!insp) return c.json(noInspector, 404);
        if (!seesInspector(principal(c), insp, (mid) => m.district[m.index.get(mid) ?? -1])) {
          return c.json(
            {
              error: 'forbidden' as const,
              issues: [issue('id', 'outside_area', 'this inspector works outside the area you may see')],
            },
            403,
          );
        }
        const card = await getInspectorCard(db, id, q, normsOf(q), a);
        return card ? c.json(card, 200) : c.json(noInspector, 404);
      },
    );
