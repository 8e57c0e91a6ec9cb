// Emerging hot spot categories on constructed z-series: one hot and one mirrored cold case per category, and edges.
import { describe, expect, it } from 'vitest';
import {
  classifyEmerging,
  classifyEmergingAt,
  EMERGING_CLASSES,
  emergingCode,
  type EmergingClassId,
  type EmergingOptions,
} from '../../../server/stats/emerging.ts';
import { mannKendall, mannKendallAt } from '../../../server/stats/mann-kendall.ts';
import { twoSidedP } from '../../../server/shared/normal.ts';

// z = ±2 is significant at 90 % (p = 0.0455), z = 0 is not (p = 1). p comes from z, the trend from Mann–Kendall on z.
const classify = (zs: readonly number[], opts?: EmergingOptions): EmergingClassId => {
  const z = Float64Array.from(zs);
  return EMERGING_CLASSES[classifyEmerging(z, z.map(twoSidedP), mannKendall(z), opts)]!.id;
};
const rising = Array.from({ length: 10 }, (_, t) => 2 + 0.2 * t); // 2.0 … 3.8, S = 45, p = 8e-5
const steady = [2.5, 2.1, 2.4, 2.2, 2.6, 2.0, 2.3, 2.7, 2.05, 2.45]; // all hot, no trend (checked below)

// [category of z, category of −z, what, z]
const CASES: [EmergingClassId, EmergingClassId, string, number[]][] = [
  ['new-hot', 'new-cold', 'significant for the first time in the final bin', [0, 0, 0, 0, 0, 0, 0, 0, 0, 2]],
  ['consecutive-hot', 'consecutive-cold', 'an unbroken final run of 3, nothing before', [0, 0, 0, 0, 0, 0, 0, 2, 2, 2]],
  ['consecutive-hot', 'consecutive-cold', 'a final run of 8 of 10 bins (80 % < 90 %)', [0, 0, 2, 2, 2, 2, 2, 2, 2, 2]],
  ['intensifying-hot', 'intensifying-cold', 'all bins hot and rising', rising],
  ['persistent-hot', 'persistent-cold', 'all bins hot, no trend', steady],
  [
    'persistent-hot',
    'persistent-cold',
    '9 of 10 bins (exactly 90 %) incl. the final, no trend',
    [2, 2, 2, 2, 0, 2, 2, 2, 2, 2],
  ],
  ['diminishing-hot', 'diminishing-cold', 'all bins hot and falling', [...rising].reverse()],
  ['sporadic-hot', 'sporadic-cold', 'hot on and off, hot at the end, never cold', [2, 0, 0, 2, 0, 2, 0, 0, 0, 2]],
  ['sporadic-hot', 'sporadic-cold', 'a final run of 2 after an earlier hot bin', [2, 0, 0, 0, 0, 0, 0, 0, 2, 2]],
  ['oscillating-hot', 'oscillating-cold', 'hot at the end after a cold bin', [0, 2, -2, 0, 0, 0, 0, 0, 2, 2]],
  [
    'oscillating-hot',
    'oscillating-cold',
    'first hot at the end, cold before (oscillating, not new)',
    [-2, 0, 0, 0, 0, 0, 0, 0, 0, 2],
  ],
  ['historical-hot', 'historical-cold', 'hot in 9 of 10 bins, not in the final one', [2, 2, 2, 2, 2, 2, 2, 2, 2, 0]],
  ['none', 'none', 'nothing significant', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  ['none', 'none', 'hot now and then, but not in the final bin', [0, 2, 0, 2, 0, 0, 2, 0, 0, 0]],
];

describe('classifyEmerging', () => {
  it('sees no trend in the steady series and a strong one in the rising series', () => {
    expect(mannKendall(Float64Array.from(steady)).p).toBeGreaterThan(0.1);
    expect(mannKendall(Float64Array.from(rising)).p).toBeLessThan(0.01);
  });

  it.each(CASES)('%s / %s: %s', (hot, cold, _what, zs) => {
    expect(classify(zs)).toBe(hot);
    expect(classify(zs.map((v) => -v))).toBe(cold);
  });

  it('judges bins at the given alpha: z = 1.8 (p = 0.072) is hot at 90 %, not at 95 %', () => {
    const zs = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1.8];
    expect(classify(zs)).toBe('new-hot');
    expect(classify(zs, { alpha: 0.05 })).toBe('none');
  });

  it('judges the trend at trendAlpha: a mild rise is intensifying at 10 %, persistent at 1 %', () => {
    const zs = [2.2, 2.0, 2.4, 2.1, 2.5, 2.3, 2.6, 2.2, 2.7, 2.8]; // S = 26, p = 0.025
    const p = mannKendall(Float64Array.from(zs)).p;
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.1);
    expect(classify(zs)).toBe('intensifying-hot');
    expect(classify(zs, { trendAlpha: 0.01 })).toBe('persistent-hot');
  });

  it('reads one unit of a unit-major matrix with classifyEmergingAt', () => {
    const z = Float64Array.from([...steady, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    const p = z.map(twoSidedP);
    expect(classifyEmergingAt(z, p, 10, 10, mannKendallAt(z, 10, 10))).toBe(emergingCode('new-hot'));
    expect(classifyEmergingAt(z, p, 0, 10, mannKendallAt(z, 0, 10))).toBe(emergingCode('persistent-hot'));
  });

  it('calls an empty series no pattern and refuses mismatched z and p', () => {
    expect(classify([])).toBe('none');
    expect(() => classifyEmerging(new Float64Array(3), new Float64Array(2), { z: 0, p: 1 })).toThrow(/differ/);
  });
});

describe('EMERGING_CLASSES', () => {
  it('lists no pattern and 8 hot and 8 cold categories, each once, with labels', () => {
    const ids = EMERGING_CLASSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(17);
    expect(ids[0]).toBe('none');
    expect(ids.filter((id) => id.endsWith('-hot'))).toHaveLength(8);
    expect(ids.filter((id) => id.endsWith('-cold'))).toHaveLength(8);
    expect(EMERGING_CLASSES.every((c) => c.label.length > 0)).toBe(true);
  });

  it('pairs each hot category with its cold mirror 8 places on', () => {
    for (let k = 1; k <= 8; k++)
      expect(EMERGING_CLASSES[k + 8]!.id).toBe(EMERGING_CLASSES[k]!.id.replace('-hot', '-cold'));
  });
});
