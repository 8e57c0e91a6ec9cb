// Names Hamkor writes itself are said in the reader's language; names a person typed are shown as typed
// (server/shared/system-names.ts, web/i18n/system-names.ts). The texts are the seeds' own, not copies of them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYLIST } from '../../server/contract/playlists.ts';
import { DEMO_ACCOUNTS } from '../../data/demo-accounts.ts';
import { demoPlanName, SYSTEM_TEXTS, systemText } from '../../server/shared/system-names.ts';
import { sayName, shownName, typedName } from '../../web/i18n/system-names.ts';
import { translator } from '../../web/i18n/translate.ts';
import { LOCALES, type Locale } from '../../web/i18n/locales.ts';
import { formatDay } from '../../web/format.ts';
import { nameIn, officialNamesOf } from '../../web/i18n/place-names.ts';

const official = officialNamesOf([
  { name: 'Chilonzor tumani', nameUzCyrl: 'Чилонзор тумани', nameRu: 'Чиланзарский район' },
]);
const say = (locale: Locale, stored: string): string =>
  sayName(
    stored,
    translator(locale),
    (n) => nameIn(locale, official, n),
    (d) => formatDay(d, locale),
  );

describe('system names in the reader’s language', () => {
  it('says the first playlist, the seeded territory version and the demo accounts in Russian and Uzbek', () => {
    expect(say('ru', DEFAULT_PLAYLIST.name)).toBe('Утренний брифинг');
    expect(say('uz-Latn', DEFAULT_PLAYLIST.name)).toBe('Ertalabki brifing');
    expect(say('uz-Cyrl', DEFAULT_PLAYLIST.name)).toBe('Эрталабки брифинг');
    expect(say('ru', SYSTEM_TEXTS.territoryBaselineName)).toBe('План, действовавший до ведения версий');
    expect(say('uz-Cyrl', SYSTEM_TEXTS.territoryBaselineReason)).toMatch(/^Ҳудудлар/);
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')?.displayName ?? '';
    expect(say('ru', admin)).toBe('Демо-администратор');
    expect(say('en', admin)).toBe('Demo administrator');
  });

  it('says every demo account and every system text in every language without English left in Cyrillic ones', () => {
    const texts = [...Object.values(SYSTEM_TEXTS), ...DEMO_ACCOUNTS.map((a) => a.displayName)];
    for (const locale of LOCALES)
      for (const text of texts) {
        expect(systemText(text)).not.toBeNull();
        if (locale === 'ru' || locale === 'uz-Cyrl') expect(say(locale, text)).not.toMatch(/[A-Za-z]/);
      }
  });

  it('says a demo plan with its quarter, year and the district in the reader’s script, and a copy with its days', () => {
    const name = demoPlanName(3, '2026', 'Chilonzor tumani');
    expect(say('ru', name)).toBe('Типовой план взаимодействия на 3 квартал 2026 г. — Чиланзарский район');
    expect(say('uz-Latn', name)).toBe('2026-yil 3-chorak uchun hamkorlikning namunaviy rejasi — Chilonzor tumani');
    expect(say('ru', `${name} (2026-10-01 – 2026-12-31)`)).toBe(
      `Типовой план взаимодействия на 3 квартал 2026 г. — Чиланзарский район (${formatDay('2026-10-01', 'ru')} – ${formatDay('2026-12-31', 'ru')})`,
    );
  });

  it('shows a name a person typed as typed, in every language', () => {
    for (const typed of ['Утренний брифинг для РОВД', 'Morning briefing, Chilonzor', 'Plan Q3', 'Demo administrator 2'])
      for (const locale of LOCALES) expect(say(locale, typed)).toBe(typed);
    expect(systemText('Cooperation plan Q5 2026 — X')).toBeNull();
  });

  it('a name field shows the system name in the reader’s words and keeps the stored text until it is edited', () => {
    const ru = (s: string) => say('ru', s);
    expect(shownName('Morning briefing', 'Morning briefing', ru)).toBe('Утренний брифинг');
    expect(typedName('Morning briefing', 'Утренний брифинг', ru)).toBe('Morning briefing');
    expect(typedName('Morning briefing', 'Утренний брифинг 2', ru)).toBe('Утренний брифинг 2');
    expect(shownName('Morning briefing', 'Утренний брифинг 2', ru)).toBe('Утренний брифинг 2');
    expect(typedName('My list', 'My list!', ru)).toBe('My list!');
  });
});
