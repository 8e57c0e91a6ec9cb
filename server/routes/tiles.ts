// Mahalla boundaries as vector tiles (server/tiles/): the TileJSON MapLibre reads, then one gzipped tile per request,
// cached by the browser for good (the URL changes with the boundaries), 304 on a repeated ETag and 204 where a tile
// holds no mahalla; and the mahalla index (ids, names, centroids, boxes) the map reads beside them. Boundaries are
// geography, not records: every signed-in user (and the wall screen) gets them all; the map draws only the mahallas
// of the asker's area.
import { Hono } from 'hono';
import { can, type AppEnv } from '../auth/middleware.ts';
import { TileParams } from '../contract/tiles.ts';
import { MAHALLA_LAYER, OUTLINE_LAYER, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../tiles/build.ts';
import { tileSet } from '../tiles/tiles.ts';
import { mahallaIndexOf } from '../tiles/mahalla-index.ts';
import { PACKED_TYPE } from '../shared/packed.ts';
import type { RouteDeps } from './deps.ts';
import { validate } from './validate.ts';
import { issue } from '../contract/issues.ts';

export const tileRoutes = ({ db }: RouteDeps) =>
  new Hono<AppEnv>()
    // What a national map needs of every mahalla besides its shape (server/tiles/mahalla-index.ts); kept and
    // compressed once by servedOnce (server/app.ts).
    .get('/tiles/mahalla-index', can('read', 'wall'), async (c) =>
      c.body(await mahallaIndexOf(db), 200, { 'content-type': PACKED_TYPE }),
    )
    .get('/tiles/mahallas.json', can('read', 'wall'), async (c) => {
      const { fingerprint } = await tileSet(db);
      const origin = new URL(c.req.url).origin;
      return c.json(
        {
          tilejson: '3.0.0',
          name: 'Hamkor mahallas',
          scheme: 'xyz',
          tiles: [`${origin}/api/tiles/mahallas/${fingerprint}/{z}/{x}/{y}.pbf`],
          minzoom: TILE_MIN_ZOOM,
          maxzoom: TILE_MAX_ZOOM,
          fingerprint,
          vector_layers: [
            {
              id: MAHALLA_LAYER,
              fields: { district: 'String' },
              minzoom: TILE_MIN_ZOOM,
              maxzoom: TILE_MAX_ZOOM,
            },
            // The region and district borders (server/geo/borders.ts); MapLibre refuses a style layer whose source
            // layer a TileJSON it read does not name.
            { id: OUTLINE_LAYER, fields: { kind: 'String' }, minzoom: TILE_MIN_ZOOM, maxzoom: TILE_MAX_ZOOM },
          ],
        },
        200,
      );
    })
    .get('/tiles/mahallas/:fp/:z/:x/:file', can('read', 'wall'), validate('param', TileParams), async (c) => {
      const { fp, z, x, file } = c.req.valid('param');
      const set = await tileSet(db);
      if (fp !== set.fingerprint)
        return c.json(
          {
            error: 'not_found' as const,
            issues: [issue('fp', 'map_changed', 'the boundaries have changed: reload the map')],
          },
          404,
        );
      const key = `${z}/${x}/${file.slice(0, -4)}`;
      const etag = `"${fp}/${key}"`;
      const headers = { 'cache-control': 'private, max-age=31536000, immutable', etag };
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
      const tile = set.tiles.get(key);
      if (!tile) return c.body(null, 204, headers);
      return c.body(new Uint8Array(tile), 200, {
        ...headers,
        'content-type': 'application/vnd.mapbox-vector-tile',
        'content-encoding': 'gzip',
      });
    });
