// The whole database's area as every screen names it: the country for a national or multi-region database, in each
// language, the city for Tashkent's districts alone.
import { describe, expect, it } from 'vitest';
import { isCountry, wholeArea } from '../../web/i18n/whole-area.ts';
import { translator } from '../../web/i18n/translate.ts';
import { LOCALES } from '../../web/i18n/locales.ts';

const city = { scale: 'city', districts: [{ soato: '1726294' }, { soato: '1726287' }] };
const national = { scale: 'national', districts: [{ soato: '1726294' }, { soato: '1703202' }] };

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

  it('names the country for imported data whose districts span several regions, whatever its scale says', () => {
    expect(isCountry({ scale: 'unknown', districts: national.districts })).toBe(true);
    expect(isCountry({ scale: 'city', districts: [] })).toBe(false);
  });
});
