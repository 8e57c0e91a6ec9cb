// URL <-> state: links reopen the same screen; malformed parameters fall back instead of breaking the page.
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrl, serializeUrl, type UrlState } from '../../web/state/url.ts';

describe('url state', () => {
  it('round-trips a full state', () => {
    const s: UrlState = {
      from: '2026-08-03', to: '2026-10-31', categories: ['property', 'fraud'], statuses: ['solved'], metric: 'hotspot', fdr: false, compare: 'year',
      layers: ['heat'], district: '1726294', selected: 123, view: { lon: 69.2401, lat: 41.3111, zoom: 11.25 }, at: '2026-09-07',
      source: 'applications', registries: ['form1'], receivers: ['duty_unit', 'service'], hexRes: 7,
    };
    expect(parseUrl(serializeUrl(s))).toEqual(s);
  });

  it('writes nothing for the default state', () => {
    expect(serializeUrl(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrl('')).toEqual(DEFAULT_URL_STATE);
  });

  it('keeps vocabulary order and drops unknown codes', () => {
    expect(parseUrl('?cat=fraud,bogus,property').categories).toEqual(['property', 'fraud']);
  });

  it('falls back on malformed values', () => {
    const s = parseUrl('?from=yesterday&metric=rainbow&d=12&m=-4&v=500,1,2&cat=nothing&at=soon');
    expect(s.at).toBeNull();
    expect(s.from).toBeNull();
    expect(s.metric).toBe('rate');
    expect(s.district).toBeNull();
    expect(s.selected).toBeNull();
    expect(s.view).toBeNull();
    expect(s.categories).toEqual(DEFAULT_URL_STATE.categories);
  });

  it('distinguishes "no layers" from "default layers"', () => {
    expect(parseUrl('?layers=').layers).toEqual([]);
    expect(serializeUrl({ ...DEFAULT_URL_STATE, layers: [] })).toBe('layers=');
  });
});
