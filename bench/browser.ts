// Filter change → new layer on screen, measured in headless Chromium against the real server on the demo data.
// The clock runs in the page: from the click on a filter to the second animation frame after the last request of
// the change has answered (deck.gl draws the new colours in the first).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/browser/chromium.ts';
import type { BenchRow } from './spatial-join.ts';
import { withServer } from './http.ts';

const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** In the page: click the `k`-th control matching `selector`, resolve with ms until the map has redrawn. */
export function clickAndWait([selector, k]: [string, number]): Promise<number> {
  const area = document.querySelector('.map-area');
  const control = document.querySelectorAll<HTMLElement>(selector)[k];
  if (!area || !control) return Promise.reject(new Error(`no control ${selector} #${k}`));
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let busy = false;
    const frames = (): void => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    };
    const watch = new MutationObserver(() => {
      const state = area.getAttribute('data-loading');
      if (state === 'true') busy = true;
      if (busy && state === 'false') {
        watch.disconnect();
        frames();
      }
    });
    watch.observe(area, { attributes: true, attributeFilter: ['data-loading'] });
    setTimeout(() => reject(new Error('the map did not update within 20 s')), 20_000);
    control.click();
  });
}

/** Median and p95 of filter changes that each need new data (no step repeats an earlier filter state). */
export async function benchFilterLatency(dbFile: string, port: number): Promise<BenchRow[]> {
  const dist = buildDist();
  const browser = await launchChromium();
  try {
    return await withServer(dbFile, port, async (origin) => measureFilter(browser, origin), dist);
  } finally {
    await browser.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

/** A fresh production build of the web in a temporary folder (the caller removes it). */
export function buildDist(): string {
  const dist = join(tmpdir(), 'hamkor-bench-dist');
  execFileSync(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--logLevel',
    'error',
    '--outDir',
    dist,
    '--emptyOutDir',
  ]);
  return dist;
}

/** In a page signed in as the demo administrator: 21 category changes, each timed to the redrawn map. */
async function measureFilter(browser: Browser, origin: string): Promise<BenchRow[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.request.post(`${origin}/api/auth/login`, { data: { username: 'admin', password: 'hamkor-admin' } });
  const page = await context.newPage();
  // tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`; the page needs that helper too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => window.__hamkorMap?.loaded() && document.querySelector('.map-area')?.getAttribute('data-loading') === 'false',
    undefined,
    { timeout: 60_000 },
  );
  const checkbox = '[data-testid="categories"] input';
  const times: number[] = [];
  // Categories off one by one (11 of 12: the last cannot be), then back on: 21 filter states, all different.
  for (let k = 0; k < 11; k++) times.push(await page.evaluate(clickAndWait, [checkbox, k] as [string, number]));
  for (let k = 0; k < 10; k++) times.push(await page.evaluate(clickAndWait, [checkbox, k] as [string, number]));
  times.sort((a, b) => a - b);
  return [
    {
      name: 'city, Chromium (SwiftShader), 1440×900: category filter change → map redrawn',
      value: `median ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms (n = ${times.length})`,
      target: 'median < 300 ms',
    },
  ];
}
