// What a records export is called and in which language it is written: the `lang` of the download link (the screen's
// language; English when absent, as the API always answered), and a file name with the source, the mahalla's name and
// code, and the period, e.g. hamkor-incidents-Yangiobod-1726294001-2026-11-01_2026-11-30.csv.
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { LOCALES, type Locale } from '../../../web/i18n/locales.ts';
import { displayName } from '../../shared/uz-names.ts';
import { exportFileName } from '../../shared/export-name.ts';
import { issue } from '../../contract/issues.ts';

/** The optional `lang` of an export link. */
export const ExportLang = z.enum(LOCALES).optional().default('en');

export const exportLangRefusal = {
  error: 'invalid_request' as const,
  issues: [issue('lang', 'not_one_of', `must be one of ${LOCALES.join(', ')}`, { allowed: LOCALES.join(', ') })],
};

/** The file name of one mahalla's records over a period, the mahalla named in the script of the language. */
export async function recordsFileName(
  db: Db,
  q: { source: string; mahalla: number; from: string; to: string },
  locale: Locale,
): Promise<string> {
  const [m] = await db.all<{ name: string; code: string }>('SELECT name, code FROM mahallas WHERE id = $id', {
    id: q.mahalla,
  });
  const where = m ? [displayName(m.name, locale), m.code] : [`mahalla-${q.mahalla}`];
  return exportFileName([q.source, ...where], q, 'csv');
}
