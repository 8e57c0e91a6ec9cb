// The cooperation and plans pages in real Chromium against the real server on a test-scale database: the matrix adds
// up, gaps select their mahalla, and a plan created through the form shows its fulfilment in the table and on the map.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';
import { CooperationDriver } from './cooperation-driver.ts';

let world: World;
const PERIOD = 'from=2026-08-03&to=2026-10-31';

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
});

afterAll(async () => {
  await world?.close();
});

async function api<T>(path: string): Promise<T> {
  return (await (await world.fetch(path)).json()) as T;
}

async function expectClean(d: AppDriver): Promise<void> {
  expect(d.record.foreignRequests).toEqual([]);
  expect(d.record.consoleErrors).toEqual([]);
  await d.close();
}

describe('cooperation page', () => {
  it('renders the inspector × service matrix with totals that add up and match the summary', async () => {
    const d = await AppDriver.open(world, `cooperation?${PERIOD}`);
    const coop = new CooperationDriver(d);
    const total = await coop.numberOf('coop-total');
    const shares = await d.page.getByTestId('service-shares').locator('li').count();
    expect(shares).toBe(10);
    await coop.openTab('matrix');
    const m = await coop.matrix();
    const { total: apiTotal } = await api<{ total: number }>(`/api/cooperation/summary?${PERIOD}`);
    expect(total).toBe(apiTotal);
    expect(m.grand).toBe(apiTotal);
    // Rows count each action once; a column total is the sum of its cells.
    expect(m.rows.reduce((s, n) => s + n, 0)).toBe(m.grand);
    m.columns.forEach((n, s) => expect(n).toBe(m.cells.reduce((sum, row) => sum + (row[s] ?? 0), 0)));
    expect(m.cells.every((row, r) => row.every((n) => n <= (m.rows[r] ?? 0)))).toBe(true);
    expect(m.columns.reduce((s, n) => s + n, 0)).toBeGreaterThan(m.grand);
    await expectClean(d);
  });

  it('lists cooperation gaps; a click selects the mahalla and shows what it lacks', async () => {
    const d = await AppDriver.open(world, `cooperation?${PERIOD}&fdr=0`);
    const coop = new CooperationDriver(d);
    await coop.openTab('gaps');
    const gaps = await api<{ gaps: Array<{ id: number; name: string }> }>(`/api/cooperation/gaps?${PERIOD}&fdr=false`);
    expect(await coop.numberOf('gap-count')).toBe(gaps.gaps.length);
    const first = gaps.gaps[0];
    if (first) {
      await d.page.locator(`.gap[data-mahalla="${first.id}"]`).click();
      await expect(d.page.getByTestId('coop-mahalla').textContent()).resolves.toContain(first.name);
      await d.page.getByTestId('coop-mahalla-gap').waitFor({ timeout: 10_000 });
      expect(new URL(d.url()).searchParams.get('m')).toBe(String(first.id));
    }
    await expectClean(d);
  });

  it('states before/after with intervals and without causal claims', async () => {
    const d = await AppDriver.open(world, 'cooperation?from=2026-01-01&to=2026-10-31');
    const coop = new CooperationDriver(d);
    await coop.openTab('before-after');
    const text = (await d.page.getByTestId('no-causal-claim').textContent()) ?? '';
    expect(text).toMatch(/do not show that an action caused/);
    expect(await d.page.getByTestId('before-after').locator('tbody tr').count()).toBe(7);
    // At 1440 px the table, its interval bars and the caveat fit the report column, the caveat clear of Download.
    expect(
      await d.pastRightEdge('[data-testid=before-after] th, .interval, [data-testid=no-causal-claim]', '.report-body'),
    ).toBe(0);
    const caveat = await d.page.getByTestId('no-causal-claim').boundingBox();
    const download = await d.page.locator('.before-after [data-testid=table-download]').boundingBox();
    expect(caveat && download && caveat.x + caveat.width <= download.x).toBe(true);
    await expectClean(d);
  });
});

describe('plans page', () => {
  it('creates a plan through the form; its fulfilment appears in the table and on the map', async () => {
    // The running demo plan tells us an inspector, service and type with recorded actions this quarter.
    const [running] = await api<Array<{ id: number; district: string; from: string; to: string }>>('/api/plans');
    if (!running) throw new Error('the demo database has no plan');
    const detail = await api<{
      items: Array<{ inspector: number; service: string; type: string; done: number }>;
      byInspector: Array<{ inspector: number; mahallas: number[] }>;
    }>(`/api/plans/${running.id}`);
    const item = detail.items.find((i) => i.done > 0);
    if (!item) throw new Error('no item of the running plan has fulfilment');
    const d = await AppDriver.open(world, 'plans');
    const asked: URL[] = [];
    d.page.on('request', (r) => asked.push(new URL(r.url())));
    const coop = new CooperationDriver(d);
    await coop.createPlan({
      name: 'Browser test plan',
      district: running.district,
      from: running.from,
      to: running.to,
      items: [{ inspector: item.inspector, service: item.service, type: item.type, required: item.done }],
    });
    // The form offers the district's inspectors from its territories (a few KiB), never from every mahalla's polygon.
    expect(asked.filter((u) => u.pathname.startsWith('/api/mahallas')).map(String)).toEqual([]);
    expect(
      asked.filter((u) => u.pathname === '/api/coverage/territories').map((u) => u.searchParams.get('district')),
    ).toContain(running.district);
    expect(await coop.territoryRow(item.inspector)).toEqual({ pct: '100 %', state: 'done' });
    await expect(d.page.getByTestId('plan-list').textContent()).resolves.toContain('Browser test plan');

    const fc = await api<FeatureCollection<Polygon | MultiPolygon, { id: number }>>('/api/mahallas');
    const mahalla = detail.byInspector.find((t) => t.inspector === item.inspector)?.mahallas[0];
    const feature = fc.features.find((f) => f.properties.id === mahalla) as Feature<
      Polygon | MultiPolygon,
      { id: number }
    >;
    const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
    const [r, g, b] = await coop.pixelAt(lon, lat);
    // "Done" is drawn green: the green channel clearly above red and blue.
    expect(g).toBeGreaterThan(r + 30);
    expect(g).toBeGreaterThan(b + 20);
    await expectClean(d);
  });

  it('asks before deleting a plan with recorded fulfilment, then archives and deletes it', async () => {
    const d = await AppDriver.open(world, 'plans');
    // Its items at 1440 px, in Russian (the longest names): every cell, the state badges last, inside the report column.
    const origin = new URL(d.url()).origin;
    await d.page.goto(`${origin}/plans?ptab=items&lang=ru`);
    await d.page.getByTestId('plan-items').waitFor({ timeout: 30_000 });
    expect(
      await d.pastRightEdge('[data-testid=plan-items] :is(th, td), [data-testid=plan-items] .state', '.report-body'),
    ).toBe(0);
    await d.page.goto(`${origin}/plans?lang=en`);
    await d.waitForMap();
    const before = await d.page.getByTestId('plan-list').locator('li').count();
    await d.page.getByTestId('plan-delete').click();
    await d.page.getByTestId('plan-confirm').waitFor({ timeout: 10_000 });
    expect(await d.page.getByTestId('plan-list').locator('li').count()).toBe(before);
    await d.page.getByTestId('plan-confirm').getByTestId('confirm-ok').click();
    await expect
      .poll(() => d.page.getByTestId('plan-list').locator('li').count(), { timeout: 10_000 })
      .toBe(before - 1);
    const archive = await api<unknown[]>('/api/plans/archive');
    expect(archive.length).toBe(1);
    await expectClean(d);
  });
});
