// Empirical Bayes rates against values computed by hand (Python, the same formulas written out).
import { describe, expect, it } from 'vitest';
import { empiricalBayes } from '../../../server/shared/empirical-bayes.ts';

describe('empiricalBayes', () => {
  it('matches the hand-computed smoothed rates', () => {
    // counts [0, 40, 30, 2], residents [100, 1000, 2000, 500]: m = 72/3600 = 0.02, s² = 1.4944…e-4.
    const eb = empiricalBayes([0, 40, 30, 2], [100, 1000, 2000, 500]);
    const want = [11.446740858505562, 37.63934426229508, 15.313588850174217, 7.378299120234603];
    want.forEach((w, i) => expect(eb[i]).toBeCloseTo(w, 9));
  });

  it('pulls small populations harder towards the overall rate than large ones', () => {
    const eb = empiricalBayes([0, 40, 30, 2], [100, 1000, 2000, 500]);
    // raw rates: 0, 40, 15, 4 per 1,000; overall 20
    expect(Math.abs((eb[0] ?? 0) - 20)).toBeLessThan(Math.abs(0 - 20));
    expect(Math.abs((eb[1] ?? 0) - 40)).toBeLessThan(Math.abs((eb[0] ?? 0) - 0));
  });

  it('returns the overall rate everywhere when rates do not vary beyond chance', () => {
    const eb = empiricalBayes([0, 10, 30], [100, 1000, 2000]);
    for (const v of eb) expect(v).toBeCloseTo(40_000 / 3100, 9);
  });

  it('gives units without residents the overall rate and survives an empty area', () => {
    expect(empiricalBayes([5, 5], [0, 1000])[0]).toBeCloseTo(10, 9);
    expect([...empiricalBayes([0, 0], [0, 0])]).toEqual([0, 0]);
  });
});
