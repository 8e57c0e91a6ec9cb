// Domain actions on the wall screen (/briefing): which slide shows, keys, what a viewer can read, print to PDF; and
// on the playlist editor (/playlists) that feeds it.
import type { Page } from 'playwright-core';
import type { PlaylistInput } from '../../server/contract/playlists.ts';
import type { World } from './harness.ts';
import { watchPage, type PageRecord } from './driver.ts';

/** Stores a playlist through the API, as the editor would have; resolves to its id. */
export async function givenPlaylist(world: World, playlist: PlaylistInput): Promise<number> {
  const res = await world.fetch(`/api/playlists`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(playlist),
  });
  if (res.status !== 201) throw new Error(`playlist not stored: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** A piece of visible text with its computed size and colours (backgrounds listed innermost first). */
export interface TextSample {
  text: string;
  fontPx: number;
  color: string;
  backgrounds: string[];
}

export class BriefingDriver {
  readonly record: PageRecord = { consoleErrors: [], foreignRequests: [] };

  private constructor(readonly page: Page) {}

  /** Opens /briefing with `query` at `viewport` and waits until the slides are on screen. */
  static async open(world: World, query: string, viewport: { width: number; height: number }): Promise<BriefingDriver> {
    const page = await world.newPage(viewport);
    const d = new BriefingDriver(page);
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}/briefing${query}`);
    // Generous: software WebGL at 4K on a busy 2-core machine takes a while before the first slide is up.
    await page.getByTestId('slide').first().waitFor({ state: 'attached', timeout: 110_000 });
    return d;
  }

  /** 1-based number of the slide on screen. */
  async slide(): Promise<number> {
    return Number(await this.page.getByTestId('briefing').getAttribute('data-slide'));
  }

  async kinds(): Promise<string[]> {
    return this.page.getByTestId('slide').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  }

  async waitForSlide(n: number, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction(
      (k) => document.querySelector('[data-testid="briefing"]')?.getAttribute('data-slide') === String(k),
      n,
      { timeout: timeoutMs, polling: 100 },
    );
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Waits until every map has loaded and stopped, and the slide on screen has fully faded in. */
  async settle(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const maps = document.querySelectorAll('.maplibregl-map');
        const map = window.__hamkorMap;
        return maps.length === 0 || (!!map && map.loaded() && !map.isMoving());
      },
      undefined,
      { timeout: 110_000, polling: 200 },
    );
    // The slide fades in (0.6 s); on a busy machine that can take longer, so wait for the end state, not a time.
    await this.page.waitForFunction(
      () => {
        const active = document.querySelector('.slide.active');
        return !!active && getComputedStyle(active).opacity === '1';
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
  }

  /** Every visible piece of text on screen, with its font size and the colours it is drawn on. */
  async visibleText(): Promise<TextSample[]> {
    return this.page.evaluate(() => {
      const out: Array<{ text: string; fontPx: number; color: string; backgrounds: string[] }> = [];
      const root = document.querySelector('[data-testid="briefing"]');
      if (!root) return out;
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        if (!own || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        // Text for screen readers only (.visually-hidden: a 1 px clipped box) is not read from the back of the room.
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;
        const style = getComputedStyle(el);
        const backgrounds: string[] = [];
        for (let a: HTMLElement | null = el; a; a = a.parentElement)
          backgrounds.push(getComputedStyle(a).backgroundColor);
        out.push({ text: own.slice(0, 40), fontPx: parseFloat(style.fontSize), color: style.color, backgrounds });
      }
      return out;
    });
  }

  /**
   * Visible pieces of the slide on screen that run off the screen, or out of the slide's body (into the header or the
   * footer), by more than a pixel: their text, cut to 40 characters, and how.
   */
  async overflowing(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      const body = document.querySelector('.slide.active .slide-body')?.getBoundingClientRect();
      for (const el of document.querySelectorAll<HTMLElement>('.slide.active .slide-body *')) {
        const b = el.getBoundingClientRect();
        if (b.width <= 1 || b.height <= 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
        const name = (el.textContent ?? el.className).trim().slice(0, 40);
        if (b.right > window.innerWidth + 1 || b.bottom > window.innerHeight + 1) out.push(`${name}: off the screen`);
        else if (body && (b.bottom > body.bottom + 1 || b.top < body.top - 1 || b.right > body.right + 1))
          out.push(`${name}: out of the slide's body`);
      }
      // The scale bar is as long as its distance: its words must fit inside it, not run past it (and the map's edge).
      for (const el of document.querySelectorAll<HTMLElement>('.slide.active .maplibregl-ctrl-scale'))
        if (el.scrollWidth > el.clientWidth + 1) out.push(`scale bar "${el.textContent ?? ''}": its words overflow it`);
      return out;
    });
  }

  /** The CSS cursor over the middle of the screen. */
  async cursor(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      return el ? getComputedStyle(el).cursor : '';
    });
  }

  async staleBadge(): Promise<string | null> {
    const badge = this.page.getByTestId('stale-badge');
    return (await badge.count()) > 0 ? badge.textContent() : null;
  }

  /** Prints to PDF as a person would (A4 landscape from the page's own @page rule) and counts its pages. */
  async pdfPageCount(): Promise<number> {
    const pdf = await this.page.pdf({ preferCSSPageSize: true, printBackground: true });
    // Page objects are "/Type /Page" (the tree's root is "/Type /Pages").
    return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The playlist editor of the Briefing page (/playlists): choose a playlist, edit its slides, save. */
export class PlaylistEditorDriver {
  readonly record: PageRecord = { consoleErrors: [], foreignRequests: [] };

  private constructor(readonly page: Page) {}

  static async open(world: World): Promise<PlaylistEditorDriver> {
    const page = await world.newPage({ width: 1440, height: 900 });
    const d = new PlaylistEditorDriver(page);
    await watchPage(page, world.origin, d.record);
    await page.goto(`${world.origin}/playlists`);
    return d;
  }

  /** Chooses a playlist in the list; resolves once the editor shows it. */
  async choose(name: string): Promise<void> {
    await this.page.getByTestId('playlist-item').filter({ hasText: name }).click();
    const shown = (n: string): boolean =>
      document.querySelector<HTMLInputElement>('[data-testid="playlist-name"]')?.value === n;
    await this.page.waitForFunction(shown, name, { timeout: 10_000, polling: 100 });
  }

  slideCount(): Promise<number> {
    return this.page.getByTestId('slide-row').count();
  }

  /** Moves the slide at 0-based `row` one place up. */
  async moveUp(row: number): Promise<void> {
    await this.page.getByTestId('slide-row').nth(row).getByTestId('move-up').click();
  }

  async setDwell(row: number, seconds: number): Promise<void> {
    await this.page.getByTestId('slide-row').nth(row).getByTestId('dwell-input').fill(String(seconds));
  }

  /**
   * Clicks Save and resolves to what the editor says once it is done: refused ("Not saved: …"), or saved and showing
   * the stored playlist again (nothing left to save, so Save is disabled). Waits for an end state, never for a
   * message that may come and go between two polls.
   */
  async save(): Promise<string> {
    await this.page.getByTestId('save').click();
    await this.page.waitForFunction(
      () => {
        const status = document.querySelector('[data-testid="save-status"]')?.textContent ?? '';
        return (
          status.startsWith('Not saved') ||
          document.querySelector<HTMLButtonElement>('[data-testid="save"]')?.disabled === true
        );
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    return (await this.page.getByTestId('save-status').textContent()) ?? '';
  }

  /** The look (corner radius, weight, padding) of the editor's own buttons, New playlist to Delete, each distinct once. */
  async buttonLooks(): Promise<string[]> {
    const ids = ['new-playlist', 'add-slide', 'save', 'playlist-delete'];
    const looks = await this.page.evaluate((list) => {
      return list.map((id) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        const s = el ? getComputedStyle(el) : null;
        return s ? `${s.borderTopLeftRadius} ${s.fontWeight} ${s.paddingLeft}` : `${id} missing`;
      });
    }, ids);
    return [...new Set(looks)];
  }

  wallLink(): Promise<string | null> {
    return this.page.getByTestId('wall-link').getAttribute('href');
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
