// Messages outside React (pure text builders, formatters, tests): the same react-intl formatter the views use, one
// per language, made once.
import { createIntl, type IntlShape } from 'react-intl';
import { MESSAGES, type MessageId } from './messages.ts';
import { INTL_TAG, type Locale } from './locales.ts';

/** Values an ICU message takes: numbers for plurals and counts, strings (already formatted) for the rest. */
export type MessageValues = Record<string, string | number>;
/** A message by id, in one language. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

let active: Locale = 'en';

/** Set by the i18n provider as it renders: the language pages not yet translated and plain functions fall back on. */
export function setActiveLocale(locale: Locale): void {
  active = locale;
}
/** The language the provider renders in (English outside the app: tests, scripts). */
export const activeLocale = (): Locale => active;

const made = new Map<Locale, Translate>();

/**
 * The message function of one language.
 * @example translator('ru')('header.inspectors', { count: 5, n: 5 }) // '5 инспекторов'
 */
export function translator(locale: Locale): Translate {
  let t = made.get(locale);
  if (!t) {
    const intl: IntlShape = createIntl({
      locale: INTL_TAG[locale],
      messages: MESSAGES[locale],
      defaultLocale: 'en-GB',
    });
    t = (id, values) => intl.formatMessage({ id }, values);
    made.set(locale, t);
  }
  return t;
}

/** The message function of the language the provider renders in, for text builders that are not handed one. */
export const activeT = (): Translate => translator(active);
