// Saving what is on screen, in real Chromium: the Hotspots map as PNG (decodes, the map's size plus the legend panel
// and caption) and as PDF (the image embedded, the legend and period in its text), under names that say what and when.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

const NAME = /^hamkor-map-incidents-all-2026-08-03_2026-10-31\.(png|pdf)$/;

describe('map export', () => {
  it('saves the map with its legend as PNG and as PDF', async () => {
    const d = await AppDriver.open(world, '?from=2026-08-03&to=2026-10-31', { width: 1366, height: 768 });
    const p = d.page;
    const legendTitle = ((await p.locator('.map-area .legend h3').first().textContent()) ?? '').trim();
    expect(legendTitle.length).toBeGreaterThan(3);
    const canvas = await p.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      return { w: c?.width ?? 0, h: c?.height ?? 0, ratio: (c?.width ?? 0) / (c?.getBoundingClientRect().width ?? 1) };
    });

    await p.getByTestId('export-map').locator('summary').click();
    const [png] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(NAME);
    const bytes = await readFile((await png.path()) ?? '');
    // PNG signature, then IHDR's width and height (big-endian at bytes 16 and 20).
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(canvas.w + Math.round(300 * canvas.ratio));
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(canvas.h);

    const [pdf] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(NAME);
    const text = (await readFile((await pdf.path()) ?? '')).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toMatch(/\/Filter \/DCTDecode \/Length \d{4,}/);
    // The JPEG itself: its start-of-image marker right after the stream keyword.
    expect(text).toContain('stream\n\u00ff\u00d8\u00ff');
    // Non-ASCII metadata is UTF-16BE in hex (the period's dash, the "·" between parts).
    const hex = /\/Subject <FEFF([0-9A-F]*)>/.exec(text)?.[1] ?? '';
    const subject = String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    expect(subject).toContain(legendTitle);
    expect(subject).toContain('Period: 3 Aug – 31 Oct 2026');
    expect(text).toMatch(/%%EOF\n$/);
    expect(d.record.consoleErrors).toEqual([]);
    await d.close();
  });
});
