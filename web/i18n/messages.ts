// Every UI string, one JSON file per language (messages/<locale>.json) so that a native-speaking officer corrects a
// term in one place. English is the source: its file names every message id; the others must hold the same ids with
// the same ICU arguments (test/web/i18n-messages.test.ts).
import en from './messages/en.json';
import uzLatn from './messages/uz-Latn.json';
import uzCyrl from './messages/uz-Cyrl.json';
import ru from './messages/ru.json';
import type { Locale } from './locales.ts';

/** A message id, e.g. 'hotspots.legend.title': only ids of the English source compile. */
export type MessageId = keyof typeof en;

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'uz-Latn': uzLatn,
  'uz-Cyrl': uzCyrl,
  ru,
  en,
};
