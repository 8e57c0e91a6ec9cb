// Office laptops (1280×720 and 1366×768) in real Chromium: no page scrolls sideways, the map's zoom buttons are on
// screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, type World } from './harness.ts';
import { mapSettled, watchPage, type PageRecord } from './driver.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
] as const;

let world: World;
let district: string;

beforeAll(async () => {
  world = await startWorld();
  const meta = (await (await world.fetch('/api/meta')).json()) as { districts: { soato: string }[] };
  district = meta.districts[0]?.soato ?? '';
});

afterAll(async () => {
  await world?.close();
});

/** How the page fits the window: sideways overflow in px, and zoom buttons not wholly on screen. */
async function fit(page: Page): Promise<{ overflow: number; zoomCut: boolean }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const zoom = document.querySelector('.maplibregl-ctrl-zoom-out');
    const r = zoom?.getBoundingClientRect();
    const zoomCut = !!r && (r.right > window.innerWidth || r.bottom > window.innerHeight || r.left < 0 || r.top < 0);
    return {
      overflow: Math.max(root.scrollWidth - root.clientWidth, document.body.scrollWidth - root.clientWidth),
      zoomCut,
    };
  });
}

/** [path, the test id to wait for, or null to wait for the map] */
const PAGES: Array<[string, string | null]> = [
  ['/', null],
  ['/coverage', null],
  ['/planner', null],
  ['/territories/diff', 'diff-before'],
  ['/territories/print', 'print'],
  ['/applications', null],
  ['/cooperation', null],
  ['/plans', null],
  ['/playlists', 'playlist-item'],
  ['/admin', 'account-edit'],
  ['/import', 'import-file'],
];

describe('office laptop screens', () => {
  it('no page scrolls sideways at 1280×720 or 1366×768, and the zoom buttons are on screen', async () => {
    const page = await world.newPage(SIZES[0]);
    const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
    await watchPage(page, world.origin, record);
    const bad: Record<string, { overflow: number; zoomCut: boolean }> = {};
    for (const [path, ready] of PAGES) {
      await page.setViewportSize(SIZES[0]);
      await page.goto(`${world.origin}${path}?d=${district}`);
      if (ready) await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
      else await mapSettled(page);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const f = await fit(page);
        if (process.env.HAMKOR_SHOTS)
          await page.screenshot({ path: `${process.env.HAMKOR_SHOTS}/${path.replace(/\W+/g, '_')}-${size.width}.png` });
        if (f.overflow > 0 || f.zoomCut) bad[`${path} at ${size.width}`] = f;
      }
    }
    expect(bad).toEqual({});
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('at 1366×768 the mahalla card does not cover the mahalla picked under it', async () => {
    const page = await world.newPage(SIZES[1]);
    await page.goto(`${world.origin}/?d=${district}`);
    await mapSettled(page);
    const card = page.getByTestId('mahalla-card');
    // Where the card stands: open it once on the mahalla in the middle, then close it.
    const middle = await page.evaluate(() => {
      const r = window.__hamkorMap!.getCanvas().getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(middle.x, middle.y);
    await card.waitFor();
    const box = (await card.boundingBox())!;
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    // Bring a mahalla under the card's middle (no animation), and pick it there.
    const target = await page.evaluate(
      ([cx, cy]) => {
        const map = window.__hamkorMap!;
        const r = map.getCanvas().getBoundingClientRect();
        const [x, y] = [cx! - r.left, cy! - r.top];
        map.panBy([r.width / 2 - x, r.height / 2 - y], { animate: false });
        const p = map.unproject([x, y]);
        return {
          on: map.queryRenderedFeatures([x, y]).some((f) => f.source === 'mahalla-tiles'),
          lngLat: [p.lng, p.lat],
        };
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(target.on).toBe(true);
    await mapSettled(page);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await card.waitFor();
    await page.waitForTimeout(400);
    await mapSettled(page);
    const shown = (await card.boundingBox())!;
    const now = await page.evaluate(([lng, lat]) => {
      const map = window.__hamkorMap!;
      const r = map.getCanvas().getBoundingClientRect();
      const p = map.project([lng!, lat!]);
      return { x: p.x + r.left, y: p.y + r.top };
    }, target.lngLat);
    const covered =
      now.x > shown.x && now.x < shown.x + shown.width && now.y > shown.y && now.y < shown.y + shown.height;
    expect({ now, card: shown, covered }).toMatchObject({ covered: false });
    await page.close();
  });
});
