// Names sorted for display in the alphabet of the language they are shown in: a list of Russian district names sorted
// by their stored Latin names reads in no order at all (Yunusobod → "Юнусабадский" would sit before "Алмазарский").
// Every list or <select> of names sorts through here, by the name it shows (test/web/collate.test.ts keeps it so).
import { INTL_TAG, type Locale } from './locales.ts';
import { activeLocale } from './translate.ts';

const collators = new Map<Locale, Intl.Collator>();

/**
 * Compares two names as the language's alphabet orders them (case and letter signs second, digits by value).
 * @example ['Юнусабадский район', 'Алмазарский район'].sort(compareNames('ru')) // ['Алмазарский район', 'Юнусабадский район']
 */
export function compareNames(locale: Locale): (a: string, b: string) => number {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(INTL_TAG[locale], { numeric: true, sensitivity: 'variant' });
    collators.set(locale, c);
  }
  return c.compare;
}

/**
 * compareNames of the language the screen is shown in, for pure sorters that are not handed one (ties by name).
 * @example rows.sort((a, b) => b.n - a.n || compareShown(a.name, b.name))
 */
export const compareShown = (a: string, b: string): number => compareNames(activeLocale())(a, b);

/**
 * A copy of `items` sorted by the name each one is shown with, in `locale`'s alphabet.
 * @example sortByName('ru', districts, (d) => nameOf(d.name)) // Алмазарский, Бектемирский, …, Юнусабадский
 */
export function sortByName<T>(locale: Locale, items: readonly T[], shown: (item: T) => string): T[] {
  const compare = compareNames(locale);
  return items
    .map((item) => ({ item, name: shown(item) }))
    .sort((a, b) => compare(a.name, b.name))
    .map((x) => x.item);
}
