// The hot-spot page's other views in real Chromium: the time slider (playback walks the weeks of the selection and
// every panel follows the clock) and applications mapped the same way as incidents.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
});

afterAll(async () => {
  await world?.close();
});

const PERIOD = '?from=2026-08-03&to=2026-10-31';

describe('time slider', () => {
  it('playback advances the clock week by week and the figures follow it', async () => {
    const d = await AppDriver.open(world, PERIOD);
    const clock = d.page.getByTestId('clock');
    await expect(clock.textContent()).resolves.toMatch(/^Whole period · 13 weeks/);
    await d.page.getByTestId('play').click();
    await d.page.waitForFunction(
      () => /^Week 2 of 13/.test(document.querySelector('[data-testid="clock"]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await d.page.getByTestId('play').click(); // pause
    await d.waitForMap();
    const at = new URL(d.url()).searchParams.get('at');
    expect(at === '2026-08-10' || at === '2026-08-17').toBe(true);
    // The summary counts the week on the clock, not the whole selection.
    const summary = (await d.page.getByTestId('summary').textContent()) ?? '';
    expect(summary).toContain(at === '2026-08-10' ? '10 Aug 2026 – 16 Aug 2026' : '17 Aug 2026 – 23 Aug 2026');
    expect(d.record.consoleErrors).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });

  it('a click on a week shows that week; "Whole period" returns to the selection', async () => {
    const d = await AppDriver.open(world, PERIOD);
    await d.page.getByTestId('week').nth(12).click();
    await d.waitForMap();
    await expect(d.page.getByTestId('clock').textContent()).resolves.toMatch(
      /^Week 13 of 13 · 26 Oct 2026 – 31 Oct 2026/,
    );
    expect(new URL(d.url()).searchParams.get('at')).toBe('2026-10-26');
    // One week of a small test district: most mahallas rest on too few incidents and are hatched, not coloured.
    await expect(d.page.getByTestId('legend-note').textContent()).resolves.toMatch(
      /^Hatched: \d+ mahallas? with fewer than/,
    );
    await d.page.getByTestId('whole-period').click();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('at')).toBeNull();
    await expect(d.page.getByTestId('summary').textContent()).resolves.toContain('3 Aug 2026 – 31 Oct 2026');
    await d.close();
  });
});

describe('applications on the map', () => {
  it('one click maps applications instead of incidents, with their own filters and legend', async () => {
    const d = await AppDriver.open(world, PERIOD);
    const before = await d.canvasStats();
    await d.page.getByTestId('source').getByRole('button', { name: 'Applications' }).click();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('src')).toBe('applications');
    await expect(d.page.getByTestId('legend').textContent()).resolves.toContain('Applications per 1,000 residents');
    await expect(d.page.getByTestId('summary').textContent()).resolves.toMatch(/^[\d\u2009]+ applications/);
    // Incident categories give way to the registry and receiver filters.
    await expect(d.page.getByTestId('categories').count()).resolves.toBe(0);
    await d.page.getByTestId('registries').getByRole('button', { name: 'Alphabetical book' }).click();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('reg')).toBe('form1,form2');
    const after = await d.canvasStats();
    expect(after.nonBackground).toBeGreaterThan(0.2);
    expect(after).not.toEqual(before);
    expect(d.record.consoleErrors).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });
});

describe('three views of the same records', () => {
  it('switches between mahallas, hexagons and the heat map in one click each, kept in the URL', async () => {
    const d = await AppDriver.open(world, `${PERIOD}&metric=hotspot`);
    const view = d.page.getByTestId('view');
    const mahallas = await d.canvasStats();
    await view.getByRole('button', { name: 'Hexagons' }).click();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('layers')).toBe('hex,base');
    // Hexagons coloured by hot-spot bins, with the support, resolution and test stated in the legend.
    await expect(d.page.getByTestId('legend').textContent()).resolves.toContain(
      'Hot & cold spots of incidents per hexagon',
    );
    await expect(d.page.getByTestId('legend-note').textContent()).resolves.toMatch(
      /^H3 resolution \d hexagons .*exact test/,
    );
    const hexagons = await d.canvasStats();
    expect(hexagons).not.toEqual(mahallas);
    // A resolution chosen by hand is kept in the link.
    await d.page.getByTestId('hex-res').selectOption('7');
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('res')).toBe('7');
    await view.getByRole('button', { name: 'Heat map' }).click();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('layers')).toBe('heat,base');
    expect(await d.canvasStats()).not.toEqual(hexagons);
    expect(d.record.consoleErrors).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });
});
