// The region of every listed district, named, also where the database has no row for it: a city database is built
// from OpenStreetMap districts alone (no region outline), which left Tashkent city as "Region 1726" on the admin page.
// The official code list (data/geo/uz_official_names.csv) names it; its Latin name follows from the Cyrillic by rule.
import { officialNames, type OfficialName } from '../../data/generate/official-names.ts';
import { cyrillicToLatin, type PlaceNames } from '../shared/uz-names.ts';

export type RegionNames = PlaceNames & { soato: string };

/**
 * `stored` regions plus, for each district's region (its SOATO code's first 4 digits) without one, the region as the
 * official list names it; by Latin name, as the stored ones are listed. A code the list lacks stays unnamed (absent).
 * @example withListedRegions([], ['1726294']) // [{ soato: '1726', name: 'Toshkent shahri', nameUzCyrl: 'Тошкент шаҳри', nameRu: 'город Ташкент' }]
 */
export function withListedRegions(
  stored: readonly RegionNames[],
  districts: readonly string[],
  official: ReadonlyMap<string, OfficialName> = officialNames(),
): RegionNames[] {
  const have = new Set(stored.map((r) => r.soato));
  const listed = [...new Set(districts.map((d) => d.slice(0, 4)))]
    .filter((code) => !have.has(code) && official.has(code))
    .map((soato) => {
      const o = official.get(soato) as OfficialName;
      return { soato, name: cyrillicToLatin(o.nameUzCyrl), nameUzCyrl: o.nameUzCyrl, nameRu: o.nameRu };
    });
  if (listed.length === 0) return [...stored];
  return [...stored, ...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
