// `[HAMKOR_USER=admin] [HAMKOR_SIZES=1366x768,1280x720] npx tsx scripts/screenshot.ts [url-path] [name]`: screenshots a
// running Hamkor into .shots/, at 1440×900 and 1920×1080 unless HAMKOR_SIZES names others (office laptops: 1366x768);
// HAMKOR_SETTLE_S: how long to wait for the map (30 s).
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../test/browser/chromium.ts';
import { demoPassword } from '../data/demo-accounts.ts';

const origin = process.env.HAMKOR_URL ?? 'http://localhost:8080';
const path = process.argv[2] ?? '/';
const name = process.argv[3] ?? 'home';
mkdirSync('.shots', { recursive: true });
// HAMKOR_USER signs in first as that demo account (its password from data/demo-accounts.ts); unset, the sign-in page.
const user = process.env.HAMKOR_USER;
const browser = await launchChromium();
const sizes = (process.env.HAMKOR_SIZES ?? '1440x900,1920x1080').split(',').map((s) => s.split('x').map(Number));
for (const [width = 1440, height = 900] of sizes) {
  const context = await browser.newContext({ viewport: { width, height } });
  if (user) {
    const res = await context.request.post(`${origin}/api/auth/login`, {
      data: { username: user, password: demoPassword(user) },
    });
    if (!res.ok()) throw new Error(`sign-in of ${user} answered ${res.status()}`);
  }
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  page.on('requestfailed', (r) => console.log('request failed:', r.url()));
  await page.goto(origin + path);
  // Pages with a map: wait until it has loaded and the app has no request in flight; pages without: network idle.
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(
      () => {
        if (!document.querySelector('[data-testid="map"]')) return true;
        const m = window.__hamkorMap;
        const area = document.querySelector('.map-area');
        return !!m && m.loaded() && (!area || area.getAttribute('data-loading') === 'false');
      },
      undefined,
      { timeout: Number(process.env.HAMKOR_SETTLE_S ?? 30) * 1000 },
    )
    .catch(() => console.log(`${path}: the map did not settle in time; taking the picture anyway`));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `.shots/${name}-${width}.png` });
  await context.close();
}
await browser.close();
console.log('saved');
