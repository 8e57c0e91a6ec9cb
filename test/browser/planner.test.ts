// The territory planner in real Chromium against the real server: a planner makes a draft, paints two mahallas with
// another post, undoes one with Ctrl+Z, reloads and still has the undo history, redoes, saves, asks for proposals,
// compares with the plan in force and submits; the district head approves it, and the Coverage page follows the new
// plan. Then, on one page, a new draft: a brush stroke (ghost while dragging, bars after, one undo step), a lasso,
// a workload weight that moves the ideal, and a vacant post added, painted, removed (asked first) and undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { startWorld, type World } from './harness.ts';
import { mapSettled, watchPage, type PageRecord } from './driver.ts';

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
  await mapSettled(page);
  return page;
}

/** Where a mahalla's inner point is on the page, in CSS pixels. */
async function screenOf(page: Page, f: Feature<Polygon>): Promise<{ x: number; y: number }> {
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
  return xy;
}

async function clickMahalla(page: Page, f: Feature<Polygon>): Promise<void> {
  const { x, y } = await screenOf(page, f);
  await page.mouse.click(x, y);
}

const steps = async (page: Page): Promise<string> => (await page.getByTestId('history').textContent()) ?? '';
const text = async (page: Page, id: string): Promise<string> => (await page.getByTestId(id).textContent()) ?? '';
/** The painting post's row: its workload bar's width and its facts line. */
const chosenRow = (page: Page) => page.locator('[data-testid="planner-post"].chosen');
const barWidth = (page: Page) =>
  chosenRow(page)
    .locator('.bar .fill')
    .evaluate((e) => (e as HTMLElement).style.width);

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
    await mapSettled(page);
    await clickMahalla(page, targets[0]!);
    await expect.poll(() => steps(page)).toBe('1 step to undo');
    await clickMahalla(page, targets[1]!);
    await expect.poll(() => steps(page)).toBe('2 steps to undo');
    await page.keyboard.press('Control+z');
    await expect.poll(() => steps(page)).toBe('1 step to undo');

    // A reload keeps the plan and its history: one step to undo, one to redo.
    await page.reload();
    await mapSettled(page);
    await expect.poll(() => steps(page)).toBe('1 step to undo');
    await expect(page.getByTestId('redo').isEnabled()).resolves.toBe(true);
    await page.keyboard.press('Control+y');
    await expect.poll(() => steps(page)).toBe('2 steps to undo');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toBe('Saved');
    // Screenshots for a person to look at (.shots/ is not committed).
    await page.screenshot({ path: '.shots/planner-1366.png' });

    await page.getByTestId('tab-proposals').click();
    await page.getByTestId('propose').click();
    await expect.poll(() => page.getByTestId('proposal').count(), { timeout: 30_000 }).toBe(4);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await mapSettled(page);
    await page.screenshot({ path: '.shots/planner-proposals-1920.png' });

    await page.getByTestId('tab-compare').click();
    await expect.poll(() => page.getByTestId('compare-summary').textContent()).toMatch(/^2 of \d+ mahallas change/);

    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('version-status').textContent()).toContain('Submitted');
    // A second draft from the same plan in force, submitted too: approving it after the first would undo the first.
    const sibling = await page.evaluate(async (d) => {
      const post = (url: string, body: object) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const made = (await (
        await post('/api/territories/versions', { district: d, name: 'Sibling', reason: 'drawn in parallel' })
      ).json()) as { id: number };
      await post(`/api/territories/versions/${made.id}/submit`, { version: 1 });
      return made.id;
    }, district);
    await page.close();

    // The district head approves it as an order, in force from the last day of data.
    const head = await open('district', `planner?d=${district}&tv=${detail.id}`, record);
    await head.getByTestId('order-number').fill('17-B');
    await head.getByTestId('approve').click();
    await expect.poll(() => head.getByTestId('version-status').textContent()).toContain('In force');

    // Coverage follows: the post's inspector now covers both mahallas.
    const before = mahallas.features.filter((f) => f.properties.inspectorId === inspector).length;
    await head.goto(`${world.origin}/coverage?d=${district}`);
    await mapSettled(head);
    const cell = head.locator(`[data-testid="inspector-row"][data-id="${inspector}"] td.num`).first();
    await expect.poll(() => cell.textContent()).toBe(String(before + 2));

    // The sibling would undo that approval: the form says so and approves only once told it replaces it.
    await head.goto(`${world.origin}/planner?d=${district}&tv=${sibling}`);
    await mapSettled(head);
    await head.getByTestId('order-number').fill('18-B');
    await head.getByLabel('In force from').fill('2026-11-15');
    await head.getByTestId('approve').click();
    const replaces = head.getByTestId('approve-replaces');
    await expect.poll(() => replaces.textContent()).toMatch(/was not drawn from version \d+, approved since/);
    await expect(head.getByTestId('version-status').textContent()).resolves.toContain('Submitted');
    await replaces.getByRole('checkbox').check();
    await head.getByTestId('approve').click();
    await expect.poll(() => head.getByTestId('version-status').textContent()).toContain('Approved, in force later');
    await head.close();
    expect(record.foreignRequests).toEqual([]);
    // The one error is the refused approval above, which the browser logs as a failed request. Leaving a page while
    // the approval's refetches run cancels them, and the server answers those 503 (client gone): not the page's fault.
    expect(record.consoleErrors.filter((e) => !/\b503\b/.test(e))).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
  }, 240_000);

  it('brushes, lassos, reweighs and adds and removes a vacant post, on one page', async () => {
    const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
    const probe = await open('planner', 'planner', record);
    const district = await probe.evaluate(async () => {
      const r = (await (await fetch('/api/territories/versions')).json()) as { versions: Array<{ district: string }> };
      return r.versions[0]!.district;
    });
    await probe.close();
    const mahallas = (await (await world.fetch(`/api/mahallas?district=${district}`)).json()) as Mahallas;
    const page = await open('planner', `planner?d=${district}`, record);
    await page.getByTestId('new-draft').click();
    await expect.poll(() => text(page, 'version-status')).toContain('Draft');
    await mapSettled(page);

    // Brush: paint with the first post over a mahalla another inspector covers. While the button is down the bars
    // show the stroke's ghost; on release the bar moves and the stroke is one undo step.
    await page.getByTestId('planner-post').first().click();
    const inspector = await page.evaluate(async () => {
      const tv = new URL(location.href).searchParams.get('tv');
      const v = (await (await fetch(`/api/territories/versions/${tv}`)).json()) as {
        posts: Array<{ inspector: number | null }>;
      };
      return v.posts[0]!.inspector;
    });
    const [a, b] = mahallas.features.filter((f) => f.properties.inspectorId !== inspector);
    await page.getByTestId('shape-brush').click();
    await page.getByTestId('brush-size').fill('8');
    const before = await barWidth(page);
    const from = await screenOf(page, a!);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
    await expect.poll(() => page.locator('.planner-posts .ghost').count()).toBeGreaterThan(0);
    await page.mouse.up();
    await expect.poll(() => steps(page)).toBe('1 step to undo');
    await expect.poll(() => barWidth(page)).not.toBe(before);
    await page.getByTestId('undo').click();
    await expect.poll(() => steps(page)).toBe('0 steps to undo');
    await expect.poll(() => barWidth(page)).toBe(before);

    // A pinned mahalla under the brush stays: the page says so while hovering.
    const pinToggle = async (): Promise<void> => {
      await page.getByTestId('tool-pin').click();
      await mapSettled(page);
      await clickMahalla(page, a!);
      await page.getByTestId('tool-paint').click();
    };
    await pinToggle();
    await page.mouse.move(from.x + 1, from.y + 1);
    await page.mouse.move(from.x, from.y);
    await expect.poll(() => page.getByTestId('stroke-skipped').count()).toBe(1);
    await pinToggle();

    // Lasso: erase every mahalla whose centre is inside a square drawn around one of them.
    await page.getByTestId('tool-erase').click();
    await page.getByTestId('shape-lasso').click();
    const c = await screenOf(page, b!);
    await page.mouse.move(c.x - 30, c.y - 30);
    await page.mouse.down();
    for (const [dx, dy] of [
      [30, -30],
      [30, 30],
      [-30, 30],
      [-30, -30],
    ] as const)
      await page.mouse.move(c.x + dx, c.y + dy, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => steps(page)).toBe('1 step to undo');
    const erased = Number(await text(page, 'unassigned-count'));
    expect(erased).toBeGreaterThan(0);

    // A weight: distance counts most; the ideal (the mean post's workload, unassigned mahallas aside) moves.
    await page.getByTestId('weights-open').click();
    const ideal = await text(page, 'ideal');
    await page.getByTestId('weight-residents').fill('1');
    await expect.poll(() => text(page, 'ideal')).not.toBe(ideal);
    expect(new URL(page.url()).searchParams.get('w')).toBe('100,25,15,10,10,10');
    await page.getByTestId('weights-reset').click();
    await expect.poll(() => text(page, 'ideal')).toBe(ideal);
    await page.getByTestId('weights-open').click();

    // A vacant post: added (an empty territory), painted with a click, removed (asked first: its mahalla goes
    // unassigned) and the removal undone.
    const posts = await page.getByTestId('planner-post').count();
    await page.getByTestId('add-post').click();
    await expect.poll(() => page.getByTestId('planner-post').count()).toBe(posts + 1);
    await expect.poll(() => steps(page)).toBe('2 steps to undo');
    const vacant = page.getByTestId('planner-post').last();
    await expect.poll(() => vacant.textContent()).toContain('No mahallas yet');
    await vacant.click();
    await page.getByTestId('shape-click').click();
    await mapSettled(page); // the map picks again from its next frame on (brush and lasso draw without picking)
    await clickMahalla(page, a!);
    await expect.poll(() => vacant.textContent()).toContain('1 mahalla ·');
    const unassigned = Number(await text(page, 'unassigned-count'));
    await vacant.getByTestId('remove-post').click();
    await vacant.getByTestId('confirm-remove').click();
    await expect.poll(() => page.getByTestId('planner-post').count()).toBe(posts);
    await expect.poll(() => text(page, 'unassigned-count')).toBe(String(unassigned + 1));
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('planner-post').count()).toBe(posts + 1);
    await expect.poll(() => text(page, 'unassigned-count')).toBe(String(unassigned));
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('save').textContent()).toBe('Saved');

    await page.getByTestId('planner-post').first().click();
    await page.getByTestId('shape-brush').click();
    await page.mouse.move(from.x, from.y);
    await page.screenshot({ path: '.shots/planner-editor-1366.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await mapSettled(page);
    await page.getByTestId('weights-open').click();
    await page.screenshot({ path: '.shots/planner-editor-1920.png' });
    await page.close();
    expect(record.foreignRequests).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
  }, 180_000);
});
