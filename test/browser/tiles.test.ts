// The whole-city map draws its mahallas from the vector tiles in real Chromium: tile requests and the mahalla index,
// never the polygons' GeoJSON; features rendered from the tile source with colours joined by id; a filter change
// fetches no geometry; a click selects the mahalla under the pointer (MapLibre picking), a hover names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { startWorld, type World } from './harness.ts';
import { AppDriver, mapSettled, watchPage } from './driver.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

/** The rendered tile features' ids and their fill states, read from the live map. */
const rendered = (d: AppDriver) =>
  d.page.evaluate(() => {
    const map = window.__hamkorMap;
    if (!map) return [];
    return map.queryRenderedFeatures({ layers: ['mahalla-tile-fill'] }).map((f) => ({
      id: f.id as number,
      fill: (f.state as { fill?: string }).fill ?? null,
    }));
  });

describe('mahallas from vector tiles', () => {
  it('draws the city from tiles, changes colours without geometry, picks and names the mahalla under the pointer', async () => {
    const fc = (await (await world.fetch('/api/mahallas')).json()) as FeatureCollection<
      Polygon | MultiPolygon,
      { id: number; name: string; areaKm2: number }
    >;
    const biggest = [...fc.features].sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2)[0]!;
    const [lon, lat] = pointOnFeature(biggest).geometry.coordinates as [number, number];

    const page = await world.newPage({ width: 1440, height: 900 });
    const d = AppDriver.attach(page, world.origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}/`);
    await mapSettled(page);

    // Tiles and the index, once; no mahalla polygons as GeoJSON.
    expect(
      requests.filter((p) => /^\/api\/tiles\/mahallas\/[0-9a-z-]+\/\d+\/\d+\/\d+\.pbf$/.test(p)).length,
    ).toBeGreaterThan(0);
    expect(requests.filter((p) => p === '/api/tiles/mahalla-index')).toHaveLength(1);
    expect(requests.filter((p) => p.startsWith('/api/mahallas'))).toEqual([]);

    // Every mahalla is drawn from the tile source, coloured through its feature state.
    const before = await rendered(d);
    expect(new Set(before.map((f) => f.id)).size).toBe(fc.features.length);
    expect(before.filter((f) => f.fill !== null).length).toBeGreaterThan(fc.features.length / 2);
    const stats = await d.canvasStats();
    expect(stats.distinct).toBeGreaterThan(12);
    expect(stats.nonBackground).toBeGreaterThan(0.2);

    // A filter change: new numbers, new colours, no geometry.
    requests.length = 0;
    await d.toggleCategory('fraud');
    expect(requests.filter((p) => p.startsWith('/api/mahallas') || p.startsWith('/api/tiles'))).toEqual([]);
    const after = await rendered(d);
    const fillOf = (fs: typeof before) => JSON.stringify([...new Map(fs.map((f) => [f.id, f.fill])).entries()].sort());
    expect(fillOf(after)).not.toBe(fillOf(before));

    // The tile feature under the point is that mahalla; a hover names it, a click opens its card and outlines it.
    const xy = await page.evaluate(([x, y]) => window.__hamkorMap!.project([x, y]), [lon, lat] as const);
    const under = await page.evaluate(
      ({ x, y }) => window.__hamkorMap!.queryRenderedFeatures([x, y], { layers: ['mahalla-tile-fill'] })[0]?.id,
      xy,
    );
    expect(under).toBe(biggest.properties.id);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + xy.x, box.y + xy.y);
    await expect(page.getByTestId('tile-tooltip').textContent()).resolves.toContain(biggest.properties.name);
    await d.clickAt(lon, lat);
    expect(await d.cardTitle()).toBe(biggest.properties.name);
    await mapSettled(page);
    const outlined = await page.evaluate(() =>
      window.__hamkorMap!.queryRenderedFeatures({ layers: ['mahalla-selected'] }).map((f) => f.id),
    );
    expect(new Set(outlined)).toEqual(new Set([biggest.properties.id]));
    expect(d.record.foreignRequests).toEqual([]);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});
