// Golden fixtures of the Uzbek name helpers: one apostrophe, Latin ↔ Cyrillic, the search key, the displayed name.
// Names are real: districts of data/geo (OSM Tashkent, OCHA) and terms of ../shared/GLOSSARY.md.
import { describe, expect, it } from 'vitest';
import {
  cyrillicToLatin,
  displayName,
  latinToCyrillic,
  normalizeUzName,
  searchKey,
} from '../../../server/shared/uz-names.ts';

describe('normalizeUzName', () => {
  it.each([
    // as data/geo spells them (U+0027) → U+02BB after o/g
    ["Mirzo Ulug'bek tumani", 'Mirzo Ulugʻbek tumani'],
    ["Qo'rg'ontepa", 'Qoʻrgʻontepa'],
    ["O'zbekiston", 'Oʻzbekiston'],
    ["Yakkabog'", 'Yakkabogʻ'],
    // inspectors (U+2018), right quotes (U+2019), backtick, acute
    ['Jo‘rayev', 'Joʻrayev'],
    ['G’alaba', 'Gʻalaba'],
    ['G`alaba', 'Gʻalaba'],
    ['G´alaba', 'Gʻalaba'],
    // tutuq belgisi (U+02BC) after other letters, whatever was typed
    ["Ma'rifat", 'Maʼrifat'],
    ['Taʻmir', 'Taʼmir'],
    ["Tuproqqal'a", 'Tuproqqalʼa'],
    // already right: unchanged
    ['Oʻrikzor MFY', 'Oʻrikzor MFY'],
    ['Maʼrifat', 'Maʼrifat'],
    // a quote not after a letter is not a letter sign
    ["'Navbahor'", "'Navbahorʼ"],
    ['Chilonzor', 'Chilonzor'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUzName(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ["Qo'rg'ontepa", "Ma'rifat", 'G‘alaba'])
      expect(normalizeUzName(normalizeUzName(s))).toBe(normalizeUzName(s));
  });
});

/** Latin and Cyrillic spellings that each turn into the other. */
const BOTH_WAYS: Array<[string, string]> = [
  ['Chilonzor', 'Чилонзор'],
  ['Yunusobod', 'Юнусобод'],
  ['Oʻzbekiston', 'Ўзбекистон'],
  ['Gʻalaba', 'Ғалаба'],
  ['Shayxontohur', 'Шайхонтоҳур'],
  ['Mirzo Ulugʻbek tumani', 'Мирзо Улуғбек тумани'],
  ['Yakkasaroy', 'Яккасарой'],
  ['Yangihayot', 'Янгиҳаёт'],
  ['Yangiyer', 'Янгиер'],
  ['Yangiyoʻl', 'Янгийўл'],
  ['Qoʻrgʻontepa', 'Қўрғонтепа'],
  ['Bulungʻur', 'Булунғур'],
  ['Sergeli', 'Сергели'],
  ['Toshkent shahri', 'Тошкент шаҳри'],
  ['Ergash', 'Эргаш'],
  ['poeziya', 'поэзия'],
  ['Yer', 'Ер'],
  ['qayer', 'қаер'],
  ['Sayyora', 'Сайёра'],
  ['Yoʻldosh', 'Йўлдош'],
  ['Maʼrifat', 'Маърифат'],
  ['Isʼhoq', 'Исҳоқ'],
  ['militsiya', 'милиция'],
  ['obyekt', 'объект'],
  ['ketsa', 'кетса'],
  ['mahalla fuqarolar yigʻini', 'маҳалла фуқаролар йиғини'],
  ['tayanch punkti', 'таянч пункти'],
  ['navbatchilik qismi', 'навбатчилик қисми'],
  ['jinoyatchilik oʻchogʻi', 'жиноятчилик ўчоғи'],
  ['yoʻl harakati xavfsizligi', 'йўл ҳаракати хавфсизлиги'],
  ['Toshkent', 'Тошкент'],
  ['Yangiobod', 'Янгиобод'],
  ['Bunyodobod', 'Бунёдобод'],
  ['tong', 'тонг'],
  // capitals: a word in capitals keeps its digraphs in capitals, a capitalised word only the first letter
  ['CHILONZOR', 'ЧИЛОНЗОР'],
  ['SHAYXONTOHUR', 'ШАЙХОНТОҲУР'],
  ['OʻZBEKISTON', 'ЎЗБЕКИСТОН'],
  ['YUNUSOBOD', 'ЮНУСОБОД'],
  ['GʻALABA MFY', 'ҒАЛАБА МФЙ'],
  ['Shahar', 'Шаҳар'],
];

describe('latinToCyrillic and cyrillicToLatin', () => {
  it.each(BOTH_WAYS)('%s → %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it.each(BOTH_WAYS)('%s ← %s', (latin, cyrillic) => {
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });

  it('reads any apostrophe in Latin input', () => {
    expect(latinToCyrillic("G'alaba")).toBe('Ғалаба');
    expect(latinToCyrillic('O‘zbekiston')).toBe('Ўзбекистон');
    expect(latinToCyrillic("Ma'rifat")).toBe('Маърифат');
  });

  it('writes ц as s at a word start and after a consonant, as the rules say', () => {
    expect(cyrillicToLatin('Центр')).toBe('Sentr');
    expect(cyrillicToLatin('станция')).toBe('stansiya');
  });

  it('reads Russian letters Uzbek does not have', () => {
    expect(cyrillicToLatin('Сырдарья')).toBe('Sirdarya');
    expect(cyrillicToLatin('Щ')).toBe('Sh');
  });

  it('leaves digits, punctuation and Latin text in Cyrillic input as they are', () => {
    expect(cyrillicToLatin('Навбаҳор-2 MFY')).toBe('Navbahor-2 MFY');
    expect(latinToCyrillic('Navbahor-2 (№ 5)')).toBe('Навбаҳор-2 (№ 5)');
  });
});

describe('searchKey', () => {
  it('gives every spelling of Gʻalaba one key', () => {
    const keys = ['Gʻalaba', "G'alaba", 'G‘alaba', 'G’alaba', 'Galaba', 'Ғалаба', 'ҒАЛАБА', 'galaba'].map(searchKey);
    expect(new Set(keys)).toEqual(new Set(['galaba']));
  });

  it('folds Cyrillic to Latin: Chilonzor and Чилонзор', () => {
    expect(searchKey('Чилонзор')).toBe('chilonzor');
    expect(searchKey('  Chilonzor ')).toBe('chilonzor');
  });

  it('reads hyphens and repeated spaces as one space', () => {
    expect(searchKey('Мирзо-Улугбекский  район')).toBe('mirzo ulugbekskiy rayon');
  });
});

describe('displayName', () => {
  it('shows Latin for Uzbek Latin and English', () => {
    expect(displayName('Chilonzor tumani', 'uz-Latn')).toBe('Chilonzor tumani');
    expect(displayName('Chilonzor tumani', 'en')).toBe('Chilonzor tumani');
  });

  it('transliterates for Uzbek Cyrillic, and for Russian when there is no official Russian name', () => {
    expect(displayName('Chilonzor tumani', 'uz-Cyrl')).toBe('Чилонзор тумани');
    expect(displayName('Gʻalaba MFY', 'ru')).toBe('Ғалаба МФЙ');
  });

  it('uses the official Russian name in Russian only', () => {
    expect(displayName('Chilonzor tumani', 'ru', 'Чиланзарский район')).toBe('Чиланзарский район');
    expect(displayName('Chilonzor tumani', 'uz-Cyrl', 'Чиланзарский район')).toBe('Чилонзор тумани');
  });
});
