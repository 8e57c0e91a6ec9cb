// The map's scale bar: MapLibre's round distances, and the unit in the script of each language (issue 14).
import { describe, expect, it } from 'vitest';
import { scaleBar, sayDistance } from '../../web/map/corner-controls.ts';
import { translator } from '../../web/i18n/translate.ts';
import { fmtInt } from '../../web/format.ts';
import type { Locale } from '../../web/i18n/locales.ts';

describe('scaleBar', () => {
  it.each([
    [1400, 100, 1000, 71.43],
    [2600, 100, 2000, 76.92],
    [380, 100, 300, 78.95],
    [99, 100, 50, 50.51],
    [5000, 80, 5000, 80],
  ])('%s m across %s px: a %s m bar of %s px', (metres, maxPx, round, px) => {
    expect(scaleBar(metres, maxPx)).toEqual({ metres: round, px });
  });

  it('draws nothing for a map with no width', () => {
    expect(scaleBar(0, 100)).toEqual({ metres: 0, px: 0 });
  });
});

describe('sayDistance', () => {
  const say = (locale: Locale) => sayDistance(translator(locale), (n) => fmtInt(n, locale));

  it.each([
    ['ru', '500 м', '2 км'],
    ['uz-Cyrl', '500 м', '2 км'],
    ['uz-Latn', '500 m', '2 km'],
    ['en', '500 m', '2 km'],
  ] as const)('%s writes metres and kilometres in its own script', (locale, metres, km) => {
    expect(say(locale)(500)).toBe(metres);
    expect(say(locale)(2000)).toBe(km);
  });

  it('groups thousands of kilometres as the language does', () => {
    expect(say('ru')(1_000_000)).toBe('1\u00a0000 км');
  });
});
