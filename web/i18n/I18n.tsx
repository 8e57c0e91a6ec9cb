// The language in force for the whole tree: react-intl's provider over the chosen locale's messages, `<html lang>`,
// and the hooks views use — useT() for messages (typed ids, ICU arguments) and useFmt() for dates and numbers.
import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useUi } from '../state/store.ts';
import { formatters, type Formatters } from '../format.ts';
import { MESSAGES } from './messages.ts';
import { setActiveLocale, translator, type Translate } from './translate.ts';
import { INTL_TAG, rememberedLocale, resolveLocale, type Locale } from './locales.ts';
import { useMeta } from '../queries/meta.ts';
import { nameIn, officialNamesOf } from './place-names.ts';
import { sortByName } from './collate.ts';

/** Read once per load: a later choice goes into the link (and storage) and wins from there on. */
const remembered = typeof window === 'undefined' ? null : rememberedLocale();

/** The language the screen is shown in. */
export function useLocale(): Locale {
  return resolveLocale(
    useUi((s) => s.lang),
    remembered,
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  setActiveLocale(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <IntlProvider locale={INTL_TAG[locale]} messages={MESSAGES[locale]} defaultLocale="en-GB">
      {children}
    </IntlProvider>
  );
}

/**
 * The message function of the language in force.
 * @example const t = useT(); t('header.inspectors', { count: 5, n: 5 }) // "5 инспекторов" in Russian
 */
export function useT(): Translate {
  return translator(useLocale());
}

/** Dates, numbers and changes formatted in the language in force (format.ts, bound to it). */
export function useFmt(): Formatters {
  const locale = useLocale();
  return useMemo(() => formatters(locale), [locale]);
}

/** Turns a stored (Latin) place or person name into the script of a language; `ru` is an official Russian name. */
export type NameOf = (name: string, ru?: string | null) => string;

/**
 * Names of mahallas, districts, regions, inspectors and base points in the script of the language in force: every
 * label, card, table and export shows names through this. Districts and regions take their official name (from
 * /api/meta: "Чиланзарский район" in Russian), other names are transliterated ("Olmazor MFY" → "Олмазор МФЙ").
 * @example const nameOf = useNameOf(); nameOf('Chilonzor tumani') // 'Чиланзарский район' in ru
 */
export function useNameOf(): NameOf {
  const locale = useLocale();
  const meta = useMeta().data;
  const official = useMemo(() => officialNamesOf(meta?.districts, meta?.regions), [meta]);
  return useMemo(() => (name, ru) => nameIn(locale, official, name, ru), [locale, official]);
}

/** Sorts items by the name they are shown with, in the alphabet of the language in force. */
export type ByName = <T>(items: readonly T[], shown: (item: T) => string) => T[];

/**
 * Lists and <select>s of names in the order of the reader's alphabet (collate.ts), not of the stored Latin names.
 * @example const byName = useByName(); byName(meta.districts, (d) => nameOf(d.name)) // Алмазарский … first in ru
 */
export function useByName(): ByName {
  const locale = useLocale();
  return useMemo(() => (items, shown) => sortByName(locale, items, shown), [locale]);
}
