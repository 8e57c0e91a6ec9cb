// The header's search in real Chromium: a mahalla typed in Latin with each apostrophe and in Cyrillic is found,
// picked with the keyboard or the mouse, and the map flies to it, selects it and opens its card; the combobox says
// what is active and closes on Escape. One page for all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../server/contract/search.ts';
import type { Territories } from '../../web/queries/mahallas.ts';
import { latinToCyrillic } from '../../server/shared/uz-names.ts';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

/** A mahalla of the test database whose name has oʻ or gʻ and no twin, found through the API as the page will. */
async function mahallaWithOkina(): Promise<SearchHit> {
  const fc = (await (await world.fetch('/api/mahallas')).json()) as Territories;
  const names = fc.features.map((f) => f.properties.name);
  const name = names.find((n) => /[oOgG]ʻ/.test(n) && names.indexOf(n) === names.lastIndexOf(n));
  if (!name) throw new Error('the test database has no mahalla name with oʻ or gʻ');
  const res = (await (await world.fetch(`/api/search?q=${encodeURIComponent(name)}`)).json()) as SearchResult;
  const hit = res.hits.find((h) => h.kind === 'mahalla' && h.name === name);
  if (!hit) throw new Error(`the API does not find ${name}`);
  return hit;
}

describe('search in the header', () => {
  it('finds a mahalla by any apostrophe and in Cyrillic; picking it flies there, selects it and opens its card', async () => {
    const target = await mahallaWithOkina();
    const [w, s, e, n] = target.bbox ?? [0, 0, 0, 0];
    const d = await AppDriver.open(world, '?from=2026-08-03&to=2026-10-31');
    const input = d.page.getByRole('combobox', { name: 'Find' });
    const variants = [
      target.name.replace(/ʻ/g, "'"),
      target.name.replace(/ʻ/g, '‘'),
      target.name.replace(/ʻ/g, '’'),
      target.name.replace(/ʻ/g, ''),
      latinToCyrillic(target.name),
      latinToCyrillic(target.name).toUpperCase(),
    ];
    for (const [k, typed] of variants.entries()) {
      // Away from the mahalla first, so each pick has to move the camera and the selection back.
      await d.page.evaluate(() => window.__hamkorMap?.jumpTo({ center: [69.0, 41.0], zoom: 10 }));
      await d.page.getByRole('combobox', { name: 'Find' }).fill('');
      await d.page.keyboard.press('Escape');
      await input.fill(typed);
      // The hits of this very text (an earlier text's stay on screen while they load).
      await d.page.locator('[role="listbox"][aria-busy="false"]').waitFor({ timeout: 15_000 });
      const first = d.page.getByRole('option').first();
      await expect(first.locator('.search-name').textContent(), typed).resolves.toBe(target.name);
      expect(await input.getAttribute('aria-expanded'), `${k} ${typed}`).toBe('true');
      if (k % 2 === 0) {
        // Keyboard: the first option becomes active (aria-activedescendant), Enter picks it.
        await d.page.keyboard.press('ArrowDown');
        const active = await input.getAttribute('aria-activedescendant');
        expect(active).toBeTruthy();
        expect(await d.page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
        await d.page.keyboard.press('Enter');
      } else {
        await first.click();
      }
      await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(d.cardTitle()).resolves.toContain(target.name);
      expect(new URL(d.url()).searchParams.get('m'), typed).toBe(String(target.id));
      await d.waitForMap();
      const camera = await d.page.evaluate(() => {
        const map = window.__hamkorMap;
        const c = map?.getCenter();
        return { lon: c?.lng ?? 0, lat: c?.lat ?? 0, zoom: map?.getZoom() ?? 0 };
      });
      // Framed: the centre near the mahalla's (the card may shift it aside a little), zoomed in on it.
      expect(camera.lon, typed).toBeGreaterThan(w - (e - w));
      expect(camera.lon, typed).toBeLessThan(e + (e - w));
      expect(camera.lat, typed).toBeGreaterThan(s - (n - s));
      expect(camera.lat, typed).toBeLessThan(n + (n - s));
      expect(camera.zoom, typed).toBeGreaterThan(12);
    }

    // The open list as a person sees it, at 1440 × 900.
    await input.fill(latinToCyrillic(target.name).slice(0, 3));
    await d.page.locator('[role="listbox"][aria-busy="false"]').waitFor({ timeout: 15_000 });
    await d.page.keyboard.press('ArrowDown');
    await d.page.keyboard.press('ArrowDown');
    await d.page.screenshot({ path: '.shots/search-1440.png', clip: { x: 0, y: 0, width: 1440, height: 520 } });
    // Escape closes the list, a second one clears the box.
    await d.page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await d.page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    expect(d.record.consoleErrors).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });
});
