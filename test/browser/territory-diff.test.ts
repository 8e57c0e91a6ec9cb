// The territory comparison and the order's printable annex in real Chromium against the real server: a draft that
// moves two mahallas from one post to another (made through the API) is reached from the planner's "Compare…" link;
// the page counts two moves, names them from → to and shows both posts' workload change; a reload reopens the same
// comparison; the annex prints one A4 page per territory with its map and table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
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

interface Detail {
  id: number;
  version: number;
  name: string;
  reason: string;
  posts: Array<{ id: number; inspector: number | null; label: string | null }>;
  assignments: Array<{ mahalla: number; post: number }>;
}
type Mahallas = FeatureCollection<Polygon, { id: number; name: string }>;

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await world.fetch(path, init);
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A draft of the district's plan in force with two mahallas of post `from` given to post `to`. */
async function givenDraftMovingTwo(district: string) {
  const draft = await json<Detail>('/api/territories/versions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ district, name: 'Two mahallas moved', reason: 'Browser test of the comparison' }),
  });
  const count = (post: number) => draft.assignments.filter((a) => a.post === post).length;
  // The post with the most mahallas gives two to the first other post.
  const from = [...draft.posts].sort((a, b) => count(b.id) - count(a.id))[0]!.id;
  const to = draft.posts.find((p) => p.id !== from)!.id;
  const moved = draft.assignments
    .filter((a) => a.post === from)
    .slice(0, 2)
    .map((a) => a.mahalla);
  const body = {
    name: draft.name,
    reason: draft.reason,
    version: draft.version,
    posts: draft.posts.map(({ id, inspector, label }) => ({ id, inspector, label })),
    assignments: draft.assignments.map((a) => (moved.includes(a.mahalla) ? { ...a, post: to } : a)),
  };
  await json<Detail>(`/api/territories/versions/${draft.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { id: draft.id, from, to, moved, counts: { from: count(from), to: count(to) }, posts: draft.posts.length };
}

/** The row of a post in the comparison's table, as its cells' text. */
const postRow = (page: Page, post: number) =>
  page.locator(`[data-testid="diff-post"][data-post="${post}"] td`).allTextContents();

describe('territory comparison and printable annex', () => {
  it('compares two versions, reopens from the link, and prints one A4 page per territory', async () => {
    const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
    const list = await json<{ versions: Array<{ id: number; district: string; phase: string }> }>(
      '/api/territories/versions',
    );
    const inForce = list.versions.find((v) => v.phase === 'in_force')!;
    const district = inForce.district;
    const draft = await givenDraftMovingTwo(district);
    const mahallas = await json<Mahallas>(`/api/mahallas?district=${district}`);

    // From the planner's version section, "Compare…" opens the draft against the plan in force.
    const page = await world.newPage({ width: 1366, height: 768 });
    await watchPage(page, world.origin, record);
    // Without a district the planner's and the comparison's right panels say how to choose one (they were empty)…
    for (const path of ['/planner', '/territories/diff']) {
      await page.goto(`${world.origin}${path}`);
      await expect
        .poll(() => page.getByTestId('side-empty').textContent())
        .toMatch(/^Choose a district in the “District” list on the left: /);
    }
    // …and the annex page offers the district list, whose plan in force it then prints.
    await page.goto(`${world.origin}/territories/print`);
    await page.getByTestId('print-choose').getByTestId('district').selectOption(district);
    await page.locator('main[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('print-sheet').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('print-choose').count()).toBe(0);
    await page.goto(`${world.origin}/planner?d=${district}&tv=${draft.id}`);
    await page.getByTestId('compare-link').click();
    await page.waitForURL(/\/territories\/diff\?/);
    expect(new URL(page.url()).searchParams.get('va')).toBe(String(inForce.id));
    expect(new URL(page.url()).searchParams.get('vb')).toBe(String(draft.id));
    await mapSettled(page);

    const check = async (): Promise<void> => {
      await expect.poll(() => page.getByTestId('diff-moved').textContent()).toBe('2');
      expect(await page.getByTestId('diff-unassigned').textContent()).toBe('0');
      const moves = page.getByTestId('diff-move');
      await expect.poll(() => moves.count()).toBe(2);
      const ids = (await moves.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-mahalla'))))).sort();
      expect(ids).toEqual([...draft.moved].sort());
      // Each post's mahallas A → B with the change beneath; the posts that do not change are listed after them.
      const [fromCells, toCells] = [await postRow(page, draft.from), await postRow(page, draft.to)];
      expect(fromCells[0]).toBe(`${draft.counts.from} → ${draft.counts.from - 2}\u22122`);
      expect(toCells[0]).toBe(`${draft.counts.to} → ${draft.counts.to + 2}+2`);
      await expect.poll(() => page.getByTestId('diff-post').count()).toBe(draft.posts);
      const firstTwo = await page
        .getByTestId('diff-post')
        .evaluateAll((rows) => rows.slice(0, 2).map((r) => Number(r.getAttribute('data-post'))));
      expect(firstTwo.sort()).toEqual([draft.from, draft.to].sort());
    };
    await check();

    // Hovering a moved mahalla names its inspectors from → to.
    const feature = mahallas.features.find((f) => f.properties.id === draft.moved[0])!;
    const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
    const xy = await page.evaluate(
      ([x, y]) => {
        const map = window.__hamkorMap;
        const p = map?.project([x, y]);
        const r = map?.getCanvas().getBoundingClientRect();
        return p && r ? { x: r.left + p.x, y: r.top + p.y } : null;
      },
      [lon, lat] as const,
    );
    await page.mouse.move(xy!.x, xy!.y);
    await expect.poll(() => page.locator('.deck-tooltip').textContent()).toContain(`${feature.properties.name}`);
    expect(await page.locator('.deck-tooltip').textContent()).toContain('→');
    await page.screenshot({ path: '.shots/territory-diff-1366.png' });

    // The link holds the comparison: a reload shows the same two versions and figures.
    await page.reload();
    await mapSettled(page);
    expect(await page.getByTestId('diff-before').inputValue()).toBe(String(inForce.id));
    expect(await page.getByTestId('diff-after').inputValue()).toBe(String(draft.id));
    await check();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await mapSettled(page);
    await page.screenshot({ path: '.shots/territory-diff-1920.png' });

    // The annex of B: one sheet per territory (no mahalla is left without an inspector here).
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('diff-print').click();
    await page.waitForURL(/\/territories\/print\?/);
    await page.locator('main[data-ready="true"]').waitFor({ timeout: 60_000 });
    const sheets = page.getByTestId('print-sheet');
    expect(await sheets.count()).toBe(draft.posts);
    const sheet = page.locator(`[data-testid="print-sheet"][data-post="${draft.to}"]`);
    const rows = sheet.getByTestId('print-row');
    expect(await rows.count()).toBe(draft.counts.to + 2);
    const names = new Map(mahallas.features.map((f) => [f.properties.id, f.properties.name]));
    const cells = await rows.evaluateAll((rs) => rs.map((r) => r.children[2]?.textContent ?? ''));
    for (const id of draft.moved) expect(cells).toContain(names.get(id));
    expect(await sheet.getByTestId('print-total').textContent()).toContain(`Total, ${draft.counts.to + 2} mahallas`);
    // The map draws the territory's own mahallas (and grey neighbours) as SVG paths.
    expect(await sheet.locator('svg path.own').count()).toBe(draft.counts.to + 2);
    expect(await sheet.locator('svg path.context').count()).toBeGreaterThan(0);
    expect(await sheet.locator('figcaption').textContent()).toMatch(/OpenStreetMap|boundaries/i);
    await page.screenshot({ path: '.shots/territory-print-1366.png' });

    // On paper: the app's chrome goes and each sheet is one A4 page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: '.shots/territory-print-a4.png' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    // Every sheet but the last ends its page (the PDF's page count alone could match by chance: a sheet is over half
    // a page, so sheets that flowed on would also come out one a page or so).
    const breaks = await sheets.evaluateAll((all) => all.map((s) => getComputedStyle(s).breakAfter));
    expect(breaks).toEqual([...Array<string>(draft.posts - 1).fill('page'), 'auto']);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(draft.posts);
    await page.close();
    expect(record.foreignRequests).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
  }, 240_000);
});
