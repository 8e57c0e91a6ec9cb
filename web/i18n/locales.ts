// The app's four languages, their names as their readers write them, the Intl locale each one formats with, and how
// the language in force is chosen: the link's `lang`, else the one this browser last chose, else Uzbek in Latin script.

export const LOCALES = ['uz-Latn', 'uz-Cyrl', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Uzbek in Latin script: the official one, and the default for real users. */
export const DEFAULT_LOCALE: Locale = 'uz-Latn';

export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  'uz-Latn': 'O‘zbekcha',
  'uz-Cyrl': 'Ўзбекча',
  ru: 'Русский',
  en: 'English',
};

/**
 * The BCP 47 tag Intl formats with. English is British (day before month: "3 Aug 2026"), as the app always was.
 * @example INTL_TAG.en // 'en-GB'
 */
export const INTL_TAG: Readonly<Record<Locale, string>> = {
  'uz-Latn': 'uz-Latn',
  'uz-Cyrl': 'uz-Cyrl',
  ru: 'ru',
  en: 'en-GB',
};

/** The localStorage key of the language this browser last chose (shared with the sign-in page). */
export const REMEMBERED_KEY = 'hamkor.lang';

/**
 * One of LOCALES, or null for anything else (a stale link, a hand-edited value).
 * @example asLocale('ru') // 'ru'; asLocale('de') // null
 */
export const asLocale = (raw: string | null | undefined): Locale | null => LOCALES.find((l) => l === raw) ?? null;

/** The language last chosen in this browser, or null (none yet, or storage refused). */
export function rememberedLocale(): Locale | null {
  try {
    return asLocale(window.localStorage.getItem(REMEMBERED_KEY));
  } catch {
    return null;
  }
}

/** Remembers the choice for the next visit; a browser that refuses storage just keeps it in the link. */
export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(REMEMBERED_KEY, locale);
  } catch {
    // private mode or storage disabled: the link still carries it
  }
}

/**
 * The language in force: the link's, else the remembered one, else the default.
 * @example resolveLocale(null, 'ru') // 'ru'; resolveLocale('en', 'ru') // 'en'; resolveLocale(null, null) // 'uz-Latn'
 */
export const resolveLocale = (fromLink: Locale | null, remembered: Locale | null): Locale =>
  fromLink ?? remembered ?? DEFAULT_LOCALE;
