// fourDigits rounds the hexagons' p-values to 4 significant digits without formatting a string per cell: the same
// decimals as toPrecision(4), up to one unit of the 4th digit where the product lands on a tie.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../data/generate/random.ts';
import { fourDigits } from '../../../server/services/hotspots/hexagons.ts';

describe('fourDigits', () => {
  it('gives the decimals toPrecision(4) gives on hand-picked values', () => {
    expect([0.000123456, 1, 0.9759123, 0.18262, 12345.6, 0, 4.0e-12].map(fourDigits)).toEqual([
      0.0001235, 1, 0.9759, 0.1826, 12350, 0, 4e-12,
    ]);
  });

  it('stays within one unit of the 4th digit of toPrecision(4) on 20,000 seeded p-values', () => {
    const rng = new Rng(4);
    let same = 0;
    for (let k = 0; k < 20_000; k++) {
      const x = rng.next() ** 8;
      const want = Number(x.toPrecision(4));
      const unit = 10 ** (Math.floor(Math.log10(want)) - 3);
      expect(Math.abs(fourDigits(x) - want)).toBeLessThanOrEqual(unit * 1.000001);
      if (fourDigits(x) === want) same++;
    }
    expect(same / 20_000).toBeGreaterThan(0.99);
  });
});
