// Hot-spot map data: per-mahalla metrics and Gi*, hexagons, emerging hot spots, the time line, heat-map points, and the
// records behind a mahalla's numbers (a page, or CSV).
import { Hono, type Context } from 'hono';
import { can, type AppEnv } from '../auth/middleware.ts';
import { audited } from '../http/audit.ts';
import { RangeQuery } from '../contract/common.ts';
import { EmergingQuery, HexagonQuery, HotspotQuery, RecordListQuery } from '../contract/hotspots.ts';
import { keptMetrics, keptTimeline } from '../services/hotspots/kept.ts';
import { getRecordPoints } from '../services/hotspots/points.ts';
import { HeatBinsQuery } from '../contract/heat.ts';
import { getHeatBins } from '../services/hotspots/heat.ts';
import { PACKED_TYPE, pack } from '../shared/packed.ts';
import { getHotspots } from '../services/hotspots/hotspots.ts';
import { getHexagons, type HexagonRefusal } from '../services/hotspots/hexagons.ts';
import { hexagonRows, packHexagons } from '../shared/hexagon-columns.ts';
import { getEmerging } from '../services/hotspots/emerging.ts';
import { listRecords, recordsCsv } from '../services/hotspots/records.ts';
import { attachmentHeader } from '../services/export/text.ts';
import { ExportLang, exportLangRefusal, recordsFileName } from '../services/export/records-file.ts';
import { ScanQuery } from '../contract/scan.ts';
import { getScan } from '../services/hotspots/scan.ts';
import type { RouteDeps } from './deps.ts';
import { selection } from './selection.ts';
import { validate } from './validate.ts';
import { issue } from '../contract/issues.ts';

/** 400 for a resolution too fine for the study area, 503 with a rebuild hint for a database without H3 cells. */
const refusedHexagons = (c: Context, r: HexagonRefusal) =>
  r.refused === 'too_fine'
    ? c.json(
        {
          error: 'invalid_request' as const,
          issues: [issue('res', 'resolution_too_fine', r.reason, { res: r.res ?? 0, max: r.max ?? 0 })],
        },
        400,
      )
    : c.json({ error: 'stale_database' as const, issues: [issue('database', 'stale_database', r.reason)] }, 503);

export const hotspotRoutes = ({ db, store, http }: RouteDeps) =>
  new Hono<AppEnv>()
    .get('/metrics', can('read', 'wall'), validate('query', RangeQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await keptMetrics(db, [await selection(c, db, q), q.compare]), 200);
    })
    .get('/hotspots', can('read', 'wall'), validate('query', HotspotQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await getHotspots(db, await selection(c, db, q), q.fdr), 200);
    })
    .get('/hotspots/scan', can('read'), validate('query', ScanQuery), async (c) => {
      const q = c.req.valid('query');
      const r = await getScan(db, await selection(c, db, q), q);
      if ('refused' in r)
        return c.json(
          {
            error: 'invalid_request' as const,
            issues: [issue(r.refused, 'scan_too_large', r.reason, { share: r.share, mahallas: r.mahallas })],
          },
          400,
        );
      return c.json(r, 200);
    })
    .get('/hexagons', can('read'), validate('query', HexagonQuery), async (c) => {
      const r = await getHexagons(db, await selection(c, db, c.req.valid('query')), c.req.valid('query'));
      return 'refused' in r ? refusedHexagons(c, r) : c.json({ ...r.meta, ...hexagonRows(r.columns) }, 200);
    })
    // The same answer as packed columns (server/shared/packed.ts), as the map reads it: no JSON made or parsed.
    .get('/hexagons/columns', can('read'), validate('query', HexagonQuery), async (c) => {
      const r = await getHexagons(db, await selection(c, db, c.req.valid('query')), c.req.valid('query'));
      if ('refused' in r) return refusedHexagons(c, r);
      return c.body(packHexagons(r.meta, r.columns), 200, { 'content-type': PACKED_TYPE });
    })
    .get('/timeline', can('read'), validate('query', RangeQuery), async (c) =>
      c.json(await keptTimeline(db, await selection(c, db, c.req.valid('query'))), 200),
    )
    .get('/emerging', can('read', 'wall'), validate('query', EmergingQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await getEmerging(db, await selection(c, db, q), q.bin), 200);
    })
    .get(
      '/records',
      can('locations'),
      audited(store, 'records.view', http.trustProxy),
      validate('query', RecordListQuery),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(await listRecords(db, { ...(await selection(c, db, q)), mahalla: q.mahalla }, q), 200);
      },
    )
    .get(
      '/records.csv',
      can('locations'),
      audited(store, 'records.export', http.trustProxy),
      validate('query', RecordListQuery),
      async (c) => {
        const q = c.req.valid('query');
        const lang = ExportLang.safeParse(c.req.query('lang'));
        if (!lang.success) return c.json(exportLangRefusal, 400);
        const file = await recordsFileName(db, q, lang.data);
        return c.body(await recordsCsv(db, await selection(c, db, q), lang.data), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachmentHeader(file),
        });
      },
    )
    // The heat map at national and regional zoom: records per H3 cell (packed centres and weights), not points.
    .get('/records/heat', can('read'), validate('query', HeatBinsQuery), async (c) => {
      const q = c.req.valid('query');
      const r = await getHeatBins(db, await selection(c, db, q), q.res, q.bbox);
      return c.body(pack(r.meta, r.columns), 200, { 'content-type': PACKED_TYPE });
    })
    .get(
      '/records/points',
      can('read'),
      audited(
        store,
        'records.points',
        http.trustProxy,
        (c) => c.get('principal')?.capabilities.has('locations') === true,
      ),
      validate('query', RangeQuery),
      async (c) => {
        const { points, withoutPoint } = await getRecordPoints(db, await selection(c, db, c.req.valid('query')));
        return c.body(new Uint8Array(points.buffer), 200, {
          'content-type': 'application/octet-stream',
          'x-point-count': String(points.length / 2),
          // records of the view imported with only a mahalla code: counted in its figures, never drawn
          'x-without-point': String(withoutPoint),
        });
      },
    );
