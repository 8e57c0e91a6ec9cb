// The words of exported files in the asker's language: the same message files as the screen (web/i18n/messages, one
// per language, so a term corrected there is corrected in every export), the list separator a spreadsheet in that
// language expects, and the download header that carries a file name in any script.
import { MESSAGES } from '../../../web/i18n/messages.ts';
import type { MessageId } from '../../../web/i18n/messages.ts';
import type { Locale } from '../../../web/i18n/locales.ts';
import { translator } from '../../../web/i18n/translate.ts';
import { sayName } from '../../shared/system-names.ts';
import { displayName } from '../../shared/uz-names.ts';

/**
 * A plain message (no ICU arguments) in one language; English, then the id, where a language lacks it.
 * @example exportWord('ru', 'export.col.mahallaCode') // 'Код махалли'
 */
export const exportWord = (locale: Locale, id: MessageId): string => MESSAGES[locale][id] ?? MESSAGES.en[id] ?? id;

/**
 * A stored name (a territory version's, a plan's) as the reader of the export should see it: one the system wrote in
 * the language's words, a district in its script, a copy's period as ISO days (as exports write days); typed ones as
 * typed (server/shared/system-names.ts).
 * @example exportName('ru', 'Plan in force when versions began') // 'План, действовавший до ведения версий'
 */
export const exportName = (locale: Locale, stored: string): string =>
  sayName(
    stored,
    translator(locale),
    (name) => displayName(name, locale),
    (iso) => iso,
  );

/** The CSV style of a language (server/shared/csv.ts), here beside the other words of exports. */
export { csvStyle } from '../../shared/csv.ts';

/**
 * The Content-Disposition of a download: an ASCII fallback name and the real one (RFC 6266 / 5987), so Cyrillic
 * names survive in every browser.
 * @example attachmentHeader('hamkor-Чилонзор.csv') // 'attachment; filename="hamkor-.csv"; filename*=UTF-8\'\'hamkor-%D0%A7…'
 */
export const attachmentHeader = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
