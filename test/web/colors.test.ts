// Colour scales: classes cover the data, extremes get the end colours, change is symmetric around zero.
import { describe, expect, it } from 'vitest';
import { DIVERGING, NO_DATA, SEQUENTIAL, divergingScale, quantileScale } from '../../web/map/colors.ts';
import { metricView, MIN_EVENTS_FOR_CHANGE } from '../../web/map/metric-values.ts';

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

describe('metric values', () => {
  // Mahalla 4: 40 vs 10 incidents, p ≈ 2e-6 (significant); mahalla 2: 30 vs 20, p ≈ 0.2 (not significant).
  const cols = {
    ids: [1, 2, 3, 4],
    count: [4, 30, 0, 40],
    prev: [1, 20, 0, 10],
    rate: [0.5, 3.25, 0, 4],
    population: [8000, 9231, 500, 10000],
    changeP: [null, 0.2026, null, 0],
  };

  it('uses the rate column for the rate metric', () => {
    expect(metricView(cols, 'rate').valueById.get(2)).toBe(3.25);
  });

  it('greys a rate that rests on too few residents instead of painting it as an extreme', () => {
    const v = metricView(cols, 'rate');
    expect(v.valueById.get(3)).toBeNaN();
    expect(v.note).toContain('Hatched: 1 mahalla with fewer than 1,000 residents');
  });

  it('rates every mahalla when smoothed', () => {
    const v = metricView(cols, 'eb');
    expect([...v.valueById.values()].every(Number.isFinite)).toBe(true);
  });

  it('does not turn 1 → 4 events into +300 %', () => {
    expect(4 + 1).toBeLessThan(MIN_EVENTS_FOR_CHANGE);
    expect(metricView(cols, 'change').valueById.get(1)).toBeNaN();
  });

  it('colours a change only when the test finds it significant', () => {
    const v = metricView(cols, 'change');
    expect(v.valueById.get(2)).toBe(0);
    expect(v.valueById.get(4)).toBe(300);
    expect(v.note).toContain('p < 0.05 (1 mahalla)');
  });
});
