// Keyboard checks of one page: what has focus, the map's centre, and a mahalla moved under the cross-hair.
import type { Page } from 'playwright-core';
import { mapSettled } from './driver.ts';

/** The focused element's test id, the closest one above it when it has none, and whether it is the map canvas. */
export async function focused(page: Page): Promise<{ testId: string | null; canvas: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      testId: el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      canvas: !!el?.classList.contains('maplibregl-canvas'),
    };
  });
}

export async function mapCentre(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const c = window.__hamkorMap?.getCenter();
    return [c?.lng ?? NaN, c?.lat ?? NaN] as [number, number];
  });
}

/** Moves the camera so that (lon, lat) is in the middle of the map, at zoom 14, and waits for it to settle. */
export async function centreOn(page: Page, lon: number, lat: number): Promise<void> {
  await page.evaluate(([x, y]) => window.__hamkorMap?.jumpTo({ center: [x, y], zoom: 14 }), [lon, lat] as const);
  await mapSettled(page);
}
