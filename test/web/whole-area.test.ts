// The whole database's area as every screen names it: the study area /api/meta states (the country for a national or
// multi-region database, the city for Tashkent's districts alone, a region by its name), in each language.
import { describe, expect, it } from 'vitest';
import { wholeArea } from '../../web/i18n/whole-area.ts';
import { translator } from '../../web/i18n/translate.ts';
import { LOCALES } from '../../web/i18n/locales.ts';

const city = { studyArea: { scope: 'city' as const, name: 'Tashkent city' } };
const national = { studyArea: { scope: 'country' as const, name: 'Uzbekistan' } };

describe('wholeArea', () => {
  it('names Uzbekistan for the national database in all four languages', () => {
    expect(LOCALES.map((l) => wholeArea(national, translator(l)))).toEqual([
      'O\u02bbzbekiston',
      'Ўзбекистон',
      'Узбекистан',
      'Uzbekistan',
    ]);
  });

  it('names the city for a database of Tashkent districts only', () => {
    expect(wholeArea(city, translator('ru'))).toBe('город Ташкент');
    expect(wholeArea(city, translator('en'))).toBe('Tashkent city');
  });

  it('names one region by its name, not as the city', () => {
    expect(wholeArea({ studyArea: { scope: 'region', name: 'Samarqand viloyati' } }, translator('ru'))).toBe(
      'Samarqand viloyati',
    );
  });
});
