// Map data routes: territories, boundaries, base points, per-mahalla metrics, heat-map points, mahalla cards.
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import { memoAsync } from '../db/per-db.ts';
import { EmergingQuery, HexagonQuery, HotspotQuery, IncidentListQuery, MahallaParam, RangeQuery, TerritoriesQuery } from '../contract/api.ts';
import { getBasePoints, getBoundaries, getTerritories } from '../services/territories.ts';
import { getMetrics } from '../services/metrics.ts';
import { getIncidentPoints } from '../services/points.ts';
import { getMahallaCard } from '../services/mahalla.ts';
import { getHotspots } from '../services/hotspots.ts';
import { getHexagons } from '../services/hexagons.ts';
import { getEmerging } from '../services/emerging.ts';
import { incidentsCsv, listIncidents } from '../services/incidents.ts';
import { getTimeline } from '../services/timeline.ts';
import { validate } from './validate.ts';

export const mapRoutes = (db: Db) => {
  // Boundaries never change while a server runs: their GeoJSON is built once per district key.
  const territories = memoAsync((district: string) => getTerritories(db, district || undefined), new Map());
  const boundaries = memoAsync(() => getBoundaries(db), new Map<string, ReturnType<typeof getBoundaries>>());
  return new Hono()
    .get('/territories', validate('query', TerritoriesQuery), async (c) => {
      return c.json(await territories(c.req.valid('query').district ?? ''), 200);
    })
    .get('/boundaries', async (c) => c.json(await boundaries(''), 200))
    .get('/base-points', validate('query', TerritoriesQuery), async (c) => {
      return c.json(await getBasePoints(db, c.req.valid('query').district), 200);
    })
    .get('/metrics', validate('query', RangeQuery), async (c) => c.json(await getMetrics(db, c.req.valid('query')), 200))
    .get('/hotspots', validate('query', HotspotQuery), async (c) => c.json(await getHotspots(db, c.req.valid('query')), 200))
    .get('/hexagons', validate('query', HexagonQuery), async (c) => {
      const r = await getHexagons(db, c.req.valid('query'));
      if (!('refused' in r)) return c.json(r, 200);
      if (r.refused === 'too_fine') return c.json({ error: 'invalid_request' as const, issues: [{ field: 'res', reason: r.reason }] }, 400);
      return c.json({ error: 'stale_database' as const, issues: [{ field: 'database', reason: r.reason }] }, 503);
    })
    .get('/timeline', validate('query', RangeQuery), async (c) => c.json(await getTimeline(db, c.req.valid('query')), 200))
    .get('/emerging', validate('query', EmergingQuery), async (c) => c.json(await getEmerging(db, c.req.valid('query')), 200))
    .get('/incidents', validate('query', IncidentListQuery), async (c) => c.json(await listIncidents(db, c.req.valid('query')), 200))
    .get('/incidents.csv', validate('query', IncidentListQuery), async (c) => {
      const q = c.req.valid('query');
      return c.body(await incidentsCsv(db, q), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="incidents-mahalla-${q.mahalla}-${q.from}-${q.to}.csv"`,
      });
    })
    .get('/incidents/points', validate('query', RangeQuery), async (c) => {
      const points = await getIncidentPoints(db, c.req.valid('query'));
      return c.body(new Uint8Array(points.buffer), 200, {
        'content-type': 'application/octet-stream',
        'x-point-count': String(points.length / 2),
      });
    })
    .get('/mahallas/:id', validate('param', MahallaParam), validate('query', RangeQuery), async (c) => {
      const card = await getMahallaCard(db, c.req.valid('param').id, c.req.valid('query'));
      if (!card) return c.json({ error: 'not_found' as const, issues: [{ field: 'id', reason: 'no mahalla has this id' }] }, 404);
      return c.json(card, 200);
    });
};
