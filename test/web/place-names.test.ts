// The name a reader sees for a district or region in each language: the official Russian and Cyrillic Uzbek names
// from /api/meta where there are, the Latin name in Uzbek Latin and English, and transliteration for the rest.
import { describe, expect, it } from 'vitest';
import { nameIn, officialNamesOf } from '../../web/i18n/place-names.ts';

const official = officialNamesOf(
  [
    { name: 'Chilonzor tumani', nameUzCyrl: 'Чилонзор тумани', nameRu: 'Чиланзарский район' },
    { name: 'Yangi tuman', nameUzCyrl: null, nameRu: null },
  ],
  [{ name: 'Toshkent shahri', nameUzCyrl: 'Тошкент шаҳри', nameRu: 'город Ташкент' }],
);

describe('nameIn', () => {
  it('gives the official name of a district and a region in Russian and Cyrillic Uzbek, the Latin one otherwise', () => {
    const of = (name: string) => (['uz-Latn', 'uz-Cyrl', 'ru', 'en'] as const).map((l) => nameIn(l, official, name));
    expect(of('Chilonzor tumani')).toEqual([
      'Chilonzor tumani',
      'Чилонзор тумани',
      'Чиланзарский район',
      'Chilonzor tumani',
    ]);
    expect(of('Toshkent shahri')).toEqual(['Toshkent shahri', 'Тошкент шаҳри', 'город Ташкент', 'Toshkent shahri']);
  });

  it('transliterates a name without an official form (an imported district, a mahalla) for Cyrillic readers', () => {
    expect(nameIn('ru', official, 'Yangi tuman')).toBe('Янги туман');
    expect(nameIn('uz-Cyrl', official, 'Bogʻbon MFY')).toBe('Боғбон МФЙ');
    expect(nameIn('en', official, 'Bogʻbon MFY')).toBe('Bogʻbon MFY');
    // Before meta has arrived nothing is official yet: the name is still written in the reader's script.
    expect(nameIn('ru', officialNamesOf(undefined), 'Chilonzor tumani')).toBe('Чилонзор тумани');
  });

  it('prefers an official Russian name the caller already has (a search hit carries its own)', () => {
    expect(nameIn('ru', official, 'Chilonzor tumani', 'Чиланзар')).toBe('Чиланзар');
    expect(nameIn('uz-Cyrl', official, 'Chilonzor tumani', 'Чиланзар')).toBe('Чилонзор тумани');
  });
});
