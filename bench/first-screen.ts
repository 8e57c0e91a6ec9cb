// Bytes on the wire for one national user's first screen (every request of the page, as Chromium received them:
// compressed bodies and headers) and for a filter change afterwards, and how often /api/meta was asked.
import { rmSync } from 'node:fs';
import type { Request } from 'playwright-core';
import { launchChromium } from '../test/browser/chromium.ts';
import { buildDist, clickAndWait } from './browser.ts';
import { withServer } from './http.ts';
import type { BenchRow } from './spatial-join.ts';

interface Tally {
  bytes: number;
  requests: number;
  meta: number;
}

const mb = (b: number): string => `${(b / 1e6).toFixed(2)} MB`;

/** First screen and one category change on `dbFile`, signed in as the demo administrator. */
export async function benchFirstScreenBytes(dbFile: string, port: number, label: string): Promise<BenchRow[]> {
  const dist = buildDist();
  const browser = await launchChromium();
  try {
    return await withServer(
      dbFile,
      port,
      async (origin) => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.request.post(`${origin}/api/auth/login`, {
          data: { username: 'admin', password: 'hamkor-admin' },
        });
        const page = await context.newPage();
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        let now: Tally = { bytes: 0, requests: 0, meta: 0 };
        const counted: Array<Promise<void>> = [];
        const count = (req: Request): void => {
          const into = now;
          counted.push(
            req.sizes().then((s) => {
              // A file from the memory cache reports a negative body size: nothing came over the wire.
              into.bytes += Math.max(0, s.responseBodySize) + Math.max(0, s.responseHeadersSize);
              into.requests++;
              if (new URL(req.url()).pathname === '/api/meta') into.meta++;
              if (process.env.BENCH_DEBUG) console.error(s.responseBodySize, req.url().slice(0, 100));
            }),
          );
        };
        page.on('requestfinished', count);
        const settled = async (): Promise<Tally> => {
          await page.waitForTimeout(1000);
          await Promise.all(counted);
          return now;
        };
        await page.goto(`${origin}/`);
        await page.waitForFunction(
          () =>
            window.__hamkorMap?.loaded() &&
            document.querySelector('[aria-label="Map"]')?.getAttribute('data-loading') === 'false',
          undefined,
          { timeout: 120_000 },
        );
        const first = await settled();
        now = { bytes: 0, requests: 0, meta: 0 };
        await page.evaluate(clickAndWait, ['[data-testid="categories"] input', 0] as [string, number]);
        const change = await settled();
        return [
          {
            name: `${label}: first screen of the hot-spot map, all requests as received (compressed)`,
            value: `${mb(first.bytes)} in ${first.requests} requests (/api/meta asked ${first.meta}×)`,
            target: '< 3 MB (issue 15), /api/meta once',
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
