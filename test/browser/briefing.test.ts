// The wall screen in real Chromium against the real server: rotation, keys, legibility at 1080p and 4K, the cursor,
// surviving a server outage, and printing one A4 page per slide.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { BriefingDriver, givenPlaylist, PlaylistEditorDriver, type TextSample } from './briefing-driver.ts';
import { contrastRatio, over, parseColor, type Rgba } from '../../web/views/briefing/contrast.ts';
import type { PlaylistInput } from '../../server/contract/playlists.ts';

let world: World;
/** Three short slides (3 s each) without a map (software WebGL at 4K is slow), so rotation can be watched in a test. */
const QUICK: PlaylistInput = {
  name: 'Test rotation',
  period: '4w',
  slides: [
    { kind: 'title', dwellS: 3 },
    { kind: 'top_mahallas', dwellS: 3 },
    { kind: 'coverage', dwellS: 3 },
  ],
};

beforeAll(async () => {
  world = await startWorld();
});

beforeEach(async () => {
  await world.restoreDatabase();
});

afterAll(async () => {
  await world?.close();
});

/** Closes the page first (a failed check must not leave a 4K WebGL page running into the next test), then checks. */
async function expectClean(d: BriefingDriver): Promise<void> {
  await d.close();
  expect(d.record.foreignRequests).toEqual([]);
  expect(d.record.consoleErrors, JSON.stringify(d.record.consoleErrors)).toEqual([]);
}

/** The colour text is drawn on: its ancestors' backgrounds composited from the outermost opaque one inwards. */
function effectiveBackground(layers: string[]): Rgba {
  let bg: Rgba = [255, 255, 255, 1];
  const colours = layers.map(parseColor).filter((c): c is Rgba => c !== null && c[3] > 0);
  const opaque = colours.findIndex((c) => c[3] >= 1);
  for (const c of (opaque < 0 ? colours : colours.slice(0, opaque + 1)).reverse()) bg = c[3] >= 1 ? c : over(c, bg);
  return bg;
}

function legibilityProblems(samples: TextSample[], height: number): string[] {
  const problems: string[] = [];
  for (const s of samples) {
    // Body text at least 2.2 % of the screen height (half a pixel of rounding allowed).
    if (s.fontPx < 0.022 * height - 0.5)
      problems.push(`"${s.text}" is ${s.fontPx}px < ${(0.022 * height).toFixed(1)}px`);
    const fg = parseColor(s.color);
    const ratio = fg ? contrastRatio(fg, effectiveBackground(s.backgrounds)) : 0;
    if (ratio < 4.5)
      problems.push(`"${s.text}" has contrast ${ratio.toFixed(2)} (${s.color} on ${s.backgrounds.join(' < ')})`);
  }
  return problems;
}

// Rotation and keys do not depend on the screen's size: checked once, at the common wall-screen size.
describe('wall screen rotation', () => {
  const viewport = { width: 1920, height: 1080 };
  it('advances by itself after each slide’s dwell time and writes the slide to the URL', async () => {
    const quick = await givenPlaylist(world, QUICK);
    const d = await BriefingDriver.open(world, `?playlist=${quick}`, viewport);
    expect(await d.kinds()).toEqual(['title', 'top_mahallas', 'coverage']);
    await d.waitForSlide(2, 15_000);
    const t0 = Date.now();
    await d.waitForSlide(3, 15_000);
    expect(Date.now() - t0).toBeGreaterThan(2000);
    expect(new URL(d.page.url()).searchParams.get('slide')).toBe('3');
    await expectClean(d);
  });

  it('steps with the arrow keys, wraps around, and pauses on space', async () => {
    const quick = await givenPlaylist(world, QUICK);
    const d = await BriefingDriver.open(world, `?playlist=${quick}&slide=2&dwell=5`, viewport);
    expect(await d.slide()).toBe(2);
    await d.press('Space');
    await d.page.getByTestId('paused-badge').waitFor();
    await d.press('ArrowRight');
    expect(await d.slide()).toBe(3);
    await d.press('ArrowRight');
    expect(await d.slide()).toBe(1);
    await d.press('ArrowLeft');
    expect(await d.slide()).toBe(3);
    await d.page.waitForTimeout(6000); // longer than the 5 s dwell: still paused, still slide 3
    expect(await d.slide()).toBe(3);
    await d.press('Space');
    await d.waitForSlide(1, 15_000);
    await d.press('f'); // full screen may be refused headless; it must not break anything
    await expectClean(d);
  });
});

// Legibility does: text sized in screen units and contrast, at full HD and 4K (16:9) and at 1440×900 (16:10, the same
// page made narrower): nothing may run off the screen or out of its slide's body into the footer either.
describe.each([
  { width: 1920, height: 1080, narrower: { width: 1440, height: 900 } },
  { width: 3840, height: 2160, narrower: null },
])('wall screen at $width×$height', ({ narrower, ...viewport }) => {
  it('every slide is readable from the back of the room: text ≥ 2.2 % of the height, WCAG AA contrast', async () => {
    const d = await BriefingDriver.open(world, '?dwell=600&period=4w', viewport);
    const kinds = await d.kinds();
    for (const size of narrower ? [viewport, narrower] : [viewport]) {
      await d.page.setViewportSize(size);
      // After a round of ArrowRight the first slide is on screen again.
      for (let i = 0; i < kinds.length; i++) {
        await d.settle();
        const samples = await d.visibleText();
        const where = `slide ${i + 1} (${kinds[i]}) at ${size.width}×${size.height}`;
        expect(samples.length, `text on ${where}`).toBeGreaterThan(5);
        expect((await d.page.locator('.slide.active .slide-body').innerText()).trim(), `body of ${where}`).not.toBe('');
        expect(legibilityProblems(samples, size.height), where).toEqual([]);
        expect(await d.overflowing(), where).toEqual([]);
        await d.press('ArrowRight');
      }
    }
    await expect(d.page.getByTestId('data-as-of').first().textContent()).resolves.toMatch(/^Data as of \d+ \w+ \d{4}/);
    await expectClean(d);
  });
});

describe('wall screen, unattended', () => {
  const viewport = { width: 1920, height: 1080 };

  it('opens each slide from its own link, with the map legend on the hot-spot slide', async () => {
    const d = await BriefingDriver.open(world, '?slide=2&dwell=600', viewport);
    expect(await d.slide()).toBe(2);
    await d.settle();
    await expect(d.page.getByTestId('slide-legend').textContent()).resolves.toMatch(
      // Figures keep their unit on the same line (a no-break space before %).
      /Hot & cold spots.*Hot spot, 99\u00a0%.*Not significant.*Cold spot, 99\u00a0%.*counted against residents.*exact test.*false discovery rate 10\u00a0%/,
    );
    await expectClean(d);
  });

  it('hides the cursor after 3 s without movement and shows it again on movement', async () => {
    const d = await BriefingDriver.open(world, '?dwell=600', viewport);
    await d.page.mouse.move(400, 400);
    await d.page.mouse.move(960, 540);
    expect(await d.cursor()).not.toBe('none');
    await d.page.waitForFunction(() => document.querySelector('.briefing.cursor-hidden') !== null, undefined, {
      timeout: 6000,
    });
    expect(await d.cursor()).toBe('none');
    await d.page.mouse.move(900, 500);
    expect(await d.cursor()).not.toBe('none');
    await expectClean(d);
  });

  it('keeps the last slides with a "stale since" badge while the server is down, and recovers by itself', async () => {
    const d = await BriefingDriver.open(world, '?dwell=600&refresh=2', viewport);
    await d.settle();
    expect(await d.staleBadge()).toBeNull();
    await world.stopServer();
    try {
      await d.page.getByTestId('stale-badge').waitFor({ timeout: 20_000 });
      expect(await d.staleBadge()).toMatch(/stale since \d{2}:\d{2}/);
      expect(await d.page.getByTestId('slide').count()).toBe(6);
      await expect(d.page.locator('.slide.active h1').textContent()).resolves.toBe('Prevention service briefing');
    } finally {
      await world.startServer();
    }
    await d.page.getByTestId('stale-badge').waitFor({ state: 'detached', timeout: 20_000 });
    // Only the refused requests of the outage may have been logged.
    expect(d.record.consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    expect(d.record.foreignRequests).toEqual([]);
    await d.close();
  });

  it('prints one A4 landscape page per slide', async () => {
    const d = await BriefingDriver.open(world, '?slide=2&dwell=600&period=4w', viewport);
    await d.settle();
    expect(await d.pdfPageCount()).toBe(6);
    await expectClean(d);
  });
});

describe('playlist editor (Briefing page)', () => {
  it('reorders slides, changes a dwell time and saves to the server', async () => {
    const id = await givenPlaylist(world, {
      name: 'Editor test',
      slides: [
        { kind: 'title', dwellS: 5 },
        { kind: 'coverage', dwellS: 9 },
      ],
    });
    const editor = await PlaylistEditorDriver.open(world);
    await editor.choose('Editor test');
    expect(await editor.slideCount()).toBe(2);
    // Its buttons share the app's look (rounded, semibold), not the browser's square default.
    expect(await editor.buttonLooks()).toEqual(['7px 600 14px']);
    await editor.moveUp(1);
    await editor.setDwell(1, 7);
    expect(await editor.save()).toMatch(/^Saved\b/);
    const saved = (await (await world.fetch(`/api/playlists/${id}`)).json()) as { slides: unknown[] };
    expect(saved.slides).toEqual([
      { kind: 'coverage', dwellS: 9 },
      { kind: 'title', dwellS: 7 },
    ]);
    expect(await editor.wallLink()).toBe(`/briefing?playlist=${id}`);
    await editor.close();
    expect(editor.record).toEqual({ consoleErrors: [], foreignRequests: [] });
  });
});
