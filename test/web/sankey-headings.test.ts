// The applications flow's stage headings break into lines that fit between two stages (issue 14: the Cyrillic Uzbek
// "Рўйхатга олиш китоби" ran into "Қабул қилган").
import { describe, expect, it } from 'vitest';
import { headingLines } from '../../web/views/applications/sankey.ts';
import { translator } from '../../web/i18n/translate.ts';
import { LOCALES } from '../../web/i18n/locales.ts';

describe('sankey stage headings', () => {
  it('breaks at spaces into lines of at most the given length, a longer word alone on its line', () => {
    expect(headingLines('Рўйхатга олиш китоби', 14)).toEqual(['Рўйхатга олиш', 'китоби']);
    expect(headingLines('Канал', 14)).toEqual(['Канал']);
    expect(headingLines('Roʻyxatga olish kitobi', 14)).toEqual(['Roʻyxatga', 'olish kitobi']);
    expect(headingLines('Тезкор-қидирув  фаолияти', 8)).toEqual(['Тезкор-қидирув', 'фаолияти']);
  });

  it('says every heading of every language in two lines at most', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const dim of ['channel', 'registry', 'receiver', 'service'] as const)
        expect(headingLines(t(`applications.dim.${dim}`), 14).length, `${locale} ${dim}`).toBeLessThanOrEqual(2);
    }
  });
});
