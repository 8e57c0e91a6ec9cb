// The wall screen's URL parameters: defaults, bounds, and per-slide links.
import { describe, expect, it } from 'vitest';
import { briefingHref, parseBriefingUrl, withSlide } from '../../web/views/briefing/params.ts';

describe('parseBriefingUrl', () => {
  it('reads every parameter', () => {
    expect(
      parseBriefingUrl('?playlist=4&district=1726294&period=2026-10-01..2026-10-31&slide=3&refresh=60&dwell=5'),
    ).toEqual({
      playlist: 4,
      district: '1726294',
      period: '2026-10-01..2026-10-31',
      slide: 2,
      refreshS: 60,
      dwellS: 5,
    });
  });

  it('falls back to the defaults for an empty query', () => {
    expect(parseBriefingUrl('')).toEqual({
      playlist: null,
      district: null,
      period: null,
      slide: 0,
      refreshS: 300,
      dwellS: null,
    });
  });

  it.each([
    ['playlist=0', 'playlist', null],
    ['playlist=abc', 'playlist', null],
    ['district=17262', 'district', null],
    ['period=yesterday', 'period', null],
    ['slide=0', 'slide', 0],
    ['slide=-2', 'slide', 0],
    ['refresh=0', 'refreshS', 300],
    ['refresh=1', 'refreshS', 300],
    ['refresh=99999', 'refreshS', 300],
    ['dwell=0', 'dwellS', null],
    ['dwell=2.5', 'dwellS', null],
  ] as const)('ignores %s', (query, key, expected) => {
    expect(parseBriefingUrl(`?${query}`)[key]).toBe(expected);
  });
});

describe('slide links', () => {
  it('sets the 1-based slide and keeps the other parameters', () => {
    expect(withSlide('?playlist=2&period=7d&slide=1', 3)).toBe('?playlist=2&period=7d&slide=4');
  });

  it('links a playlist, and one of its slides', () => {
    expect(briefingHref(7)).toBe('/briefing?playlist=7');
    expect(briefingHref(7, 0)).toBe('/briefing?playlist=7&slide=1');
  });
});
