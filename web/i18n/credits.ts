// The credits line of every map, print and export in the reader's language: the server names the sources of the
// boundaries and their licences (GET /api/meta `credits`, proper names never translated); the words around them are
// messages (credits.*), so "Boundaries:" reads "Границы:" in Russian and "Chegaralar:" in Uzbek.
import type { Translate } from './translate.ts';

/** One credited source as /api/meta sends it (server/services/meta.ts). */
export interface Credit {
  name: string;
  licence: string;
  /** credited to its contributors: "© OpenStreetMap contributors" */
  contributors: boolean;
}

/**
 * The credits line in the language of `t`.
 * @example creditsLine([{ name: 'OpenStreetMap', licence: 'ODbL', contributors: true }], translator('ru'))
 * // 'Границы: © участники OpenStreetMap (ODbL)'
 */
export function creditsLine(credits: readonly Credit[], t: Translate): string {
  const sources = credits.map((c) =>
    t('credits.source', {
      name: c.contributors ? t('credits.contributors', { name: c.name }) : c.name,
      licence: c.licence,
    }),
  );
  return t('credits.boundaries', { sources: sources.join('; ') });
}
