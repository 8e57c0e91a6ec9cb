// The name of the whole database's area, wherever a screen names it (header, breadcrumb, filter lines, titles, map
// exports): the study area the server decided from the data (city, one region or the country), named as the tests'
// notes name it, so that no page names "Tashkent city" over the whole country again.
import { activeT, type Translate } from './translate.ts';
import { areaName } from '../map/inference-text.ts';
import type { Meta } from '../queries/meta.ts';

/**
 * The whole database's area in the language of `t`.
 * @example wholeArea({ studyArea: { scope: 'country', name: 'Uzbekistan' } }, translator('ru')) // 'Узбекистан'
 * @example wholeArea({ studyArea: { scope: 'city', name: 'Tashkent city' } }, translator('ru')) // 'город Ташкент'
 */
export function wholeArea(meta: Pick<Meta, 'studyArea'>, t: Translate = activeT()): string {
  return areaName({ studyArea: meta.studyArea.scope, studyAreaName: meta.studyArea.name }, t);
}
