// The import page in real Chromium against the real server: an administrator uploads a small CSV whose date and
// offence columns Hamkor cannot guess, chooses them, checks the file (report), imports it, and the map's count of
// incidents changes to the imported ones. One page for the whole story; screenshots when IMPORT_SHOTS names a folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;
let csv = '';

beforeAll(async () => {
  world = await startWorld();
  const meta = (await (await world.fetch('/api/meta')).json()) as { period: { end: string } };
  const fc = (await (await world.fetch('/api/mahallas')).json()) as FeatureCollection<Polygon | MultiPolygon>;
  const [lon, lat] = pointOnFeature(fc.features[0] as Feature<Polygon | MultiPolygon>).geometry.coordinates as [
    number,
    number,
  ];
  // Seven incidents in the last week of the data (inside the map's default period), a few metres apart.
  const end = Date.parse(`${meta.period.end}T12:00:00Z`);
  const rows = Array.from({ length: 7 }, (_, i) => {
    const day = new Date(end - (i + 1) * 86_400_000).toISOString().slice(0, 10);
    return `R-${i};${day} 12:00;${(lon + i * 1e-5).toFixed(6)};${lat.toFixed(6)};Кража;solved`;
  });
  csv = ['Номер;Когда;Долгота;Широта;Что случилось;Статус', ...rows].join('\n') + '\n';
});

afterAll(async () => {
  await world?.close();
});

const shots = process.env.IMPORT_SHOTS;

describe('import page', () => {
  it('uploads a CSV, maps two columns, reports, imports, and the map shows the imported incidents', async () => {
    const d = await AppDriver.open(world, '', { width: 1366, height: 768 });
    const page = d.page;
    const before = await page.getByTestId('summary').textContent();
    expect(before).not.toMatch(/^7 incidents/);
    await expect(page.getByTestId('demo-badge').textContent()).resolves.toBe('Demo data');
    await expect(page.getByTestId('demo-badge').getAttribute('title')).resolves.toMatch(
      /Still generated: boundaries, incidents, applications$/,
    );

    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'map-before-1366x768.png') });
    }
    await page.getByTestId('tab-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'week.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-columns').waitFor();
    // Focus goes into the mapping; Escape closes it, back to Show, which brings it back.
    const inColumns = (): Promise<boolean> =>
      page.evaluate(() => !!document.activeElement?.querySelector('[data-testid="import-columns"]'));
    await expect.poll(inColumns).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('import-columns').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('import-upload').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('import-columns').waitFor();
    expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(7);
    // Hamkor recognised the id, the coordinates and the status, but not "Когда" (when) nor "Что случилось" (what).
    expect(await page.getByTestId('import-column-ts').inputValue()).toBe('');
    expect(await page.getByTestId('import-column-category').inputValue()).toBe('');
    expect(await page.getByTestId('import-column-lon').inputValue()).toBe('Долгота');
    await page.getByTestId('import-column-ts').selectOption('Когда');
    await page.getByTestId('import-column-category').selectOption('Что случилось');
    expect(await page.getByTestId('import-value-category-Кража').inputValue()).toBe('property');

    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    const counts = await page.getByTestId('import-counts').textContent();
    expect(counts).toContain('7 rows read');
    expect(counts).toContain('0 with problems');
    expect(counts).toContain('7 new records would be added');
    if (shots) {
      await page.screenshot({ path: join(shots, 'import-1366x768.png'), fullPage: false });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.screenshot({ path: join(shots, 'import-1920x1080.png'), fullPage: false });
    }

    await page.getByTestId('import-commit').click();
    const success = page.getByTestId('import-success');
    await success.waitFor({ timeout: 30_000 });
    expect(await success.textContent()).toMatch(/^Imported week\.csv: 7 added, 0 updated, 0 unchanged\./);
    // The list is asked again once the commit has finished, so it may follow the success line by a moment.
    await page
      .getByTestId('past-imports')
      .getByRole('cell', { name: 'week.csv', exact: true })
      .waitFor({ timeout: 10_000 });
    if (shots) await page.screenshot({ path: join(shots, 'import-done-1920x1080.png'), fullPage: true });

    await page.getByTestId('import-open-map').click();
    await d.waitForMap();
    await expect(page.getByTestId('summary').textContent()).resolves.toMatch(/^7 incidents/);
    await expect(page.getByTestId('demo-badge').textContent()).resolves.toBe('Partly demo data');
    await expect(page.getByTestId('demo-badge').getAttribute('title')).resolves.toMatch(
      /incidents: week\.csv, imported \d{4}-\d\d-\d\d \d\d:\d\d \(today\).*Still generated: boundaries, applications$/,
    );
    if (shots) await page.screenshot({ path: join(shots, 'map-after-1920x1080.png') });
    expect(d.record.consoleErrors).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });
});
