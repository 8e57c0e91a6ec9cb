// The name of the whole database's area, wherever a screen names it (header, breadcrumb, filter lines, titles, map
// exports): the country for a database of several regions, the city for one. Decided here, from the data, so that no
// page names "Tashkent city" over the whole country again.
import { activeT, type Translate } from './translate.ts';

/** What of /api/meta decides it. */
export interface AreaData {
  scale: string;
  districts: ReadonlyArray<{ soato: string }>;
}

/**
 * Whether the database covers the country rather than the city: built at national scale, or (an import, whatever its
 * scale says) its districts lie in more than one region (a district's SOATO code starts with its region's 4 digits).
 * @example isCountry({ scale: 'city', districts: [{ soato: '1726294' }, { soato: '1703202' }] }) // true
 */
export function isCountry(meta: AreaData): boolean {
  if (meta.scale === 'national') return true;
  return new Set(meta.districts.map((d) => d.soato.slice(0, 4))).size > 1;
}

/**
 * The whole database's area in the language of `t`.
 * @example wholeArea({ scale: 'national', districts: [] }, translator('ru')) // 'Узбекистан'
 * @example wholeArea({ scale: 'city', districts: [{ soato: '1726294' }] }, translator('ru')) // 'город Ташкент'
 */
export function wholeArea(meta: AreaData, t: Translate = activeT()): string {
  return t(isCountry(meta) ? 'header.country' : 'header.city');
}
