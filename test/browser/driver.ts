// Domain actions on the running app (given/when/then helpers); specs select by test id, never by layout.
import type { Page } from 'playwright-core';
import type { World } from './harness.ts';

export interface PageRecord {
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Records console errors and every request that would leave `origin` (and blocks it) into `record`. */
export async function watchPage(page: Page, origin: string, record: PageRecord): Promise<void> {
  page.on('console', (m) => {
    if (m.type() === 'error') record.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => record.consoleErrors.push(String(e)));
  // The console only says "status of 503"; which request it was is what a failure needs to be understood.
  page.on('response', (r) => {
    if (r.status() >= 500) record.consoleErrors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    record.foreignRequests.push(url);
    return route.abort();
  });
}

/**
 * Waits until the page's map has loaded its style, stopped moving and the app has no request in flight. The map area is
 * found by its class, not its name, so this works in every language.
 */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__hamkorMap;
      const area = document.querySelector('.map-area');
      // data-overlay: the deck.gl overlay's code is still loading (web/map/MapView.tsx).
      const overlay = document.querySelector('[data-overlay="loading"]');
      return !!map && map.loaded() && !map.isMoving() && area?.getAttribute('data-loading') === 'false' && !overlay;
    },
    undefined,
    { timeout: 60_000, polling: 200 },
  );
  // Two frames so deck.gl has drawn the latest layers.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

export class AppDriver {
  readonly record: PageRecord = { consoleErrors: [], foreignRequests: [] };

  private constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {}

  /** A driver for a page already made (a test that watches the page's requests from its very first). */
  static attach(page: Page, origin: string): AppDriver {
    return new AppDriver(page, origin);
  }

  /** A fresh page that records console errors and every request that would leave the app's origin. */
  static async open(world: World, query = '', viewport = { width: 1440, height: 900 }): Promise<AppDriver> {
    const page = await world.newPage(viewport);
    const d = new AppDriver(page, world.origin);
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}/${query}`);
    await d.waitForMap();
    return d;
  }

  /** Waits until the map has loaded its style, stopped moving and the app has no request in flight. */
  async waitForMap(): Promise<void> {
    await mapSettled(this.page);
  }

  /** Distinct colours (quantised) and the share of pixels that differ from the background colour. */
  async canvasStats(): Promise<{ distinct: number; nonBackground: number }> {
    return this.page.evaluate(async () => {
      const map = window.__hamkorMap;
      if (!map) return { distinct: 0, nonBackground: 0 };
      map.triggerRepaint();
      await new Promise((r) => map.once('render', r));
      const src = map.getCanvas();
      const c = document.createElement('canvas');
      c.width = 320;
      c.height = Math.round((320 * src.height) / src.width);
      const ctx = c.getContext('2d');
      if (!ctx) return { distinct: 0, nonBackground: 0 };
      ctx.drawImage(src, 0, 0, c.width, c.height);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      let other = 0;
      for (let i = 0; i < px.length; i += 4) {
        const key = ((px[i] ?? 0) >> 4) * 256 + ((px[i + 1] ?? 0) >> 4) * 16 + ((px[i + 2] ?? 0) >> 4);
        colours.add(key);
        if (Math.abs((px[i] ?? 0) - 0xdf) + Math.abs((px[i + 1] ?? 0) - 0xe6) + Math.abs((px[i + 2] ?? 0) - 0xea) > 24)
          other++;
      }
      return { distinct: colours.size, nonBackground: other / (px.length / 4) };
    });
  }

  /**
   * How many elements matching `selector` reach past the right edge of the nearest `container` around them: cut off,
   * or scrolled out of sight (half a pixel of rounding allowed).
   */
  async pastRightEdge(selector: string, container: string): Promise<number> {
    return this.page.locator(selector).evaluateAll(
      (els, box) =>
        els.filter((el) => {
          const edge = el.parentElement?.closest(box)?.getBoundingClientRect().right ?? window.innerWidth;
          return el.getBoundingClientRect().right > edge + 0.5;
        }).length,
      container,
    );
  }

  /** Clicks the map at a geographic point (lon, lat). */
  /**
   * Clicks the map where (lon, lat) is drawn, once the map is still: a click during a camera move lands elsewhere. A
   * point covered by a panel (the legend, a card) fails here, naming what covers it, rather than as a card that never
   * comes.
   */
  async clickAt(lon: number, lat: number): Promise<void> {
    await mapSettled(this.page);
    const at = await this.page.evaluate(
      ([x, y]) => {
        const map = window.__hamkorMap;
        const p = map?.project([x, y]);
        const r = map?.getCanvas().getBoundingClientRect();
        if (!map || !p || !r) return null;
        const point = { x: r.left + p.x, y: r.top + p.y };
        const top = document.elementFromPoint(point.x, point.y);
        const onMap = !!top && map.getContainer().contains(top) && top.tagName === 'CANVAS';
        const what = top ? `${top.tagName.toLowerCase()}.${[...top.classList].join('.')}` : 'nothing';
        return { ...point, covered: onMap ? null : what };
      },
      [lon, lat] as const,
    );
    if (!at) throw new Error('map not ready');
    if (at.covered) throw new Error(`(${lon}, ${lat}) is covered by ${at.covered}, not the map`);
    await this.page.mouse.click(at.x, at.y);
  }

  async cardTitle(): Promise<string> {
    const title = this.page.getByTestId('card-title');
    await title.waitFor({ timeout: 30_000 });
    return (await title.textContent()) ?? '';
  }

  async toggleCategory(code: string): Promise<void> {
    await this.page.getByTestId('categories').locator(`input[value="${code}"]`).click();
    await this.waitForMap();
  }

  async chooseMetric(metric: string): Promise<void> {
    await this.page.getByTestId('metric').locator(`input[value="${metric}"]`).check();
    await this.waitForMap();
  }

  async toggleLayer(layer: string): Promise<void> {
    await this.page.getByTestId('layers').locator(`input[value="${layer}"]`).click();
    await this.waitForMap();
  }

  /** Zooms with the mouse wheel over the middle of the map, as a person would (negative = in). */
  async zoomByWheel(deltaY = -400): Promise<void> {
    const box = await this.page.getByTestId('map').boundingBox();
    if (!box) throw new Error('map not visible');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, deltaY);
    await this.page.waitForFunction(() => new URL(window.location.href).searchParams.has('v'), undefined, {
      timeout: 30_000,
    });
    await this.waitForMap();
  }

  url(): string {
    return this.page.url();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
