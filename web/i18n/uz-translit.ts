// Uzbek Latin → Cyrillic by the official correspondence (sh/ш, ch/ч, oʻ/ў, gʻ/ғ, yo/ё, yu/ю, ya/я, ye/е, e/э at the
// start of a word or after a vowel, the tutuq belgisi ʼ/ъ, ts/ц before a vowel in loanwords such as "migratsiya").
// Used once to draft messages/uz-Cyrl.json (scripts/i18n-uz-cyrl.ts; the file is corrected by hand from there) and
// good enough for names when only one script is stored.

/** Every apostrophe data files use for the oʻ/gʻ sign and the tutuq belgisi: ' ` ‘ ’ ʻ ʼ. */
const APOSTROPHE = /['`\u2018\u2019\u02BB\u02BC]/;

const SINGLE: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'ҳ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
};
const PAIRS: Readonly<Record<string, string>> = { sh: 'ш', ch: 'ч', yo: 'ё', yu: 'ю', ya: 'я', ye: 'е' };
const VOWELS = new Set('aeiouаеиоуўэюяё'.split(''));

/** Matches the case of the Latin source: "Sh" → "Ш", "SH" → "Ш", "sh" → "ш". */
const cased = (cyr: string, src: string): string => (src[0] !== src[0]?.toLowerCase() ? cyr.toUpperCase() : cyr);

/**
 * Transliterates Uzbek Latin text to Cyrillic; other characters (digits, punctuation, Cyrillic) pass unchanged.
 * @example latinToCyrillic('Yo‘l harakati xavfsizligi') // 'Йўл ҳаракати хавфсизлиги'
 * @example latinToCyrillic('ma’lumot eksport') // 'маълумот экспорт'
 */
export function latinToCyrillic(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const lower = ch.toLowerCase();
    const next = (text[i + 1] ?? '').toLowerCase();
    const prev = (text[i - 1] ?? '').toLowerCase();
    const wordStart = !/\p{L}/u.test(prev);
    if ((lower === 'o' || lower === 'g') && APOSTROPHE.test(text[i + 1] ?? '')) {
      out += cased(lower === 'o' ? 'ў' : 'ғ', ch);
      i += 2;
    } else if (APOSTROPHE.test(ch) && /\p{L}/u.test(prev) && /\p{L}/u.test(next)) {
      out += 'ъ';
      i += 1;
    } else if (lower === 'y' && next === 'o' && APOSTROPHE.test(text[i + 2] ?? '')) {
      out += cased('й', ch);
      i += 1;
    } else if (PAIRS[lower + next]) {
      out += cased(PAIRS[lower + next] as string, ch);
      i += 2;
    } else if (lower === 't' && next === 's' && !wordStart && /[iea]/.test((text[i + 2] ?? '').toLowerCase())) {
      out += cased('ц', ch);
      i += 2;
    } else if (lower === 'e' && (wordStart || VOWELS.has(prev))) {
      out += cased('э', ch);
      i += 1;
    } else {
      const cyr = SINGLE[lower];
      out += cyr ? cased(cyr, ch) : ch;
      i += 1;
    }
  }
  return out;
}
