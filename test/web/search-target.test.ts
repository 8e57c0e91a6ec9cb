// What picking a search hit does: page, link state and camera, for each kind of hit and from pages with and without
// a map.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../server/contract/search.ts';
import { searchTarget } from '../../web/views/common/search-target.ts';

const CHILONZOR = { soato: '1726294', name: 'Chilonzor tumani', nameRu: 'Чиланзарский район' };
const hit = (kind: SearchHit['kind'], extra: Partial<SearchHit> = {}): SearchHit => ({
  kind,
  id: 7,
  name: 'Gʻalaba MFY',
  nameRu: null,
  code: null,
  district: CHILONZOR,
  bbox: null,
  point: null,
  match: 'exact',
  ...extra,
});
const BOX: [number, number, number, number] = [69.2, 41.2, 69.25, 41.25];

describe('searchTarget', () => {
  it('selects a mahalla on the map page from a page without mahalla selection, keeping the whole city in view', () => {
    expect(searchTarget(hit('mahalla', { bbox: BOX }), '/plans', null)).toEqual({
      path: '/',
      patch: { selected: 7, district: null, view: null },
      fly: { box: BOX, district: null },
    });
  });

  it('stays on a page that selects mahallas, and moves a chosen district to the mahalla’s', () => {
    expect(searchTarget(hit('mahalla', { bbox: BOX }), '/cooperation', '1726273')).toEqual({
      path: '/cooperation',
      patch: { selected: 7, district: '1726294', view: null },
      fly: { box: BOX, district: '1726294' },
    });
  });

  it('chooses a district and frames it, on any page with a map', () => {
    const d = hit('district', { id: 1726294, bbox: BOX });
    expect(searchTarget(d, '/coverage', null)).toEqual({
      path: '/coverage',
      patch: { district: '1726294', selected: null, view: null },
      fly: { box: BOX, district: '1726294' },
    });
    expect(searchTarget(d, '/admin', null).path).toBe('/');
  });

  it('opens an inspector’s card on the coverage page', () => {
    const t = searchTarget(hit('inspector', { point: [69.24, 41.31] }), '/', null);
    expect(t.path).toBe('/coverage');
    expect(t.patch).toEqual({ inspector: 7, district: '1726294', view: null });
    expect(t.fly?.box.map((x) => Math.round(x * 1000) / 1000)).toEqual([69.236, 41.307, 69.244, 41.313]);
  });

  it('flies to a base point without changing the page', () => {
    const t = searchTarget(hit('base_point', { point: [69.24, 41.31] }), '/planner', '1726294');
    expect(t.path).toBe('/planner');
    expect(t.patch).toEqual({ district: '1726294', view: null });
    expect(t.fly?.district).toBe('1726294');
  });

  it('does not fly where the hit has no place', () => {
    expect(searchTarget(hit('inspector'), '/', null).fly).toBeNull();
  });
});
