// The whole-city map draws its mahallas from the vector tiles in real Chromium (its document loaded before the app's
// code ran): tile requests and the mahalla index, never the polygons' GeoJSON; features rendered from the tile source
// with colours joined by id; a filter change fetches no geometry; a click selects the mahalla under the pointer
// (MapLibre picking), a hover names it. The national view of a database of several regions draws Coverage and Hotspots
// from the tiles too, and so do Cooperation, Applications and Plans (unrated mahallas tinted, not hatched, at country
// zoom); the planner and the version comparison fetch no mahalla until a district is chosen. The national map names the
// regions, a region zoomed in its districts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { startWorld, type World } from './harness.ts';
import { AppDriver, mapSettled, watchPage } from './driver.ts';
import { TERRITORY_COLORS } from '../../web/views/coverage/layers.ts';
import { UNRATED_TINT } from '../../web/map/hatch.ts';
import { APP_START_MARK } from '../../web/app-start.ts';
import { EVERY_PAGE, HOT_SPOT_MAP } from '../../server/contract/first-requests.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
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

    // The document had loaded before the app's code ran (web/boot.ts): Chrome's loading animation stopped then.
    const { loaded, appStart } = await page.evaluate(
      (mark) => ({
        loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        appStart: performance.getEntriesByName(mark)[0]?.startTime ?? -1,
      }),
      APP_START_MARK,
    );
    expect(loaded).toBeGreaterThan(0);
    expect(appStart).toBeGreaterThan(loaded);
    // Each answer preloaded with the page was asked for once: the boot script's early fetch took the preload, and the
    // app read that answer instead of asking again (web/early-answers.ts, web/queries/first-answers.ts).
    for (const path of [...EVERY_PAGE, ...HOT_SPOT_MAP])
      expect(
        requests.filter((p) => p === path),
        path,
      ).toHaveLength(1);

    // The base points are MapLibre's own circles and nothing is drawn by deck.gl: no overlay was made for this screen
    // (web/map/deck-overlay.ts; it costs a software-GL first screen ≈ 0.5 s).
    const layers = await page.evaluate(() => {
      const map = window.__hamkorMap!;
      return {
        kinds: map.getLayersOrder().map((id) => `${id}:${map.getLayer(id)?.type}`),
        dots: map.queryRenderedFeatures({ layers: ['base-points'] }).length,
      };
    });
    expect(layers.kinds).toContain('base-points:circle');
    expect(layers.kinds.filter((k) => k.endsWith(':custom'))).toEqual([]);
    expect(layers.dots).toBeGreaterThan(0);
    // Nor was deck.gl's code loaded (its first module sets globalThis.deck): it comes with a page that draws with it.
    expect(await page.evaluate(() => 'deck' in globalThis)).toBe(false);

    // Tiles (the index was asked once, above); no mahalla polygons as GeoJSON.
    expect(
      requests.filter((p) => /^\/api\/tiles\/mahallas\/[0-9a-z-]+\/\d+\/\d+\/\d+\.pbf$/.test(p)).length,
    ).toBeGreaterThan(0);
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

/** Requests (path and query) for every mahalla's shapes as GeoJSON: what a national view must never make. */
const fullGeometry = (urls: readonly string[]): string[] =>
  urls.filter(
    (u) =>
      u.startsWith('/api/mahallas') ||
      /^\/api\/territories(\?|$)/.test(u) ||
      (u.startsWith('/api/coverage/outlines') && !/[?&]district=/.test(u)),
  );
const tileRequests = (paths: readonly string[]): string[] =>
  paths.filter((p) => /^\/api\/tiles\/mahallas\/[0-9a-z-]+\/\d+\/\d+\/\d+\.pbf($|\?)/.test(p));

describe('the first screen', () => {
  it('fetches the tiles while the numbers are on their way, colours them when they come, and draws no sky', async () => {
    const page = await world.newPage({ width: 1440, height: 900 });
    const d = AppDriver.attach(page, world.origin);
    await watchPage(page, world.origin, d.record);
    const tilesIn: string[] = [];
    page.on('requestfinished', (r) => tilesIn.push(...tileRequests([new URL(r.url()).pathname])));
    // The figures are held back until the tiles have come: they are asked for with the map, not after the figures.
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/api\/metrics\?/, async (route) => {
      await held;
      await route.continue();
    });
    // The map's moves and resizes from its making on: a refit that changes nothing must not move it (a frame each).
    // And whether the UI's fonts had loaded when it was made: a font swap after it re-lays the page out around it.
    await page.addInitScript(() => {
      const w = window as unknown as { __moves: string[]; __fontsAtMap: boolean[] };
      w.__moves = [];
      const wait = setInterval(() => {
        const map = window.__hamkorMap;
        if (!map) return;
        clearInterval(wait);
        w.__fontsAtMap = ['400', '600'].map((weight) => document.fonts.check(`${weight} 16px "Noto Sans"`, 'Aa Жж'));
        for (const e of ['resize', 'moveend'] as const) map.on(e, () => w.__moves.push(e));
      }, 5);
    });
    await page.goto(`${world.origin}/`);
    await expect.poll(() => tilesIn.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('legend').count()).toBe(0);
    release();
    await mapSettled(page);
    const drawn = await rendered(d);
    expect(drawn.filter((f) => f.fill !== null).length).toBeGreaterThan(drawn.length / 2);
    // The page kept its size: no resize; the camera moved at most once, to clear the legend when it came. The fonts
    // were in before the app's first render (web/ui-fonts.ts), so none came after the map to re-lay the page out.
    expect(await page.evaluate(() => (window as unknown as { __fontsAtMap: boolean[] }).__fontsAtMap)).toEqual([
      true,
      true,
    ]);
    const moves = await page.evaluate(() => (window as unknown as { __moves: string[] }).__moves);
    expect(moves.filter((e) => e === 'resize')).toEqual([]);
    expect(moves.length).toBeLessThanOrEqual(1);
    // MapLibre's sky (a quad over the whole canvas each frame, under our opaque background) is never drawn: its
    // program was never made (web/map/no-sky.ts).
    const programs = await page.evaluate(() =>
      Object.keys(
        (window.__hamkorMap as unknown as { painter: { programCache: { programs: object } } }).painter.programCache
          .programs,
      ),
    );
    expect(programs.some((k) => k.startsWith('fill'))).toBe(true);
    expect(programs.filter((k) => k.startsWith('sky'))).toEqual([]);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});

describe('the national view of several regions', () => {
  it('draws Coverage and Hotspots from tiles with every region coloured by feature state, no full geometry', async () => {
    await world.restoreDatabase('regions');
    const fc = (await (await world.fetch('/api/mahallas')).json()) as FeatureCollection<
      Geometry,
      { id: number; districtSoato: string }
    >;
    // A district's SOATO code starts with its region's four digits.
    const regionOf = new Map(fc.features.map((f) => [f.properties.id, f.properties.districtSoato.slice(0, 4)]));
    expect(new Set(regionOf.values()).size).toBe(3);
    const cols = (await (await world.fetch('/api/coverage/territories')).json()) as {
      inspectorId: number[];
      districtSoato: string[];
      slot: number[];
      mahallaIds: number[][];
    };
    const slotOf = new Map(cols.mahallaIds.flatMap((ids, k) => ids.map((id) => [id, cols.slot[k]!] as const)));
    const css = (slot: number, alpha: number): string => `rgba(${TERRITORY_COLORS[slot]!.join(',')},${alpha})`;

    const page = await world.newPage({ width: 1440, height: 900 });
    const d = AppDriver.attach(page, world.origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    await watchPage(page, world.origin, d.record);

    // Coverage without a district: every mahalla of the three regions from the tiles, in its territory's colour.
    await page.goto(`${world.origin}/coverage`);
    await mapSettled(page);
    expect(tileRequests(requests).length).toBeGreaterThan(0);
    expect(fullGeometry(requests)).toEqual([]);
    const coverage = await rendered(d);
    // Its markers are deck.gl's: the overlay's code came with the page (the first screen's check above can fail).
    expect(await page.evaluate(() => 'deck' in globalThis)).toBe(true);
    expect(new Set(coverage.map((f) => f.id))).toEqual(new Set(regionOf.keys()));
    expect(new Set(coverage.filter((f) => f.fill !== null).map((f) => regionOf.get(f.id))).size).toBe(3);
    const assigned = coverage.filter((f) => slotOf.has(f.id));
    expect(assigned.length).toBeGreaterThan(coverage.length / 2);
    for (const f of assigned) expect(f.fill).toBe(css(slotOf.get(f.id)!, 0.314));

    // An inspector chosen in the table: their territory darkens by feature state and only their district's dissolved
    // outlines are fetched.
    const k = cols.districtSoato.findIndex((soato) => soato.startsWith('1718'));
    const [inspector, mahalla] = [cols.inspectorId[k]!, cols.mahallaIds[k]![0]!];
    requests.length = 0;
    await page.locator(`[data-testid="inspector-row"][data-id="${inspector}"] .terr-name`).click();
    await expect
      .poll(async () => (await rendered(d)).find((f) => f.id === mahalla)?.fill, { timeout: 20_000 })
      .toBe(css(cols.slot[k]!, 0.588));
    await mapSettled(page);
    expect(requests.filter((u) => u.startsWith('/api/coverage/outlines'))).toEqual([
      `/api/coverage/outlines?district=${cols.districtSoato[k]}`,
    ]);
    expect(fullGeometry(requests)).toEqual([]);

    // Hotspots, the national choropleth: the same tiles, coloured in every region, still no GeoJSON of the mahallas.
    requests.length = 0;
    await page.goto(`${world.origin}/`);
    await mapSettled(page);
    expect(fullGeometry(requests)).toEqual([]);
    const hotspots = await rendered(d);
    expect(new Set(hotspots.map((f) => f.id))).toEqual(new Set(regionOf.keys()));
    expect(new Set(hotspots.filter((f) => f.fill !== null).map((f) => regionOf.get(f.id))).size).toBe(3);
    // Names: the regions' at country zoom, their districts' from a region in (web/map/style.ts DISTRICT_LABEL_MIN_ZOOM).
    const { bbox } = (await (await world.fetch('/api/meta')).json()) as { bbox: [number, number, number, number] };
    const labelsAt = async (zoom: number): Promise<string[]> => {
      await page.goto(`${world.origin}/?v=${(bbox[0] + bbox[2]) / 2},${(bbox[1] + bbox[3]) / 2},${zoom}`);
      await mapSettled(page);
      return page.evaluate(() =>
        window
          .__hamkorMap!.queryRenderedFeatures({ layers: ['region-label', 'district-label'] })
          .map((f) => `${f.layer.id} ${String(f.properties.soato)}`),
      );
    };
    const country = await labelsAt(5.5);
    expect(country.length).toBeGreaterThan(1);
    for (const l of country) expect(l).toMatch(/^region-label \d{4}$/);
    const region = await labelsAt(7.5);
    expect(region.length).toBeGreaterThan(0);
    for (const l of region) expect(l).toMatch(/^district-label \d{7}$/);
    // Unrated mahallas at country zoom: the hatch's tint as their fill, as many as the legend counts, and no pattern
    // drawn (its program never made; the hatch starts at zoom 8, where a mahalla is wider than its lines' spacing).
    // One week of three regions: some mahallas rest on too few incidents.
    await page.goto(`${world.origin}/?from=2026-10-25&to=2026-10-31`);
    await mapSettled(page);
    const week = await rendered(d);
    const note = (await page.getByTestId('legend-note').textContent()) ?? '';
    const unrated = Number(/^Hatched: (\d+)/.exec(note)?.[1] ?? NaN);
    const tint = `rgba(${UNRATED_TINT.slice(0, 3).join(',')},${(UNRATED_TINT[3] / 255).toFixed(3)})`;
    expect(unrated).toBeGreaterThan(0);
    // (A mahalla across a tile border is rendered once per tile: counted once.)
    expect(new Set(week.filter((f) => f.fill === tint).map((f) => f.id)).size).toBe(unrated);
    expect(await page.evaluate(() => window.__hamkorMap!.getZoom())).toBeLessThan(8);
    const programs = await page.evaluate(() =>
      Object.keys(
        (window.__hamkorMap as unknown as { painter: { programCache: { programs: object } } }).painter.programCache
          .programs,
      ),
    );
    expect(programs.filter((k) => k.startsWith('fillPattern'))).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});

describe('every other page at national extent', () => {
  it('draws Cooperation, Applications and Plans from tiles; the planner and comparison fetch no geometry', async () => {
    await world.restoreDatabase('regions');
    const index = (await (await world.fetch('/api/coverage/territories')).json()) as { mahallaIds: number[][] };
    const fc = (await (await world.fetch('/api/mahallas')).json()) as FeatureCollection<Geometry, { id: number }>;
    const every = new Set(fc.features.map((f) => f.properties.id));
    expect(index.mahallaIds.flat().every((id) => every.has(id))).toBe(true);

    const page = await world.newPage({ width: 1440, height: 900 });
    const d = AppDriver.attach(page, world.origin);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
    await watchPage(page, world.origin, d.record);
    // Cooperation and Applications show the whole country; Plans frames the district of the plan it opens on.
    for (const [path, whole] of [
      ['/cooperation', true],
      ['/applications', true],
      ['/plans', false],
    ] as const) {
      requests.length = 0;
      await page.goto(`${world.origin}${path}`);
      await mapSettled(page);
      expect({ path, tiles: tileRequests(requests).length > 0 }).toEqual({ path, tiles: true });
      expect({ path, geometry: fullGeometry(requests) }).toEqual({ path, geometry: [] });
      const drawn = new Set((await rendered(d)).map((f) => f.id));
      expect({ path, drawn: drawn.size > 0 && [...drawn].every((id) => every.has(id)) }).toEqual({ path, drawn: true });
      if (whole) expect({ path, drawn }).toEqual({ path, drawn: every });
    }
    // No district chosen: nothing to edit or compare, so no polygons are fetched at all.
    for (const path of ['/planner', '/territories/diff']) {
      requests.length = 0;
      await page.goto(`${world.origin}${path}`);
      await mapSettled(page);
      expect({ path, geometry: fullGeometry(requests) }).toEqual({ path, geometry: [] });
    }
    expect(d.record.foreignRequests).toEqual([]);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});
