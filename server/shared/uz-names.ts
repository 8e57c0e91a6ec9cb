// Uzbek names in both scripts: one apostrophe in stored names, Latin ↔ Cyrillic by the rules of the 1995 Latin
// alphabet (O‘zbek tilining asosiy imlo qoidalari), a search key that any spelling of a name folds to, and the name to
// show in a UI language. Pure and isomorphic: the loaders, the importers, the search service and the web share it.

/** Every character data files use for the Uzbek letter signs: ' ‘ ’ ʻ ʼ ` ´. */
const APOSTROPHES = "'\u2018\u2019\u02BB\u02BC`\u00B4";
/** Oʻ/Gʻ's sign, U+02BB (modifier letter turned comma). */
export const OKINA = '\u02BB';
/** The tutuq belgisi, U+02BC (modifier letter apostrophe). */
export const TUTUQ = '\u02BC';

// A sign belongs to the letter before it (an ASCII Latin letter): after o/g it makes oʻ/gʻ, after any other letter it
// is the tutuq belgisi. One not after a letter (an opening quote) is left as it is. The SQL upgrade of stored names
// (data/import/schema-upgrade.ts) uses these very patterns, so stored and new names agree.
export const OKINA_PATTERN = `([oOgG])[${APOSTROPHES}]`;
export const TUTUQ_PATTERN = `([A-FH-NP-Za-fh-np-z])[${APOSTROPHES}]`;
const OKINA_RE = new RegExp(OKINA_PATTERN, 'g');
const TUTUQ_RE = new RegExp(TUTUQ_PATTERN, 'g');
const ANY_APOSTROPHE = new RegExp(`[${APOSTROPHES}]`, 'g');

/**
 * A name with its letter signs as Uzbek Latin spells them: ʻ (U+02BB) after o/g, ʼ (U+02BC) after other letters.
 * @example normalizeUzName("Oltinko'l") // 'Oltinkoʻl'
 * @example normalizeUzName('Ta‘mir') // 'Taʼmir'
 */
export function normalizeUzName(name: string): string {
  return name.replace(OKINA_RE, `$1${OKINA}`).replace(TUTUQ_RE, `$1${TUTUQ}`);
}

// prettier-ignore
const LATIN_SIMPLE: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'с', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'х', y: 'й', z: 'з',
};
const Y_PAIRS: Readonly<Record<string, string>> = { o: 'ё', u: 'ю', a: 'я', e: 'е' };
const LATIN_VOWELS = new Set('aeiou');
const CYRILLIC_VOWELS = new Set('аеёиоуэюяўы');
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && (/\p{L}/u.test(c) || c === OKINA || c === TUTUQ);
const caseLike = (src: string, out: string): string => (src === src.toLowerCase() ? out : out.toUpperCase());

/**
 * Uzbek Latin to Cyrillic: sh ch oʻ gʻ yo yu ya as one letter, ye as е (ъе after a consonant, as in obyekt), e as э
 * at a word's start and after a vowel, ts as ц at a word's start and in -tsiya/-tsion, ʼ as ъ, sʼh as сҳ.
 * @example latinToCyrillic('Oʻzbekiston') // 'Ўзбекистон'
 * @example latinToCyrillic('SHAYXONTOHUR') // 'ШАЙХОНТОҲУР'
 */
export function latinToCyrillic(text: string): string {
  const s = normalizeUzName(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const l = c.toLowerCase();
    const n1 = s[i + 1]?.toLowerCase();
    const n2 = s[i + 2]?.toLowerCase();
    const prev = s[i - 1]?.toLowerCase();
    const start = !isLetter(prev);
    if ((l === 'o' || l === 'g') && n1 === OKINA) {
      out += caseLike(c, l === 'o' ? 'ў' : 'ғ');
      i++;
    } else if ((l === 's' || l === 'c') && n1 === 'h') {
      out += caseLike(c, l === 's' ? 'ш' : 'ч');
      i++;
    } else if (l === 's' && n1 === TUTUQ && n2 === 'h') {
      // Isʼhoq: the sign only keeps s and h apart.
      out += caseLike(c, 'с');
      i++;
    } else if (l === 'y' && n1 !== undefined && n1 in Y_PAIRS && !(n1 === 'o' && s[i + 2] === OKINA)) {
      const consonant = !start && prev !== undefined && !LATIN_VOWELS.has(prev) && isLetter(prev) && prev !== 'y';
      out += (n1 === 'e' && consonant ? 'ъ' : '') + caseLike(c, Y_PAIRS[n1] as string);
      i++;
    } else if (l === 't' && n1 === 's' && (start || (n2 === 'i' && /[aeiouy]/i.test(s[i + 3] ?? '')))) {
      // ts is ц only where loanwords have it (tsex, militsiya, revolyutsion); elsewhere it is t + s (ketsa).
      out += caseLike(c, 'ц');
      i++;
    } else if (l === 'e') {
      out += caseLike(c, start || (prev !== undefined && LATIN_VOWELS.has(prev)) ? 'э' : 'е');
    } else if (c === TUTUQ || c === OKINA) {
      out += 'ъ';
    } else out += l in LATIN_SIMPLE ? caseLike(c, LATIN_SIMPLE[l] as string) : c;
  }
  return out;
}

// prettier-ignore
const CYRILLIC_SIMPLE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'x', ч: 'ch', ш: 'sh', щ: 'sh', ы: 'i', ь: '',
  э: 'e', ю: 'yu', я: 'ya', ў: `o${OKINA}`, қ: 'q', ғ: `g${OKINA}`, ҳ: 'h',
};

/** A Latin rendering of one Cyrillic letter in context (lower case). */
function cyrillicLetter(l: string, prev: string | undefined, next: string | undefined): string {
  const start = !isLetter(prev);
  if (l === 'е')
    return start || (prev !== undefined && (CYRILLIC_VOWELS.has(prev) || prev === 'ъ' || prev === 'ь')) ? 'ye' : 'e';
  if (l === 'ц') return !start && prev !== undefined && CYRILLIC_VOWELS.has(prev) ? 'ts' : 's';
  if (l === 'ъ') return next !== undefined && 'еёюя'.includes(next) ? '' : TUTUQ;
  if (l === 'с' && next === 'ҳ') return `s${TUTUQ}`;
  return CYRILLIC_SIMPLE[l] ?? l;
}

/**
 * Uzbek Cyrillic (or a Russian spelling) to Uzbek Latin; a capital that becomes two letters is written SH in a word
 * in capitals and Sh otherwise.
 * @example cyrillicToLatin('Ғалаба') // 'Gʻalaba'
 * @example cyrillicToLatin('ЧИЛОНЗОР') // 'CHILONZOR'
 */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const l = c.toLowerCase();
    const latin = cyrillicLetter(l, text[i - 1]?.toLowerCase(), text[i + 1]?.toLowerCase());
    if (c === l || latin.length === 0) {
      out += latin;
      continue;
    }
    const next = text[i + 1];
    const prev = text[i - 1];
    const upperWord = isLetter(next) ? next !== next?.toLowerCase() : isLetter(prev) && prev !== prev?.toLowerCase();
    out += upperWord ? latin.toUpperCase() : (latin[0]?.toUpperCase() ?? '') + latin.slice(1);
  }
  return out;
}

/**
 * What any spelling of a name is compared as: Latin, lower case, without letter signs, hyphens as spaces. "Gʻalaba",
 * "G'alaba", "Galaba" and "Ғалаба" have one key.
 * @example searchKey('Ғалаба') === searchKey("G'alaba") // true, both 'galaba'
 */
export function searchKey(text: string): string {
  return cyrillicToLatin(text.normalize('NFC'))
    .toLowerCase()
    .replace(ANY_APOSTROPHE, '')
    .replace(/[\s\-–—_.,"«»()]+/g, ' ')
    .trim();
}

/** A region's or district's names: Latin Uzbek, and the official Cyrillic Uzbek and Russian ones where known. */
export interface PlaceNames {
  name: string;
  nameUzCyrl: string | null;
  nameRu: string | null;
}

/** UI languages (web/i18n): Uzbek in Latin and Cyrillic, Russian, English. */
export type UiLocale = 'uz-Latn' | 'uz-Cyrl' | 'ru' | 'en' | (string & {});

/**
 * A stored (Latin) name as the UI shows it in `locale`: Cyrillic for Uzbek Cyrillic and Russian readers, as stored
 * otherwise (English reads the Latin name). `ru` and `cyrl`: the official Russian and Cyrillic Uzbek names, when there
 * are (districts and regions, data/geo/uz_official_names.csv); without them the Latin name is transliterated by rule.
 * @example displayName('Chilonzor tumani', 'uz-Cyrl') // 'Чилонзор тумани'
 * @example displayName('Chilonzor tumani', 'ru', 'Чиланзарский район', 'Чилонзор тумани') // 'Чиланзарский район'
 */
export function displayName(name: string, locale: UiLocale, ru?: string | null, cyrl?: string | null): string {
  if (locale === 'ru' && ru) return ru;
  if (locale === 'uz-Cyrl' && cyrl) return cyrl;
  if (locale === 'uz-Cyrl' || locale === 'ru') return latinToCyrillic(name);
  return name;
}
