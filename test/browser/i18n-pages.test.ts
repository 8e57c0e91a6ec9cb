// The coverage, cooperation, applications, administration and import pages in Russian and Uzbek Cyrillic, in real
// Chromium: one page per screen, the language switched through the link's `lang`; real texts, a date and a plural in
// the language's own forms, and none of these pages' English messages left on the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { startWorld, type World } from './harness.ts';
import { watchPage, type PageRecord } from './driver.ts';
import { MESSAGES } from '../../web/i18n/messages.ts';
import { INTL_TAG, type Locale } from '../../web/i18n/locales.ts';
import { translator } from '../../web/i18n/translate.ts';
import { formatDay, formatMoment, fmtInt } from '../../web/format.ts';

let world: World;
const PERIOD = 'from=2026-08-03&to=2026-10-31';
const LOCALES = ['ru', 'uz-Cyrl'] as const;
/** The message namespaces of these pages. */
const MINE = /^(coverage|cooperation|applications|admin|import)\./;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

/** Literal pieces of a message (plural and select branches included), ICU syntax left out. */
function literals(els: MessageFormatElement[], out: string[] = []): string[] {
  for (const el of els) {
    if (el.type === TYPE.literal) out.push(el.value);
    else if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) literals(o.value, out);
  }
  return out;
}

/**
 * English phrases of these pages' messages that must not be on a screen in `locale`: literal pieces of two words or
 * more, of 10 characters or more, that the language's own message does not contain (names of file formats stay).
 */
function englishPhrases(locale: Locale): string[] {
  const phrases = new Set<string>();
  for (const [id, text] of Object.entries(MESSAGES.en)) {
    if (!MINE.test(id)) continue;
    const own = MESSAGES[locale][id] ?? '';
    for (const piece of literals(parse(text)))
      for (const part of piece.split(/[\n.:;()“”«»,·]/)) {
        const p = part.trim();
        if (p.length >= 10 && /\p{L}+\s+\p{L}+/u.test(p) && !own.includes(p)) phrases.add(p);
      }
  }
  return [...phrases];
}

/** The page's visible text with its titles and aria-labels, without the signed-in person's name and the attribution. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.body.cloneNode(true) as HTMLElement;
    for (const el of root.querySelectorAll('.maplibregl-ctrl-attrib, .user-name')) el.remove();
    const attrs = [...root.querySelectorAll('[title], [aria-label], [placeholder]')].map(
      (el) =>
        `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''}`,
    );
    document.body.append(root);
    root.style.position = 'absolute';
    const visible = root.innerText;
    root.remove();
    return `${visible}\n${attrs.join('\n')}`.replace(/\s+/g, ' ');
  });
}

async function expectNoEnglish(page: Page, locale: Locale): Promise<void> {
  const text = await screenText(page);
  expect(englishPhrases(locale).filter((p) => text.includes(p))).toEqual([]);
}

/** A fresh page (one per screen) that records console errors and requests leaving the origin. */
async function openPage(): Promise<{ page: Page; record: PageRecord }> {
  const page = await world.newPage({ width: 1366, height: 768 }, 'admin', 'en');
  const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
  await watchPage(page, world.origin, record);
  return { page, record };
}

async function go(page: Page, path: string, locale: Locale, map: boolean): Promise<void> {
  await page.goto(`${world.origin}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  if (map)
    await page.waitForFunction(
      () => {
        const m = window.__hamkorMap;
        return !!m && m.loaded() && document.querySelector('.map-area')?.getAttribute('data-loading') === 'false';
      },
      undefined,
      { timeout: 60_000, polling: 200 },
    );
  // HAMKOR_SHOTS=<folder>: keeps a 1366×768 screenshot of each page and language, to be looked at.
  if (process.env.HAMKOR_SHOTS)
    await page.screenshot({ path: `${process.env.HAMKOR_SHOTS}/${path.split(/[/?]/)[1] ?? 'page'}-${locale}.png` });
}

const form = (locale: Locale, n: number): string => new Intl.PluralRules(INTL_TAG[locale]).select(n);
const num = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
const flat = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ');

describe('pages in Russian and Uzbek Cyrillic', () => {
  it('coverage: legend, table, summary plural, the card’s period', async () => {
    const { page, record } = await openPage();
    const totals = ((await (await world.fetch(`/api/coverage?${PERIOD}`)).json()) as { totals: Record<string, number> })
      .totals;
    for (const locale of LOCALES) {
      const t = translator(locale);
      await go(page, `/coverage?${PERIOD}`, locale, true);
      expect(await page.getByTestId('territory-legend').innerText()).toContain(t('coverage.legend.title'));
      expect(await page.getByTestId('inspector-table').locator('thead').innerText()).toContain(
        t('coverage.col.residents'),
      );
      const summary = flat(await page.getByTestId('coverage-summary').innerText());
      const n = totals.inspectors ?? 0;
      // "N инспекторов охватывают" / "N инспектора …" by Russian rules; Uzbek takes no plural after a number.
      const word =
        locale === 'ru'
          ? ({ one: 'инспектор охватывает', few: 'инспектора охватывают' }[form(locale, n)] ?? 'инспекторов охватывают')
          : 'та инспектор';
      expect(summary).toContain(flat(`${fmtInt(n, locale)} ${word}`));
      await page.getByTestId('inspector-row').first().click();
      const card = page.getByTestId('inspector-card');
      await card.getByTestId('inspector-title').waitFor();
      expect(flat(await card.innerText())).toContain(flat(formatDay('2026-08-03', locale)));
      await expectNoEnglish(page, locale);
      await card.getByRole('button', { name: t('coverage.card.close') }).click();
    }
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('cooperation: tabs, gaps plural and the gap rule’s dates', async () => {
    const { page, record } = await openPage();
    for (const locale of LOCALES) {
      const t = translator(locale);
      await go(page, `/cooperation?${PERIOD}&ctab=gaps`, locale, true);
      expect(await page.getByTestId('coop-legend').innerText()).toContain(t('cooperation.legend.title'));
      expect(await page.getByTestId('coop-tab-matrix').innerText()).toBe(t('cooperation.tab.matrix'));
      expect(flat(await page.getByTestId('gap-method').innerText())).toContain(flat(formatDay('2026-10-31', locale)));
      const n = num(await page.getByTestId('gap-count').textContent());
      const line = flat(await page.locator('.gap-count').innerText());
      const word = locale === 'ru' ? ({ one: 'пробел', few: 'пробела' }[form(locale, n)] ?? 'пробелов') : 'та бўшлиқ';
      expect(line.startsWith(flat(`${fmtInt(n, locale)} ${word}`))).toBe(true);
      await page.getByTestId('coop-tab-summary').click();
      await page.getByTestId('coop-summary').waitFor();
      expect(await page.getByTestId('coop-summary').textContent()).toContain(t('cooperation.shares.title'));
      await expectNoEnglish(page, locale);
    }
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('applications: measures, flow title with its period and a plural, breakdowns', async () => {
    const { page, record } = await openPage();
    for (const locale of LOCALES) {
      const t = translator(locale);
      await go(page, `/applications?${PERIOD}`, locale, true);
      expect(await page.getByTestId('measure').innerText()).toContain(
        t('applications.perMahalla', { measure: 'open' }),
      );
      const n = num(await page.getByTestId('total-arrived').textContent());
      const head = flat(await page.locator('.appl-analysis header').innerText());
      expect(head).toContain(flat(`${formatDay('2026-08-03', locale)} – ${formatDay('2026-10-31', locale)}`));
      const word =
        locale === 'ru' ? ({ one: 'обращение', few: 'обращения' }[form(locale, n)] ?? 'обращений') : 'та мурожаат';
      expect(head).toContain(flat(`${fmtInt(n, locale)} ${word}`));
      expect(await page.getByTestId('by-channel').textContent()).toContain(t('applications.dim.channel'));
      expect(await page.getByTestId('national-panel').textContent()).toContain(t('applications.national.duty'));
      await expectNoEnglish(page, locale);
    }
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('administration: accounts table, the audit log’s rows plural and times', async () => {
    const { page, record } = await openPage();
    for (const locale of LOCALES) {
      const t = translator(locale);
      await go(page, '/admin', locale, false);
      // The table's head shows before its rows arrive: wait for a row (a busy machine read the head alone once).
      await page.locator('[data-username="region"]').waitFor();
      expect(await page.getByTestId('accounts-table').locator('thead').innerText()).toContain(
        t('admin.col.lastChange'),
      );
      expect(await page.getByTestId('accounts-table').innerText()).toContain(t('role.admin'));
      // Demo accounts' names are Hamkor's own texts, said in the language; the header's name too.
      expect(await page.getByTestId('accounts-table').innerText()).toContain(t('system.demoAdmin'));
      expect(await page.locator('.user-name').innerText()).toBe(t('system.demoAdmin'));
      // The city database has no region row: Tashkent city is still named (official list), not "Область 1726".
      expect(await page.locator('[data-username="region"] [data-testid="account-area"]').innerText()).toBe(
        locale === 'ru' ? 'город Ташкент' : 'Тошкент шаҳри',
      );
      await expectNoEnglish(page, locale);
      await page.getByTestId('admin-tab-audit').click();
      const row = page.getByTestId('audit-row').first();
      await row.waitFor();
      const heading = flat(await page.locator('#audit-title').innerText());
      const n = num(heading.replace(t('admin.audit.title'), ''));
      expect(heading).toContain(flat(t('admin.audit.rows', { count: n, n: fmtInt(n, locale) })));
      const word = locale === 'ru' ? ({ one: 'запись', few: 'записи' }[form(locale, n)] ?? 'записей') : 'та ёзув';
      expect(heading).toContain(flat(`${fmtInt(n, locale)} ${word}`));
      const at = (await row.locator('time').getAttribute('datetime')) ?? '';
      // Moments are Intl's own (no Uzbek fallback): compared where the browser and Node share the data (Russian).
      if (locale === 'ru') expect(flat(await row.locator('time').innerText())).toBe(flat(formatMoment(at, locale)));
      else expect(await row.locator('time').innerText()).toContain(at.slice(0, 4));
      await expectNoEnglish(page, locale);
      await page.getByTestId('admin-tab-accounts').click();
    }
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it('import: steps, a file’s size plural, the column table', async () => {
    const { page, record } = await openPage();
    const csv = 'id,lon,lat\n1,69.28,41.31\n';
    for (const locale of LOCALES) {
      const t = translator(locale);
      await go(page, '/import', locale, false);
      await page.getByTestId('import-page').waitFor();
      expect(await page.getByTestId('import-page').innerText()).toContain(t('import.step1'));
      expect(await page.getByTestId('import-kind-note').innerText()).toBe(t('import.note.incidents'));
      await page.getByTestId('import-file').setInputFiles({
        name: 'small.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByTestId('import-upload').click();
      await page.getByTestId('import-columns').waitFor();
      const bytes = Buffer.byteLength(csv);
      const word = locale === 'ru' ? ({ one: 'байт', few: 'байта' }[form(locale, bytes)] ?? 'байт') : 'байт';
      expect(flat(await page.locator('#step-columns').innerText())).toContain(`(${bytes} ${word}`);
      expect(await page.getByTestId('import-columns').locator('thead').innerText()).toContain(t('import.need'));
      await expectNoEnglish(page, locale);
    }
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });
});
