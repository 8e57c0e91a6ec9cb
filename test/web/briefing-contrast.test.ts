// WCAG contrast helpers used to check the wall screen's dark theme.
import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, over, parseColor } from '../../web/views/briefing/contrast.ts';

describe('parseColor', () => {
  it.each([
    ['rgb(12, 34, 56)', [12, 34, 56, 1]],
    ['rgba(255, 0, 0, 0.5)', [255, 0, 0, 0.5]],
    ['rgb(1 2 3 / 40%)', [1, 2, 3, 0.4]],
    ['#0b1622', [11, 22, 34, 1]],
    ['rgba(0, 0, 0, 0)', [0, 0, 0, 0]],
  ])('%s', (css, expected) => {
    expect(parseColor(css)).toEqual(expected);
  });

  it.each(['red', 'hsl(0 0% 0%)', '', '#fff'])('gives null for %j (not what getComputedStyle reports)', (css) => {
    expect(parseColor(css)).toBeNull();
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
    expect(contrastRatio([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 6);
    expect(contrastRatio([255, 255, 255, 1], [0, 0, 0, 1])).toBeCloseTo(21, 6);
    expect(contrastRatio([90, 90, 90, 1], [90, 90, 90, 1])).toBe(1);
  });

  it('matches the WCAG reference values (#777 on white ≈ 4.48, just under AA)', () => {
    expect(contrastRatio([0x77, 0x77, 0x77, 1], [255, 255, 255, 1])).toBeCloseTo(4.48, 2);
    expect(luminance([0x80, 0x80, 0x80])).toBeCloseTo(0.2159, 4);
  });

  it('blends translucent text over its background first', () => {
    expect(over([255, 255, 255, 0.5], [0, 0, 0, 1])).toEqual([127.5, 127.5, 127.5, 1]);
    expect(contrastRatio([255, 255, 255, 0], [0, 0, 0, 1])).toBe(1);
  });
});
