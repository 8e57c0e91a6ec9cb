// Office laptops (1280×720 and 1366×768, and the 1440×900 where Plans' legend was found cut) in real Chromium: no page
// scrolls sideways, the map's zoom buttons are on screen, the legend stands clear of the map's credits, and the header's
// search box shows its whole placeholder; a narrow map's legend folds out of the way until it is opened; on a wide
// screen "Save as…" stays clear of the district list and the language menu stays on the header's data line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, type World } from './harness.ts';
import { mapSettled, watchPage, type PageRecord } from './driver.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
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

interface Fit {
  overflow: number;
  zoomCut: boolean;
  /** a legend or panel of the map whose box meets the attribution's (its last lines were hidden under the credits) */
  underCredits: string[];
  /** px of the search box's placeholder that do not fit in the box (0 when it all shows) */
  placeholderCut: number;
}

/**
 * How the page fits the window: sideways overflow in px, zoom buttons not wholly on screen, map overlays under the
 * attribution, and the search placeholder cut.
 */
async function fit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const zoom = document.querySelector('.maplibregl-ctrl-zoom-out');
    const r = zoom?.getBoundingClientRect();
    const zoomCut = !!r && (r.right > window.innerWidth || r.bottom > window.innerHeight || r.left < 0 || r.top < 0);
    const credits = document.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect();
    const underCredits = [...document.querySelectorAll('.map-area .legend, .map-area .scan-panel')]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        if (!credits || b.width === 0) return false;
        return b.left < credits.right && credits.left < b.right && b.top < credits.bottom && credits.top < b.bottom;
      })
      .map((el) => el.getAttribute('data-testid') ?? el.className);
    // The placeholder laid out as the box's text (an empty box: no input event, so the app never sees it), against
    // the box's width: what scrolls is what the placeholder lost.
    const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
    let placeholderCut = 0;
    if (input && input.value === '') {
      input.value = input.placeholder;
      placeholderCut = input.scrollWidth - input.clientWidth;
      input.value = '';
    }
    return {
      overflow: Math.max(root.scrollWidth - root.clientWidth, document.body.scrollWidth - root.clientWidth),
      zoomCut,
      underCredits,
      placeholderCut,
    };
  });
}

const misfit = (f: Fit): boolean => f.overflow > 0 || f.zoomCut || f.underCredits.length > 0 || f.placeholderCut > 0;

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
  it('no page scrolls sideways, the zoom buttons are on screen, no legend is under the credits, the search box fits', async () => {
    const page = await world.newPage(SIZES[0]);
    const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
    await watchPage(page, world.origin, record);
    const bad: Record<string, Fit> = {};
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
        if (misfit(f)) bad[`${path} at ${size.width}`] = f;
      }
    }
    expect(bad).toEqual({});
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('in Russian (the longest words) at 1366×768 and 1280×720 the legends clear the credits and the search box fits', async () => {
    const page = await world.newPage(SIZES[1], 'admin', 'ru');
    const bad: Record<string, Fit> = {};
    for (const path of ['/cooperation', '/plans']) {
      await page.setViewportSize(SIZES[1]);
      await page.goto(`${world.origin}${path}?d=${district}`);
      await mapSettled(page);
      for (const size of SIZES.slice(0, 2)) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const f = await fit(page);
        if (misfit(f)) bad[`${path} at ${size.width}`] = f;
      }
    }
    expect(bad).toEqual({});
    await page.close();
  });

  it('at 1920×1080 in Russian, "Save as…" clears the district and mahalla lists, both headed and above the credits; the language menu stays in the data line', async () => {
    const page = await world.newPage({ width: 1920, height: 1080 }, 'admin', 'ru');
    await page.goto(`${world.origin}/`);
    await mapSettled(page);
    const meets = (a: string, b: string) =>
      page.evaluate(
        ([a, b]) => {
          const [p, q] = [a!, b!].map((s) => document.querySelector(s)!.getBoundingClientRect());
          return p!.left < q!.right && q!.left < p!.right && p!.top < q!.bottom && q!.top < p!.bottom;
        },
        [a, b],
      );
    // Wide screens open the ranked list at first (drillOpenAtFirst).
    await page.getByTestId('drill').waitFor();
    expect(await meets('.map-area .export-button', '[data-testid="drill"]')).toBe(false);
    // Each list names its columns: the count beside the rate was a bare number.
    expect(await page.getByTestId('drill-head').innerText()).toMatch(/^Район\s+Происшествия$/);
    await page.getByTestId('drill-row').first().click();
    await page.getByTestId('drill').waitFor();
    expect(await meets('.map-area .export-button', '[data-testid="drill"]')).toBe(false);
    expect(await page.getByTestId('drill-head').innerText()).toMatch(/^Махалля\s+Происшествия$/);
    // A list longer than the map is high ends above the map's credits.
    await page.setViewportSize({ width: 1920, height: 600 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await meets('[data-testid="drill"]', '.maplibregl-ctrl-attrib')).toBe(false);
    // In English the data line can fit beside the tabs: the language menu then went alone to a row of its own.
    await page.goto(`${world.origin}/admin?lang=en`);
    await page.getByTestId('coverage').waitFor();
    const middle = (id: string) =>
      page
        .getByTestId(id)
        .boundingBox()
        .then((b) => Math.round(b!.y + b!.height / 2));
    // Where the line breaks depends on the data's words: every width from a laptop's to 1920 px.
    const apart: number[] = [];
    for (let width = 1440; width <= 1920; width += 40) {
      await page.setViewportSize({ width, height: 1080 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (Math.abs((await middle('lang')) - (await middle('coverage'))) > 3) apart.push(width);
    }
    expect(apart).toEqual([]);
    await page.close();
  });

  it('at 1280×720 a narrow or low map folds its legend to a corner, and the button opens and folds it, kept in the link', async () => {
    const page = await world.newPage(SIZES[0]);
    /** The share of the map's canvas the legend's box covers, and whether its body shows. */
    const legend = () =>
      page.evaluate(() => {
        const map = window.__hamkorMap!.getCanvas().getBoundingClientRect();
        const el = document.querySelector('.map-area .legend')!;
        const b = el.getBoundingClientRect();
        const w = Math.max(0, Math.min(b.right, map.right) - Math.max(b.left, map.left));
        const h = Math.max(0, Math.min(b.bottom, map.bottom) - Math.max(b.top, map.top));
        const body = el.querySelector('[data-legend-body]')!;
        return { covers: (w * h) / (map.width * map.height), shown: body.getBoundingClientRect().height > 0 };
      });
    for (const [path, id] of [
      ['/cooperation', 'coop-legend'],
      ['/plans', 'plan-legend'],
      // Coverage's map is wide but ≈ 300 px high above its table: folded by height.
      ['/coverage', 'territory-legend'],
    ] as const) {
      await page.goto(`${world.origin}${path}?d=${district}`);
      await mapSettled(page);
      const folded = await legend();
      expect(folded.shown).toBe(false);
      // Folded: the title and its button only, under 6 % of the map (open, the legend took a quarter of it or more).
      expect(folded.covers).toBeLessThan(0.06);
      const toggle = page.getByTestId(id).getByTestId('legend-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-label')).toBe('Show the legend');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const open = await legend();
      expect(open).toMatchObject({ shown: true });
      expect(open.covers).toBeGreaterThan(0.15);
      const name = path.slice(1);
      expect(new URL(page.url()).searchParams.get('lg')).toBe(`${name}:1`);
      // The choice outlives a reload (it is in the link), then folds again by hand.
      await page.reload();
      await mapSettled(page);
      expect(await legend()).toMatchObject({ shown: true });
      await page.getByTestId(id).getByTestId('legend-toggle').click();
      expect(await legend()).toMatchObject({ shown: false });
      expect(new URL(page.url()).searchParams.get('lg')).toBe(`${name}:0`);
    }
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
