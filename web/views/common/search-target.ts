// What picking a search hit does: the page to open, the link state to set (the selection the map already uses) and
// the place the map flies to. Pure, so the rules are tested without a browser.
import type { SearchHit } from '../../../server/contract/search.ts';
import type { FlyTarget } from '../../map/fly.ts';
import { pointBox } from '../../map/fly.ts';
import type { UrlState } from '../../state/url.ts';

/** Pages whose map selects a mahalla by the link's `m` and opens its card. */
const SELECTS_MAHALLA = new Set(['/', '/cooperation', '/applications']);
/** Pages with a map at all. */
const HAS_MAP = new Set(['/', '/coverage', '/planner', '/applications', '/cooperation', '/plans', '/territories/diff']);

export interface SearchTarget {
  /** the page to be on (the current one when it can show the hit) */
  path: string;
  patch: Partial<UrlState>;
  fly: FlyTarget | null;
}

/**
 * Where a hit takes the person from page `path` with `district` chosen: a mahalla is selected (its card opens) on a
 * page that selects mahallas, else on the map page; an inspector's card opens on the coverage page; a district is
 * chosen; a base point is flown to. A chosen district other than the hit's becomes the hit's (the figures follow);
 * with none chosen the whole area stays in view. The saved camera is dropped so the map frames the hit.
 * @example searchTarget({ kind: 'mahalla', id: 5, … }, '/plans', null).path // '/'
 */
export function searchTarget(hit: SearchHit, path: string, district: string | null): SearchTarget {
  const hitDistrict = hit.district?.soato ?? null;
  const keep = district === null || district === hitDistrict ? district : hitDistrict;
  const fly = (box: FlyTarget['box'] | null, d: string | null): FlyTarget | null => (box ? { box, district: d } : null);
  const at = (point: [number, number] | null) => (point ? pointBox(point) : null);
  switch (hit.kind) {
    case 'mahalla':
      return {
        path: SELECTS_MAHALLA.has(path) ? path : '/',
        patch: { selected: hit.id, district: keep, view: null },
        fly: fly(hit.bbox, keep),
      };
    case 'district':
      return {
        path: HAS_MAP.has(path) ? path : '/',
        patch: { district: hitDistrict, selected: null, view: null },
        fly: fly(hit.bbox, hitDistrict),
      };
    case 'inspector':
      return {
        path: '/coverage',
        patch: { inspector: hit.id, district: hitDistrict, view: null },
        fly: fly(at(hit.point), hitDistrict),
      };
    case 'base_point':
      return {
        path: HAS_MAP.has(path) ? path : '/',
        patch: { district: keep, view: null },
        fly: fly(at(hit.point), keep),
      };
  }
}
