// Colour scales: classes cover the data, extremes get the end colours, change is symmetric around zero, and every
// class reads differently from its neighbours at the decimals printed (issue 11: "2.8 – 2.8" in the EB legend).
import { describe, expect, it } from 'vitest';
import {
  DIVERGING,
  NO_DATA,
  SEQUENTIAL,
  classLabels,
  divergingScale,
  quantileScale,
  separatingDecimals,
} from '../../web/map/colors.ts';
import { metricView, MIN_EVENTS_FOR_CHANGE, type MetricColumns } from '../../web/map/metric-values.ts';

describe('colour scales', () => {
  it('quantile scale has one break fewer than colours and is non-decreasing', () => {
    const s = quantileScale(Array.from({ length: 600 }, (_, i) => i % 97));
    expect(s.breaks).toHaveLength(SEQUENTIAL.length - 1);
    for (let i = 1; i < s.breaks.length; i++) expect(s.breaks[i]).toBeGreaterThanOrEqual(s.breaks[i - 1] ?? 0);
  });

  it('gives the lightest colour to the minimum and the darkest to the maximum', () => {
    const s = quantileScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.colorOf(1)).toEqual(SEQUENTIAL[0]);
    expect(s.colorOf(12)).toEqual(SEQUENTIAL[SEQUENTIAL.length - 1]);
  });

  it('diverging scale puts zero in the neutral middle class', () => {
    const s = divergingScale(60);
    expect(s.colorOf(0)).toEqual(DIVERGING[3]);
    expect(s.colorOf(-1000)).toEqual(DIVERGING[0]);
    expect(s.colorOf(1000)).toEqual(DIVERGING[6]);
  });

  it('NaN is no data', () => {
    expect(quantileScale([1, 2, 3]).colorOf(Number.NaN)).toEqual(NO_DATA);
  });
});

describe('separatingDecimals', () => {
  it('is the fewest decimals at which neighbouring distinct values print differently', () => {
    expect(separatingDecimals([3, 10, 25, 60])).toBe(0);
    expect(separatingDecimals([1.2, 1.4, 3.6])).toBe(1);
    expect(separatingDecimals([2.81, 2.84, 2.9])).toBe(2);
    // Order and repeats do not matter: 2.9 twice is one value.
    expect(separatingDecimals([2.9, 2.84, 2.9, 2.81])).toBe(2);
  });

  it('keeps at least the minimum and stops at the cap', () => {
    expect(separatingDecimals([3, 10, 25], 1)).toBe(1);
    expect(separatingDecimals([2.9132, 2.9134], 1)).toBe(3);
    expect(separatingDecimals([2.9132, 2.9134], 1, 4)).toBe(4);
    expect(separatingDecimals([], 1)).toBe(1);
  });

  it('lets smaller values have more decimals before the cap, at most 6', () => {
    expect(separatingDecimals([0.08623, 0.08571])).toBe(4);
    expect(separatingDecimals([0.086121, 0.086118])).toBe(5);
    expect(separatingDecimals([1e-9, 2e-9])).toBe(6);
  });

  it('counts −0.004 and 0.004 as one value at two decimals (both print as zero)', () => {
    expect(separatingDecimals([-0.004, 0.004, 0.5])).toBe(3);
  });
});

// Issue 11: Empirical Bayes rates pulled together around 2.85 gave breaks 2.81, 2.84, 2.86, 2.88, 2.91 printed with one
// decimal: "2.8 – 2.8", "2.8 – 2.9", "2.9 – 2.9". Thirty values, five at each of six levels.
const EB = [2.5, 2.81, 2.84, 2.86, 2.88, 2.91].flatMap((v) => [v - 0.004, v - 0.002, v, v + 0.001, v + 0.003]);

describe('legend classes', () => {
  it('are distinct at the decimals printed: the issue-11 EB legend gets two decimals', () => {
    const s = quantileScale(EB, SEQUENTIAL, 1);
    expect(s.decimals).toBe(2);
    expect(classLabels(s, '‰')).toEqual([
      '≤ 2.81',
      '2.81 – 2.84',
      '2.84 – 2.86',
      '2.86 – 2.88',
      '2.88 – 2.91',
      '> 2.91',
    ]);
  });

  it('classify by the breaks as printed, not by the unrounded quantiles', () => {
    const s = quantileScale(EB, SEQUENTIAL, 1);
    // The quantiles are 2.806, 2.836, 2.856, 2.876, 2.906; the classes end where the legend says they do.
    expect(s.breaks).toEqual([2.81, 2.84, 2.86, 2.88, 2.91]);
    expect(s.colorOf(2.808)).toEqual(SEQUENTIAL[0]);
    expect(s.colorOf(2.88)).toEqual(SEQUENTIAL[3]);
    expect(s.colorOf(2.881)).toEqual(SEQUENTIAL[4]);
  });

  it('merge tied quantiles instead of printing an empty "0 – 0" class, spreading the colours over the ramp', () => {
    // 7-day counts: most mahallas 0, a few 1, one 5. Quantile breaks 0, 0, 0, 1, 5 become 0 and 1: three classes.
    const s = quantileScale([0, 0, 0, 0, 0, 0, 0, 1, 1, 5]);
    expect(s.breaks).toEqual([0, 1]);
    expect(classLabels(s, '')).toEqual(['0', '1', '2 – 5']);
    expect(s.colors).toEqual([SEQUENTIAL[0], SEQUENTIAL[3], SEQUENTIAL[5]]);
    expect(s.colorOf(5)).toEqual(SEQUENTIAL[5]);
  });

  it('name the whole numbers a class of counts holds', () => {
    // Breaks 2, 4, 8, 12, 18 over counts 0…40: "≤ 2", "2 – 4" would read as overlapping; these do not.
    const counts = [0, 1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 12, 12, 15, 18, 20, 25, 40];
    const s = quantileScale(counts);
    expect(s.integers).toBe(true);
    expect(classLabels(s, '')).toEqual(['0 – 2', '3 – 4', '5 – 8', '9 – 12', '13 – 18', '19 – 40']);
  });

  it('name the one value when every value is the same, and say when there is none', () => {
    const s = quantileScale([2.5, 2.5, 2.5], SEQUENTIAL, 1);
    expect(s.breaks).toEqual([]);
    expect(classLabels(s, '‰')).toEqual(['2.5']);
    expect(classLabels(quantileScale([]), '')).toEqual(['no values']);
  });

  it('every class of a quantile scale holds a value and prints differently from its neighbours', () => {
    for (const values of [EB, Array.from({ length: 585 }, (_, i) => 2.8 + ((i * 7919) % 585) / 5850), [1, 1, 2, 40]]) {
      const s = quantileScale(values, SEQUENTIAL, 1);
      const labels = classLabels(s, '‰');
      expect(new Set(labels).size).toBe(labels.length);
      for (let k = 0; k < s.colors.length; k++) {
        const lo = s.breaks[k - 1] ?? -Infinity;
        const hi = s.breaks[k] ?? Infinity;
        expect(values.some((v) => v > lo && v <= hi)).toBe(true);
      }
    }
  });

  it('print the change map with signs and name the middle class', () => {
    expect(classLabels(divergingScale(60), '%')).toEqual([
      '≤ -43',
      '-43 – -26',
      '-26 – -9',
      '-9 – +9, or no significant change',
      '+9 – +26',
      '+26 – +43',
      '> +43',
    ]);
  });
});

describe('metric values', () => {
  // Mahalla 4: 40 vs 10 incidents, q ≈ 4e-6 (significant); mahalla 2: 30 vs 20, q ≈ 0.2 (not significant).
  const cols: MetricColumns = {
    ids: [1, 2, 3, 4],
    count: [4, 30, 0, 40],
    prev: [1, 20, 0, 10],
    rate: [0.5, 3.25, 0, 4],
    population: [8000, 9231, 500, 10000],
    changeQ: [null, 0.2026, null, 0.0001],
    change: {
      days: { period: 31, previous: 31 },
      minEvents: 10,
      fdr: { q: 0.1 },
      tested: 2,
      tooFew: 2,
      up: 1,
      down: 0,
      expectedByChance: { withoutFdr: 0.2, amongColoured: 0.1 },
    },
  };

  it('uses the rate column for the rate metric', () => {
    expect(metricView(cols, 'rate').valueById.get(2)).toBe(3.25);
  });

  it('greys a rate that rests on too few residents instead of painting it as an extreme', () => {
    const v = metricView(cols, 'rate');
    expect(v.valueById.get(3)).toBeNaN();
    expect(v.note).toContain('Hatched: 1 mahalla with fewer than 1\u2009000 residents');
  });

  it('rates every mahalla when smoothed', () => {
    const v = metricView(cols, 'eb');
    expect([...v.valueById.values()].every(Number.isFinite)).toBe(true);
  });

  it('does not turn 1 → 4 events into +300 %', () => {
    expect(4 + 1).toBeLessThan(MIN_EVENTS_FOR_CHANGE);
    expect(metricView(cols, 'change').valueById.get(1)).toBeNaN();
  });

  it('colours a change only when it survives the false discovery rate', () => {
    const v = metricView(cols, 'change');
    expect(v.valueById.get(2)).toBe(0);
    expect(v.valueById.get(4)).toBe(300);
  });

  it('states the test, the FDR and what chance alone would colour, in words', () => {
    expect(metricView(cols, 'change').note).toBe(
      '1 of 2 mahallas compared changed beyond chance (1 up, 0 down). Exact test of the two counts, false discovery ' +
        'rate 10 % (Benjamini–Hochberg): on average at most 1 in 10 of those coloured is chance. Without that correction, ' +
        'chance alone would colour less than 1 even if nothing had changed. 2 mahallas have too few incidents to ' +
        'compare (fewer than 10 in both periods).',
    );
  });

  it('does not speak of chance among the coloured when none is coloured', () => {
    const none = { ...cols, changeQ: [null, 0.2026, null, 0.2], change: { ...cols.change, up: 0 } };
    expect(metricView(none, 'change').note).toContain('(Benjamini–Hochberg). Without that correction');
  });

  it('measures a change across 29 February per day and says so', () => {
    // 1 Jan – 29 Feb 2024 against 1 Jan – 28 Feb 2023: 40 in 60 days against 10 in 59 is +293 % per day, not +300 %.
    const leap = { ...cols, change: { ...cols.change, days: { period: 60, previous: 59 } } };
    const v = metricView(leap, 'change', 'year');
    expect(v.valueById.get(4)).toBeCloseTo((40 / 60 / (10 / 59) - 1) * 100, 9);
    expect(v.note).toContain(
      '60 days against 59 (29 February has no twin a year earlier): incidents per day are compared.',
    );
  });
});
