// The coverage and applications pages in real Chromium against the real server and a test-scale database:
// outlines and the inspector table render with the API's numbers, a click opens the inspector's card and frames the
// territory, a link reopens that card, and the applications page shows the flow's totals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bbox, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';
import { TerritoriesDriver } from './coverage-driver.ts';

let world: World;
const PERIOD = 'from=2026-08-03&to=2026-10-31';
type Outlines = FeatureCollection<MultiPolygon, { inspectorId: number; name: string; mahallas: number }>;

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
});

afterAll(async () => {
  await world?.close();
});

const api = async <T>(path: string): Promise<T> => (await (await world.fetch(path)).json()) as T;

async function expectClean(d: AppDriver): Promise<void> {
  expect(d.record.foreignRequests).toEqual([]);
  expect(d.record.consoleErrors).toEqual([]);
  await d.close();
}

describe('coverage page', () => {
  it('draws the territory outlines and a table with one row per inspector', async () => {
    const coverage = await api<{ totals: { inspectors: number; overloaded: number } }>(`/api/coverage?${PERIOD}`);
    const outlines = await api<Outlines>('/api/coverage/outlines');
    expect(outlines.features).toHaveLength(coverage.totals.inspectors);
    const d = await AppDriver.open(world, `coverage?${PERIOD}`);
    const t = new TerritoriesDriver(d);
    expect(await t.inspectorCount()).toBe(coverage.totals.inspectors);
    expect(await t.inspectorRowIds()).toHaveLength(coverage.totals.inspectors);
    const stats = await d.canvasStats();
    expect(stats.distinct).toBeGreaterThan(12);
    // The two test districts, framed clear of the attribution, cover ≈ 19 % of this short map; an empty map is 0.
    expect(stats.nonBackground).toBeGreaterThan(0.12);
    await expect(d.page.getByTestId('territory-legend').textContent()).resolves.toContain('Unassigned mahalla');
    await expectClean(d);
  });

  it('opens the card of an inspector clicked in the table and marks the row', async () => {
    const outlines = await api<Outlines>('/api/coverage/outlines');
    const target = outlines.features[3]!.properties;
    const d = await AppDriver.open(world, `coverage?${PERIOD}`);
    const t = new TerritoriesDriver(d);
    await t.inspectorRowIds();
    await t.clickInspectorRow(target.inspectorId);
    expect(await t.cardTitle()).toBe(target.name);
    await expect(
      d.page.locator(`[data-testid="inspector-row"][data-id="${target.inspectorId}"]`).getAttribute('class'),
    ).resolves.toContain('selected');
    await expectClean(d);
  });

  it('opens the card of an inspector whose territory is clicked on the map', async () => {
    const outlines = await api<Outlines>('/api/coverage/outlines');
    const biggest = [...outlines.features].sort((a, b) => b.properties.mahallas - a.properties.mahallas)[0]!;
    const [lon, lat] = pointOnFeature(biggest).geometry.coordinates as [number, number];
    const d = await AppDriver.open(world, `coverage?${PERIOD}`);
    await d.clickAt(lon, lat);
    expect(await new TerritoriesDriver(d).cardTitle()).toBe(biggest.properties.name);
    await expectClean(d);
  });

  it('reopens the card of the selected inspector when the link is reloaded', async () => {
    const outlines = await api<Outlines>('/api/coverage/outlines');
    const target = outlines.features[3]!.properties;
    const d = await AppDriver.open(world, `coverage?${PERIOD}`);
    const t = new TerritoriesDriver(d);
    await t.inspectorRowIds();
    await t.clickInspectorRow(target.inspectorId);
    await t.cardTitle();
    expect(new URL(d.url()).searchParams.get('i')).toBe(String(target.inspectorId));
    await d.page.reload();
    await d.waitForMap();
    expect(await t.cardTitle()).toBe(target.name);
    await expect(
      d.page.locator(`[data-testid="inspector-row"][data-id="${target.inspectorId}"]`).getAttribute('class'),
    ).resolves.toContain('selected');
    await expectClean(d);
  });

  it('moves the camera to the territory of an inspector chosen in the table', async () => {
    const outlines = await api<Outlines>('/api/coverage/outlines');
    const target = outlines.features[3]!;
    const d = await AppDriver.open(world, `coverage?${PERIOD}`);
    const t = new TerritoriesDriver(d);
    await t.inspectorRowIds();
    const camera = () =>
      d.page.evaluate(() => {
        const map = window.__hamkorMap;
        return map ? { moving: map.isMoving(), zoom: map.getZoom(), bounds: map.getBounds().toArray().flat() } : null;
      });
    const before = await camera();
    await t.clickInspectorRow(target.properties.inspectorId);
    // Settled zoom, 0 while the camera is still flying.
    await expect
      .poll(
        async () => {
          const c = await camera();
          return c && !c.moving ? c.zoom : 0;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan((before?.zoom ?? 99) + 0.5);
    const [w, s, e, n] = bbox(target);
    const [bw, bs, be, bn] = (await camera())?.bounds ?? [];
    expect([bw! <= w, bs! <= s, be! >= e, bn! >= n]).toEqual([true, true, true, true]);
    await expectClean(d);
  });

  it('sorts the table by residents, largest first, its overload pills inside the table at 1440 px', async () => {
    const coverage = await api<{ inspectors: { id: number[]; residents: number[] } }>(`/api/coverage?${PERIOD}`);
    const most =
      coverage.inspectors.id[coverage.inspectors.residents.indexOf(Math.max(...coverage.inspectors.residents))];
    // Norms low enough that rows carry all three pills, the widest the flags cell gets, in Russian, the longest words.
    const tight = 'normResidents=1000&normIncidents=1&normDistanceKm=0.5&lang=ru';
    const d = await AppDriver.open(world, `coverage?${PERIOD}&${tight}`);
    const t = new TerritoriesDriver(d);
    await t.sortBy('residents');
    expect((await t.inspectorRowIds())[0]).toBe(most);
    expect(await d.page.locator('[data-testid=inspector-row]:has(.terr-flag:nth-child(3))').count()).toBeGreaterThan(0);
    expect(await d.pastRightEdge('.terr-flag', '.terr-scroll')).toBe(0);
    await expectClean(d);
  });
});

describe('applications page', () => {
  it('shows the flow totals and breakdowns the API computes', async () => {
    const flow = await api<{ total: { n: number; open: number; overdue: number }; byReceiver: Array<{ n: number }> }>(
      `/api/applications/flow?${PERIOD}`,
    );
    expect(flow.total.n).toBeGreaterThan(0);
    const d = await AppDriver.open(world, `applications?${PERIOD}`);
    const t = new TerritoriesDriver(d);
    expect(await t.numberOf('total-arrived')).toBe(flow.total.n);
    expect(await t.numberOf('total-open')).toBe(flow.total.open);
    expect(await t.numberOf('total-overdue')).toBe(flow.total.overdue);
    await expect(d.page.getByTestId('by-receiver').locator('tbody tr').count()).resolves.toBe(flow.byReceiver.length);
    await d.page.getByTestId('flow-sankey').waitFor();
    const panel = d.page.getByTestId('national-panel');
    await expect(panel.textContent()).resolves.toContain('Received by the duty unit');
    // The whole database selected: the flow is headed with the city's name and the panel has its column only (the
    // same area twice and a difference of nothing before), with the hint to choose a district.
    await expect(d.page.getByTestId('flow-totals').locator('h2').textContent()).resolves.toBe('Tashkent city');
    await expect(panel.locator('thead th').allTextContents()).resolves.toEqual(['', 'Tashkent city']);
    await expect(panel.locator('.appl-hint').count()).resolves.toBe(1);
    // The three totals stay inside the panel, however many digits they have.
    const [box, last] = await Promise.all([
      d.page.locator('.appl-page > .panel').boundingBox(),
      d.page.getByTestId('total-overdue').boundingBox(),
    ]);
    expect(last!.x + last!.width).toBeLessThanOrEqual(box!.x + box!.width);
    // A district chosen: its column beside the city's, and the difference.
    const first = await d.page.getByTestId('district').locator('option').nth(1).getAttribute('value');
    await d.page.getByTestId('district').selectOption(first ?? '');
    await expect.poll(() => panel.locator('thead th').count(), { timeout: 20_000 }).toBe(4);
    await expectClean(d);
  });
});
