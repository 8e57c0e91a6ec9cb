// The hot-spot page in each of the app's languages, in real Chromium: the switch in the header (kept in the link,
// remembered, <html lang>), translated texts, a date and a plural from Intl, and no English left on the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, type World } from './harness.ts';
import { mapSettled, watchPage, type PageRecord } from './driver.ts';
import { MESSAGES } from '../../web/i18n/messages.ts';
import { INTL_TAG, type Locale } from '../../web/i18n/locales.ts';
import { formatDay } from '../../web/format.ts';

let world: World;
let meta: { period: { start: string; end: string }; counts: { mahallas: number } };

beforeAll(async () => {
  world = await startWorld();
  meta = (await (await world.fetch('/api/meta')).json()) as typeof meta;
});

afterAll(async () => {
  await world?.close();
});

async function open(lang: Locale, query = ''): Promise<{ page: Page; record: PageRecord }> {
  const page = await world.newPage({ width: 1366, height: 768 }, 'admin', lang);
  const record: PageRecord = { consoleErrors: [], foreignRequests: [] };
  await watchPage(page, world.origin, record);
  await page.goto(`${world.origin}/${query}`);
  await mapSettled(page);
  return { page, record };
}

/**
 * Words of four letters or more, lower case, of the messages of one language (ICU syntax left out); for a language
 * other than English only its translated messages count (one still equal to the English is untranslated).
 */
function vocabulary(locale: Locale): Set<string> {
  const words = new Set<string>();
  const texts = Object.entries(MESSAGES[locale])
    .filter(([id, text]) => locale === 'en' || text !== MESSAGES.en[id])
    .map(([, text]) => text);
  for (const text of texts)
    for (const w of text
      .replace(/\{\w+,\s*(plural|select),/g, ' ')
      .replace(/=?\w+\s*\{/g, ' ')
      .replace(/\{\w+\}/g, ' ')
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? [])
      words.add(w);
  return words;
}

/**
 * English words on the screen that the language's own messages do not use: an untranslated string shows as its
 * English text. Read from the visible text and the title and aria-label attributes, leaving out the header badge of
 * the import page's data sources (web/views/import, translated with that page) and the signed-in person's name (data).
 * The map's attribution is read too: its sources' names are no English word, the words around them are messages.
 * The product's name is the same in every language.
 */
async function englishLeft(page: Page, locale: Locale): Promise<string[]> {
  const english = vocabulary('en');
  for (const w of vocabulary(locale)) english.delete(w);
  // The product's name, the key the map's help names as it is printed on keyboards ("Enter"), and words Uzbek writes
  // as English does ("Import", "Administrator").
  for (const w of ['hamkor', 'enter', ...(locale === 'uz-Latn' ? ['import', 'administrator'] : [])]) english.delete(w);
  const text = await page.evaluate(() => {
    const skip = '[data-testid="demo-badge"], [data-testid="data-from"], .user-name';
    const root = document.body.cloneNode(true) as HTMLElement;
    for (const el of root.querySelectorAll(skip)) el.remove();
    const attrs = [...root.querySelectorAll('[title], [aria-label]')].map(
      (el) => `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`,
    );
    document.body.append(root);
    root.style.position = 'absolute';
    const visible = root.innerText;
    root.remove();
    return `${visible} ${attrs.join(' ')}`;
  });
  const found = (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => english.has(w));
  return [...new Set(found)];
}

const header = (page: Page): Promise<string> => page.locator('header.topbar').innerText();
/** The map's scale bar and attribution as written on screen. */
const scaleBar = (page: Page): Promise<string> => page.locator('.maplibregl-ctrl-scale').innerText();
const credits = (page: Page): Promise<string> => page.locator('.maplibregl-ctrl-attrib').innerText();

describe('languages', () => {
  it('opens in English for the existing tests, and switches from the header: link, memory, <html lang>', async () => {
    const { page, record } = await open('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await header(page)).toContain('Hotspots');
    expect(await scaleBar(page)).toMatch(/^\d[\d\s]* k?m$/);
    expect(await credits(page)).toContain('Boundaries: © OpenStreetMap contributors (ODbL)');
    await page.getByTestId('lang').selectOption('ru');
    await page.getByText('Очаги', { exact: true }).waitFor();
    // The map stays; its scale bar and attribution are written again in the new language.
    await expect.poll(() => scaleBar(page)).toMatch(/^\d[\d\s]* к?м$/);
    await expect
      .poll(() => credits(page))
      .toContain('Границы: © участники OpenStreetMap (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ru');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.evaluate(() => window.localStorage.getItem('hamkor.lang'))).toBe('ru');
    // A link without `lang` opens in the remembered language.
    await page.goto(`${world.origin}/`);
    await mapSettled(page);
    expect(await header(page)).toContain('Очаги');
    expect(record.consoleErrors).toEqual([]);
    await page.close();
  });

  it.each(['uz-Latn', 'uz-Cyrl', 'ru'] as const)(
    '%s: texts, a date and a plural from Intl, and no English left',
    async (locale) => {
      const { page, record } = await open(locale, '?metric=hotspot');
      const t = MESSAGES[locale];
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const top = await header(page);
      expect(top).toContain(t['page.hotspots.label']);
      expect(top).toContain(t['page.cooperation.label']);
      // The data's first day as the tables write it in this language.
      expect(top).toContain(formatDay(meta.period.start, locale));
      // "N махаллей" (or махалля, махалли) by Russian plural rules; Uzbek takes no plural after a number.
      const n = meta.counts.mahallas;
      const form = new Intl.PluralRules(INTL_TAG[locale]).select(n);
      const word = { 'uz-Latn': 'ta mahalla', 'uz-Cyrl': 'та маҳалла', ru: { one: 'махалля', few: 'махалли' } }[locale];
      const expected = typeof word === 'string' ? word : ((word as Record<string, string>)[form] ?? 'махаллей');
      expect(top.replace(/\s+/g, ' ')).toContain(
        `${n.toLocaleString(INTL_TAG[locale])} ${expected}`.replace(/\s+/g, ' '),
      );
      const legend = await page.getByTestId('legend').innerText();
      expect(legend).toContain(t['mv.class.hot99']);
      expect(await page.getByTestId('timebar').innerText()).toContain(t['time.wholePeriod']);
      // The scale bar's unit in the language's script: "км" in Russian and Uzbek Cyrillic, "km" in Uzbek Latin.
      expect(await scaleBar(page)).toMatch(locale === 'uz-Latn' ? /^\d[\d\s]* k?m$/ : /^\d[\d\s]* к?м$/);
      // HAMKOR_SHOTS=<folder>: keeps a 1366×768 screenshot per language, to be looked at.
      if (process.env.HAMKOR_SHOTS)
        await page.screenshot({ path: `${process.env.HAMKOR_SHOTS}/hotspots-${locale}.png` });
      expect(await englishLeft(page, locale)).toEqual([]);
      if (locale !== 'uz-Latn') {
        // A mahalla card's inspector (rank and name) and base point in the reader's script: no Latin letter left.
        const fc = (await (await world.fetch('/api/mahallas')).json()) as {
          features: Array<{ properties: { id: number; inspectorId: number | null } }>;
        };
        const m = fc.features.find((f) => f.properties.inspectorId !== null)?.properties.id;
        await page.goto(`${world.origin}/?metric=hotspot&m=${m}&lang=${locale}`);
        const base = page.getByTestId('card-base-point');
        await base.waitFor({ timeout: 30_000 });
        expect(await base.innerText()).toMatch(/^\d+-\p{Script=Cyrillic}+ \p{Script=Cyrillic}+/u);
        expect(await base.locator('xpath=..').innerText()).not.toMatch(/[A-Za-z]/);
      }
      expect(record.consoleErrors).toEqual([]);
      await page.close();
    },
  );

  it('says the server’s refusal of a sign-in in the chosen language, not its English reason', async () => {
    // An unknown user name: refused like a wrong password, without counting towards any account's lock.
    const page = await world.newPage({ width: 1366, height: 768 }, null, 'ru');
    await page.goto(`${world.origin}/`);
    await page.getByTestId('sign-in-user').fill('nobody.here');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    const said = page.getByTestId('sign-in-error');
    await said.waitFor();
    expect(await said.innerText()).toBe('Не удалось войти: неверное имя пользователя или пароль');
    // The same refusal follows a switch of language.
    await page.getByTestId('sign-in-lang').selectOption('uz-Cyrl');
    await page.getByText('Кириб бўлмади', { exact: false }).waitFor();
    expect(await said.innerText()).toContain('фойдаланувчи номи ёки парол нотўғри');
    await page.close();
  });
});
