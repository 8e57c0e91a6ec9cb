// The Kulldorff scan on the map screen, in real Chromium against the real server: the toggle in the view section
// draws the significant clusters' outlines beside the hot spots, the panel states the method, a click on an outline
// tells that cluster's mahallas, relative risk, records and p-value, and emerging clusters are one choice away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

const RANGE = 'from=2026-08-03&to=2026-10-31';

interface Cluster {
  rank: number;
  ids: number[];
  p: number;
  observed: number;
  outline: number[][][][];
}

/** Pixels of the map canvas close to the high-rate outline colour (web/map/scan-layer.ts SCAN_COLORS.high). */
async function purplePixels(d: AppDriver): Promise<number> {
  return d.page.evaluate(async () => {
    const map = window.__hamkorMap;
    if (!map) return 0;
    map.triggerRepaint();
    await new Promise((r) => map.once('render', r));
    const src = map.getCanvas();
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(src, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4)
      if (Math.abs((px[i] ?? 0) - 106) + Math.abs((px[i + 1] ?? 0) - 27) + Math.abs((px[i + 2] ?? 0) - 154) < 60) n++;
    return n;
  });
}

describe('Kulldorff scan on the map screen', () => {
  it('outlines the significant clusters when switched on, and a click on one tells its figures', async () => {
    const scan = (await (await world.fetch(`/api/hotspots/scan?${RANGE}`)).json()) as { clusters: Cluster[] };
    const shown = scan.clusters.filter((c) => c.p < 0.05);
    expect(shown.length).toBeGreaterThan(0);
    const top = shown[0]!;
    const fc = (await (await world.fetch('/api/mahallas')).json()) as FeatureCollection<
      Polygon | MultiPolygon,
      { id: number; name: string }
    >;
    const names = new Map(fc.features.map((f) => [f.properties.id, f.properties.name]));

    const d = await AppDriver.open(world, `?metric=hotspot&${RANGE}`);
    expect(await purplePixels(d)).toBe(0);
    await d.page.getByTestId('scan-toggle').check();
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('scan')).toBe('spatial');
    await expect(d.page.getByTestId('scan-method').textContent()).resolves.toMatch(
      /^Kulldorff scan, Poisson, 999 draws, p\u00a0<\u00a00\.05, relative risk = incidents per resident inside ÷ outside$/,
    );
    await d.page.getByTestId('scan-list-toggle').click();
    await expect(d.page.getByTestId('scan-clusters').locator('li').count()).resolves.toBe(shown.length);
    // the Gi* legend stays beside it: both views at once
    await expect(d.page.getByTestId('legend').isVisible()).resolves.toBe(true);
    expect(await purplePixels(d)).toBeGreaterThan(50);

    // A click on the outline (one of its corners) chooses the cluster: its mahallas, relative risk, records, p.
    const [lon, lat] = top.outline[0]![0]![0]! as [number, number];
    await d.clickAt(lon, lat);
    const card = d.page.getByTestId('scan-cluster');
    await card.waitFor({ timeout: 10_000 });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Most likely cluster');
    expect(text).toMatch(/Relative risk\d+(\.\d+)?×/);
    expect(text.replace(/\u2009/g, '')).toContain(`${top.observed} incidents observed`);
    expect(text).toMatch(/p\u00a0≤\u00a00\.001|p\u00a0=\u00a00\.0\d+/);
    for (const id of top.ids) expect(text).toContain(names.get(id));
    // the mahalla card does not open: the click was on the cluster
    await expect(d.page.getByTestId('mahalla-card').count()).resolves.toBe(0);

    // Emerging clusters instead: the space-time scan of the last weeks, its own method line.
    await d.page.getByTestId('scan-kind').selectOption('emerging');
    await d.waitForMap();
    expect(new URL(d.url()).searchParams.get('scan')).toBe('emerging');
    await expect(d.page.getByTestId('scan-method').textContent()).resolves.toMatch(
      /^Kulldorff space–time scan, permutation, 999 draws, p\u00a0<\u00a00\.05, the last 1–4 weeks/,
    );

    await d.page.getByTestId('scan-toggle').uncheck();
    await d.waitForMap();
    await expect(d.page.getByTestId('scan-panel').count()).resolves.toBe(0);
    expect(await purplePixels(d)).toBe(0);
    expect(d.record.foreignRequests).toEqual([]);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});
