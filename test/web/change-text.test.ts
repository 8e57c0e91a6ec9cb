// The change against the comparison period in words, as the mahalla card and the Hotspots page's district line say
// it: the label follows the comparison chosen, per day across 29 February, and the exact test's verdict.
import { describe, expect, it } from 'vitest';
import { changeText, changeVerdict, districtChangeLine } from '../../web/views/hotspots/change-text.ts';
import { translator } from '../../web/i18n/translate.ts';
import { formatters } from '../../web/format.ts';

const en = { t: translator('en'), f: formatters('en') };
const ru = { t: translator('ru'), f: formatters('ru') };
/** Intl puts a no-break or narrow space before %; compared as plain spaces. */
const sp = (s: string): string => s.replace(/[\u00a0\u202f\u2009]/g, ' ');
const NOV = { period: { from: '2026-11-01', to: '2026-11-30' }, previous: { from: '2026-10-02', to: '2026-10-31' } };
const NOV_YEAR = { period: NOV.period, previous: { from: '2025-11-01', to: '2025-11-30' } };

describe('changeText', () => {
  it('names the comparison chosen: last year, or the previous period', () => {
    expect(sp(changeText({ count: 120, prev: 100, ...NOV_YEAR }, true, en.t, en.f))).toBe(
      '+20 % vs same days last year (100)',
    );
    expect(sp(changeText({ count: 120, prev: 100, ...NOV }, false, en.t, en.f))).toBe('+20 % vs previous period (100)');
  });

  it('goes per day when the periods differ in length (29 February)', () => {
    const c = {
      count: 29,
      prev: 28,
      period: { from: '2028-02-01', to: '2028-02-29' },
      previous: { from: '2027-02-01', to: '2027-02-28' },
    };
    expect(sp(changeText(c, true, en.t, en.f))).toBe(
      '+0 % a day vs same days last year (29 in 29 days against 28 in 28: 29 February)',
    );
  });

  it('says when there are too few to compare', () => {
    expect(sp(changeText({ count: 2, prev: 1, ...NOV }, false, en.t, en.f))).toBe(
      '2 vs 1 in the previous period (too few to compare)',
    );
  });
});

describe('changeVerdict', () => {
  it('judges by the exact test of the two counts', () => {
    expect(changeVerdict({ count: 300, prev: 200, ...NOV }, en.t, en.f)).toBe(
      'significant change (p\u00a0<\u00a00.001)',
    );
    expect(changeVerdict({ count: 105, prev: 100, ...NOV }, en.t, en.f)).toMatch(
      /^within normal variation \(p\u00a0=\u00a00\.\d\d\)$/,
    );
    expect(changeVerdict({ count: 1, prev: 2, ...NOV }, en.t, en.f)).toBe('too few to judge');
  });
});

describe('districtChangeLine', () => {
  it('states the district, its count with the right plural, the change and the verdict, in Russian too', () => {
    expect(
      districtChangeLine('Chilonzor tumani', { count: 300, prev: 200, ...NOV_YEAR }, 'year', 'incidents', en.t, en.f),
    ).toBe(
      'Chilonzor tumani: 300 incidents, +50 % vs same days last year (200) — significant change (p\u00a0<\u00a00.001)',
    );
    expect(
      districtChangeLine('город Ташкент', { count: 1, prev: 2, ...NOV }, 'previous', 'incidents', ru.t, ru.f),
    ).toBe(
      'город Ташкент: 1 происшествие, 1 против 2 за предыдущий период (слишком мало для сравнения) — слишком мало для вывода',
    );
  });
});
