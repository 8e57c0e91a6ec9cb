// Official names of districts and regions (GET /api/meta, from data/geo/uz_official_names.csv) looked up by their
// stored Latin name, so that every place a name is shown through useNameOf gets "Чиланзарский район" in Russian
// rather than the Latin name written in Cyrillic letters. Mahalla and inspector names have no official list: they are
// never in the map and are transliterated by rule.
import { displayName, type PlaceNames, type UiLocale } from '../../server/shared/uz-names.ts';

/** Official names by stored Latin name. */
export type OfficialNames = ReadonlyMap<string, PlaceNames>;

/** The lookup of the listed districts and regions (either list may be absent while meta loads). */
export function officialNamesOf(...lists: ReadonlyArray<readonly PlaceNames[] | undefined>): OfficialNames {
  return new Map(lists.flatMap((list) => (list ?? []).map((p) => [p.name, p] as const)));
}

/**
 * A stored name in the script and, for districts and regions, the official form of `locale`; English and Uzbek Latin
 * read the stored Latin name. `ru`: an official Russian name the caller already has (it wins over the lookup).
 * @example nameIn('ru', official, 'Chilonzor tumani') // 'Чиланзарский район'
 * @example nameIn('uz-Cyrl', official, 'Olmazor MFY') // 'Олмазор МФЙ' (no official name: transliterated)
 */
export function nameIn(locale: UiLocale, official: OfficialNames, name: string, ru?: string | null): string {
  const o = official.get(name);
  return displayName(name, locale, ru || o?.nameRu, o?.nameUzCyrl);
}
