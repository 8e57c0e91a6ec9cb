// The planner, the territory comparison, the order's annex and the wall screen in Russian and Uzbek Cyrillic, in real
// Chromium: their own texts, a date and a plural from Intl, and the annex header in the language (not mixed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { MESSAGES } from '../../web/i18n/messages.ts';
import { translator } from '../../web/i18n/translate.ts';
import { formatDayLong } from '../../web/format.ts';

let world: World;
let inForce: { id: number; district: string };

beforeAll(async () => {
  world = await startWorld();
  const list = (await (await world.fetch('/api/territories/versions')).json()) as {
    versions: Array<{ id: number; district: string; phase: string }>;
  };
  inForce = list.versions.find((v) => v.phase === 'in_force')!;
});

afterAll(async () => {
  await world?.close();
});

describe.each(['ru', 'uz-Cyrl'] as const)('%s', (locale) => {
  const m = MESSAGES[locale];
  const t = translator(locale);

  it('planner, comparison, annex and wall screen speak the language', async () => {
    const page = await world.newPage({ width: 1366, height: 768 }, 'admin', locale);
    await page.goto(`${world.origin}/planner?d=${inForce.district}&tv=${inForce.id}`);
    const status = page.getByTestId('version-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain(m['planner.phase.in_force']);
    expect(await page.locator('.planner-page').textContent()).toContain(m['planner.plan']);
    // The version Hamkor seeded is named in the language (a system text), not "Plan in force when versions began".
    expect(await page.locator('.planner-page').textContent()).toContain(m['system.territoryBaselineName']);
    // A plural of the post list ("12 махаллей") as Russian rules choose it.
    const post = await page.getByTestId('planner-post').first().innerText();
    const n = Number(/(\d+)\s+\p{L}/u.exec(post.replace(/\u00a0/g, ' '))?.[1]);
    expect(post).toContain(t('planner.mahallas', { count: n }));

    await page.goto(`${world.origin}/territories/diff?d=${inForce.district}&va=${inForce.id}&vb=${inForce.id}`);
    const counts = page.getByTestId('diff-counts');
    await counts.waitFor({ timeout: 60_000 });
    expect(await counts.innerText()).toContain(m['tdiff.same']);
    expect(await page.locator('.tdiff-page').textContent()).toContain(m['tdiff.title']);

    await page.goto(`${world.origin}/territories/print?tv=${inForce.id}`);
    const sheet = page.getByTestId('print-sheet').first();
    await sheet.waitFor({ timeout: 60_000 });
    const head = await sheet.locator('.tprint-head').innerText();
    // The district by its official name (GET /api/meta): in Russian "Чиланзарский район", put in the genitive.
    const names = (await (await world.fetch('/api/meta')).json()) as {
      districts: Array<{ soato: string; nameRu: string; nameUzCyrl: string }>;
    };
    const official = names.districts.find((d) => d.soato === inForce.district)!;
    expect(head).toMatch(
      locale === 'ru'
        ? new RegExp(
            `^Приложение к приказу начальника ОВД ${official.nameRu.replace(/ий район$/, 'ого района')}\n`,
            'u',
          )
        : /^\p{Script=Cyrillic}+ тумани ИИБ бошлиғининг буйруғига илова/u,
    );
    // The first line is ours; the plan's own name on the next one is what its author typed, in any language.
    expect(head.split('\n')[0]).not.toMatch(/[a-z]{3,}/i);
    expect(await sheet.getByTestId('print-table').innerText()).toContain(m['tprint.households']);
    // …and the seeded version's name is Hamkor's own, so it is said in the language too.
    expect(head).toContain(m['system.territoryBaselineName']);

    await page.goto(`${world.origin}/briefing`);
    const slide = page.getByTestId('data-as-of').first();
    await slide.waitFor({ state: 'attached', timeout: 110_000 });
    const meta = (await (await world.fetch('/api/meta')).json()) as { period: { end: string } };
    expect(await slide.textContent()).toContain(formatDayLong(meta.period.end, locale));
    expect(await page.locator('.slide').first().getAttribute('aria-label')).toBe(m['wall.title.title']);
    // The first playlist is Hamkor's: the title slide names it in the language, not as "Morning briefing".
    expect(await page.locator('.title-slide .eyebrow').first().textContent()).toBe(m['system.defaultPlaylist']);
    await page.close();
  });
});
