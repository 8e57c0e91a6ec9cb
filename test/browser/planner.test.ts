// The territory planner in real Chromium against the real server: a planner makes a draft, paints two mahallas with
// another post, undoes one with Ctrl+Z, reloads and still has the undo history, redoes, saves, asks for proposals,
// compares with the plan in force and submits; the district head approves it, and the Coverage page follows the new
// plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { startWorld, type World } from './harness.ts';
import { watchPage, type PageRecord } from './driver.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
  await world.restoreDatabase();
});
afterAll(async () => {
  await world?.close();
});

type Mahallas = FeatureCollection<Polygon, { id: number; inspectorId: number | null }>;

async function open(user: string, path: string, record: PageRecord): Promise<Page> {
  const page = await world.newPage({ width: 1366, height: 768 }, user);
  await watchPage(page, world.origin, record);
  await page.goto(`${world.origin}/${path}`);
  await settle(page);
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__hamkorMap;
      const area = document.querySelector('[aria-label="Map"]');
      return !!map && map.loaded() && !map.isMoving() && area?.getAttribute('data-loading') === 'false';
    },
    undefined,
    { timeout: 60_000, polling: 200 },
  );
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

async function clickMahalla(page: Page, f: Feature<Polygon>): Promise<void> {
  const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
  const xy = await page.evaluate(
    ([x, y]) => {
      const map = window.__hamkorMap;
      const p = map?.project([x, y]);
      const r = map?.getCanvas().getBoundingClientRect();
      return p && r ? { x: r.left + p.x, y: r.top + p.y } : null;
    },
    [lon, lat] as const,
  );
  if (!xy) throw new Error('map not ready');
  await page.mouse.click(xy.x, xy.y);
}

const steps = async (page: Page): Promise<string> => (await page.getByTestId('history').textContent()) ?? '';

describe('territory planner', () => {
  it('paints, undoes across a reload, proposes, compares, submits and approves; coverage follows', async () => {
    const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
    // The planner's district: the one their versions are of.
    const probe = await open('planner', 'planner', record);
    const district = await probe.evaluate(async () => {
      const r = (await (await fetch('/api/territories/versions')).json()) as { versions: Array<{ district: string }> };
      return r.versions[0]!.district;
    });
    await probe.close();
    const mahallas = (await (await world.fetch(`/api/mahallas?district=${district}`)).json()) as Mahallas;

    const page = await open('planner', `planner?d=${district}`, record);
    await page.getByTestId('new-draft').click();
    await page.getByTestId('save').waitFor();
    await expect.poll(() => page.getByTestId('version-status').textContent()).toContain('Draft');
    // Paint with the second post: two mahallas that another inspector covers in force.
    const row = page.getByTestId('planner-post').nth(1);
    await row.click();
    const post = Number(await row.getAttribute('data-post'));
    const detail = await page.evaluate(async (d) => {
      const list = (await (await fetch(`/api/territories/versions?district=${d}`)).json()) as {
        versions: Array<{ id: number; phase: string }>;
      };
      const id = list.versions.find((v) => v.phase === 'draft')!.id;
      return (await (await fetch(`/api/territories/versions/${id}`)).json()) as {
        id: number;
        posts: Array<{ id: number; inspector: number | null }>;
      };
    }, district);
    const inspector = detail.posts[post]!.inspector!;
    const targets = [...mahallas.features]
      .filter((f) => f.properties.inspectorId !== null && f.properties.inspectorId !== inspector)
      .slice(0, 2);
    expect(targets).toHaveLength(2);
    await settle(page);
    await clickMahalla(page, targets[0]!);
    await expect.poll(() => steps(page)).toBe('1 step(s)');
    await clickMahalla(page, targets[1]!);
    await expect.poll(() => steps(page)).toBe('2 step(s)');
    await page.keyboard.press('Control+z');
    await expect.poll(() => steps(page)).toBe('1 step(s)');

    // A reload keeps the plan and its history: one step to undo, one to redo.
    await page.reload();
    await settle(page);
    await expect.poll(() => steps(page)).toBe('1 step(s)');
    await expect(page.getByTestId('redo').isEnabled()).resolves.toBe(true);
    await page.keyboard.press('Control+y');
    await expect.poll(() => steps(page)).toBe('2 step(s)');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toBe('Saved');
    // Screenshots for a person to look at (.shots/ is not committed).
    await page.screenshot({ path: '.shots/planner-1366.png' });

    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('propose').click();
    await expect.poll(() => page.getByTestId('proposal').count(), { timeout: 30_000 }).toBe(4);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await settle(page);
    await page.screenshot({ path: '.shots/planner-proposals-1920.png' });

    await page.getByTestId('tab-compare').click();
    await expect.poll(() => page.getByTestId('compare-summary').textContent()).toMatch(/^2 of \d+ mahallas change/);

    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('version-status').textContent()).toContain('Submitted');
    await page.close();

    // The district head approves it as an order, in force from the last day of data.
    const head = await open('district', `planner?d=${district}&tv=${detail.id}`, record);
    await head.getByTestId('order-number').fill('17-B');
    await head.getByTestId('approve').click();
    await expect.poll(() => head.getByTestId('version-status').textContent()).toContain('In force');

    // Coverage follows: the post's inspector now covers both mahallas.
    const before = mahallas.features.filter((f) => f.properties.inspectorId === inspector).length;
    await head.goto(`${world.origin}/coverage?d=${district}`);
    await settle(head);
    const cell = head.locator(`[data-testid="inspector-row"][data-id="${inspector}"] td.num`).first();
    await expect.poll(() => cell.textContent()).toBe(String(before + 2));
    await head.close();
    expect(record.foreignRequests).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
  }, 240_000);
});
