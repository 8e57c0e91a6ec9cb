// GET /api/tiles/mahallas.json and /api/tiles/mahallas/:fp/:z/:x/:y.pbf over the fixture database: the TileJSON, a
// gzipped tile with the mahallas and their attributes as stored, 304 on a repeated ETag, 204 where no mahalla is, 400
// on a bad address, and new tiles (a new fingerprint, the old one refused) once the boundaries change.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bumpDataEpoch } from '../../../server/db/per-db.ts';
import { givenFixture } from '../../fixtures/api/fixture-app.ts';
import { decodeTile } from '../tiles/tile-decode.ts';

/** The zoom-8 tile holding (lon, lat). */
const tileOf = (lon: number, lat: number, z = 8) => {
  const n = 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n),
  };
};

describe('mahalla tiles', () => {
  it('serves the TileJSON, the tiles, 304s, 204s and 400s, and cuts new tiles when the boundaries change', async () => {
    const f = await givenFixture();
    const meta = await f.app.request('/api/tiles/mahallas.json');
    expect(meta.status).toBe(200);
    const tj = (await meta.json()) as {
      tiles: string[];
      minzoom: number;
      maxzoom: number;
      fingerprint: string;
      vector_layers: Array<{ id: string }>;
    };
    // MapLibre, reading the TileJSON itself (the wall screen), refuses a style layer of a layer it does not name.
    expect(tj.vector_layers.map((l) => l.id)).toEqual(['mahallas', 'outlines']);
    expect(tj.minzoom).toBe(4);
    expect(tj.maxzoom).toBe(12);
    expect(tj.tiles[0]).toBe(`http://localhost/api/tiles/mahallas/${tj.fingerprint}/{z}/{x}/{y}.pbf`);

    const { x, y } = tileOf(69.3, 41.25);
    const url = `/api/tiles/mahallas/${tj.fingerprint}/8/${x}/${y}.pbf`;
    const res = await f.app.request(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const tile = decodeTile(gunzipSync(new Uint8Array(await res.arrayBuffer())));
    const stored = await f.db.all<{ id: number; district: string }>(
      'SELECT id, district_soato AS district FROM mahallas ORDER BY id',
    );
    expect(tile.features.map((t) => ({ id: t.id, ...t.props })).sort((a, b) => a.id - b.id)).toEqual(stored);
    // The land and the region's and districts' borders come in the same tile (the map cuts no GeoJSON of its own).
    const borders = decodeTile(gunzipSync(new Uint8Array(await (await f.app.request(url)).arrayBuffer())), 'outlines');
    expect(borders.features.map((b) => b.props.kind).sort()).toEqual(['district', 'land', 'region']);

    const again = await f.app.request(url, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await f.app.request(`/api/tiles/mahallas/${tj.fingerprint}/8/${x + 5}/${y}.pbf`)).status).toBe(204);
    for (const bad of ['8/-1/1.pbf', '25/1/1.pbf', `8/${x}/${y}.png`]) {
      const r = await f.app.request(`/api/tiles/mahallas/${tj.fingerprint}/${bad}`);
      expect(r.status, bad).toBe(400);
    }
    // The tiles are kept in the database beside the boundaries they were cut from.
    const [{ n } = { n: 0 }] = await f.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM boundary_tiles');
    expect(n).toBeGreaterThan(8);

    // A boundary change (as an import makes it): new fingerprint, the old tiles refused with the reason.
    await f.db.run(
      `UPDATE mahallas SET geometry = '{"type":"Polygon","coordinates":[[[69.35,41.25],[69.4,41.25],[69.4,41.31],[69.35,41.3],[69.35,41.25]]]}' WHERE id = 4`,
    );
    bumpDataEpoch(f.db);
    const tj2 = (await (await f.app.request('/api/tiles/mahallas.json')).json()) as { fingerprint: string };
    expect(tj2.fingerprint).not.toBe(tj.fingerprint);
    const old = await f.app.request(url);
    expect(old.status).toBe(404);
    expect(await old.json()).toEqual({
      error: 'not_found',
      issues: [{ field: 'fp', reason: 'the boundaries have changed: reload the map', code: 'map_changed' }],
    });
    expect((await f.app.request(`/api/tiles/mahallas/${tj2.fingerprint}/8/${x}/${y}.pbf`)).status).toBe(200);

    // So does a district's outline (a district import): the borders are cut into the tiles.
    await f.db.run(
      `UPDATE districts SET geometry = '{"type":"Polygon","coordinates":[[[69.2,41.2],[69.31,41.2],[69.31,41.25],[69.2,41.25],[69.2,41.2]]]}' WHERE soato = '1726287'`,
    );
    bumpDataEpoch(f.db);
    const tj3 = (await (await f.app.request('/api/tiles/mahallas.json')).json()) as { fingerprint: string };
    expect(tj3.fingerprint).not.toBe(tj2.fingerprint);
  });
});
