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
});
