// Bytes on the wire for one national user's first screen (every request of the page, as Chromium received them:
// compressed bodies and headers) and for a filter change afterwards, and how often /api/meta was asked.
import { rmSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.ts';
import { buildDist, clickAndWait } from './browser.ts';
import { withServer } from './http.ts';
import { chromiumSettled } from './settle.ts';
import type { BenchRow } from './spatial-join.ts';

interface Tally {
  bytes: number;
  requests: number;
  meta: number;
  /** the slowest API answer's time to first byte (server time plus the loopback), and its path */
  slowest: { ms: number; path: string };
}

/**
 * Drawn: the map's style and every visible tile loaded, its data in, and the legend on screen. The bench and its trace
 * (first-screen-trace.ts) wait for the same thing.
 */
export async function firstScreenDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      window.__hamkorMap?.loaded() &&
      window.__hamkorMap.areTilesLoaded() &&
      document.querySelector('.map-area')?.getAttribute('data-loading') === 'false' &&
      document.querySelector('[data-testid="legend"] h3') !== null,
    undefined,
    { timeout: 120_000, polling: 50 },
  );
}

const empty = (): Tally => ({ bytes: 0, requests: 0, meta: 0, slowest: { ms: 0, path: '' } });

const mb = (b: number): string => `${(b / 1e6).toFixed(2)} MB`;

/** More navigations timed after the counted one: one navigation a run spread ±0.7 s (3.2–4.5 s) on a quiet machine. */
const MORE_RUNS = Number(process.env.HAMKOR_BENCH_FIRST_RUNS ?? 6);

/** A 1440×900 page signed in as the demo administrator (tsx's `__name` shimmed for functions evaluated in it). */
async function signedInPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.request.post(`${origin}/api/auth/login`, { data: { username: 'admin', password: 'hamkor-admin' } });
  const page = await context.newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  return page;
}

/**
 * Navigation → first screen drawn, in a Chromium of its own (no shader, code or HTTP cache from an earlier run, as a
 * user's first visit), signed in as the demo administrator; ms. `settled`: the navigation waits until Chromium has
 * finished starting (bench/settle.ts), as a user's browser has; else it is made at once, as the earlier runs
 * did.
 */
async function timeFirstScreen(origin: string, settled: boolean): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await signedInPage(browser, origin);
    if (settled) await chromiumSettled();
    const start = Date.now();
    await page.goto(`${origin}/`);
    await firstScreenDrawn(page);
    return Date.now() - start;
  } finally {
    await browser.close();
  }
}

/** First screen and one category change on `dbFile`, signed in as the demo administrator. */
export async function benchFirstScreenBytes(dbFile: string, port: number, label: string): Promise<BenchRow[]> {
  const dist = buildDist();
  const browser = await launchChromium();
  try {
    return await withServer(
      dbFile,
      port,
      async (origin) => {
        const page = await signedInPage(browser, origin);
        let now = empty();
        const counted: Array<Promise<void>> = [];
        const count = (req: Request): void => {
          const into = now;
          counted.push(
            req.sizes().then((s) => {
              // A file from the memory cache reports a negative body size: nothing came over the wire.
              into.bytes += Math.max(0, s.responseBodySize) + Math.max(0, s.responseHeadersSize);
              into.requests++;
              const path = new URL(req.url()).pathname;
              if (path === '/api/meta') into.meta++;
              const t = req.timing();
              const ms = t.responseStart - t.requestStart;
              if (path.startsWith('/api/') && ms > into.slowest.ms) into.slowest = { ms, path };
              if (process.env.BENCH_DEBUG)
                console.error(
                  s.responseBodySize,
                  Math.round(req.timing().responseStart - req.timing().requestStart),
                  Math.round(req.timing().startTime),
                  req.url().slice(0, 100),
                );
            }),
          );
        };
        page.on('requestfinished', count);
        const settled = async (): Promise<Tally> => {
          await page.waitForTimeout(1000);
          await Promise.all(counted);
          return now;
        };
        await chromiumSettled();
        const start = Date.now();
        await page.goto(`${origin}/`);
        await firstScreenDrawn(page);
        const drawnMs = Date.now() - start;
        const first = await settled();
        now = empty();
        await page.evaluate(clickAndWait, ['[data-testid="categories"] input', 0] as [string, number]);
        const change = await settled();
        // Alternating, so that a slower spell of the host falls on both.
        const times = [drawnMs];
        const atLaunch: number[] = [];
        for (let i = 0; i < MORE_RUNS; i++) {
          times.push(await timeFirstScreen(origin, true));
          atLaunch.push(await timeFirstScreen(origin, false));
        }
        const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
        const spread = (ms: number[]): string => {
          const sorted = [...ms].sort((a, b) => a - b);
          const median = sorted[Math.floor(sorted.length / 2)]!;
          return `median ${s(median)} of ${sorted.length} navigations (${s(sorted[0]!)}–${s(sorted[sorted.length - 1]!)})`;
        };
        return [
          {
            name: `${label}: first screen of the hot-spot map, all requests as received (compressed)`,
            value: `${mb(first.bytes)} in ${first.requests} requests (/api/meta asked ${first.meta}×)`,
            target: '< 3 MB (issue 15), /api/meta once',
          },
          {
            name: `${label}: first screen, from navigation to the map with its legend drawn (headless Chromium, software GL), each in a Chromium of its own with a fresh profile, started and settled`,
            value: `${spread(times)}; slowest API answer ${first.slowest.ms.toFixed(0)} ms (${first.slowest.path})`,
            target: '< 3 s; every endpoint < 300 ms (issue 15)',
          },
          {
            name: `${label}: the same, each navigation made the moment Chromium had launched (the method of the earlier runs)`,
            value: spread(atLaunch),
            target: 'reported',
          },
          {
            name: `${label}: one category filter change, all requests as received`,
            value: `${(change.bytes / 1e3).toFixed(0)} kB in ${change.requests} requests`,
            target: '< 300 kB (issue 15)',
          },
        ];
      },
      dist,
    );
  } finally {
    await browser.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
