// Mahallas: their polygons (GeoJSON), one mahalla's card, and the static layers drawn with them (region and district
// outlines, base points).
import { Hono } from 'hono';
import { can, principal, type AppEnv } from '../auth/middleware.ts';
import { RangeQuery } from '../contract/common.ts';
import { MahallaParam, MahallasQuery } from '../contract/mahallas.ts';
import { mahallaShapes, withoutNames } from '../services/mahallas/mahallas.ts';
import { boundariesOf, keptBasePoints } from '../services/mahallas/boundaries.ts';
import { getMahallaCard } from '../services/mahallas/card.ts';
import { assignmentOn, referenceDay } from '../services/territories/in-force.ts';
import type { RouteDeps } from './deps.ts';
import { areaOf, selection } from './selection.ts';
import { validate } from './validate.ts';
import { notFound } from './refusals.ts';

export const mahallaRoutes = ({ db, store }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/mahallas', can('read', 'wall'), validate('query', MahallasQuery), async (c) => {
      const q = c.req.valid('query');
      const { area } = await areaOf(c, db, q.district);
      const a = await assignmentOn(db, store, q.to ?? (await referenceDay(db)));
      const fc = await mahallaShapes(db, area, a, q.zoom);
      return c.json(principal(c).capabilities.has('persons') ? fc : withoutNames(fc), 200);
    })
    .get('/mahallas/:id', can('read'), validate('param', MahallaParam), validate('query', RangeQuery), async (c) => {
      const q = c.req.valid('query');
      const id = c.req.valid('param').id;
      const card = await getMahallaCard(
        db,
        { ...(await selection(c, db, { ...q, mahalla: id }, { mahallaField: 'id' })), mahalla: id },
        q.compare,
        await assignmentOn(db, store, q.to),
      );
      if (!card) return c.json(notFound('mahalla'), 404);
      return c.json(card, 200);
    })
    .get('/boundaries', can('read', 'wall'), async (c) => c.json(await boundariesOf(db), 200))
    .get('/base-points', can('read'), validate('query', MahallasQuery), async (c) => {
      const { districts } = await areaOf(c, db, c.req.valid('query').district);
      return c.json(await keptBasePoints(db, districts), 200);
    });
