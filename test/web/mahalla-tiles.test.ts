// The colour arithmetic of the mahallas drawn from tiles (web/map/mahalla-tiles.ts): the hover highlight laid over a
// mahalla's fill as one colour (the fill layer draws the hovered mahalla itself), and the outline colour with alpha.
import { describe, expect, it } from 'vitest';
import { hexWithAlpha, over } from '../../web/map/mahalla-tiles.ts';

describe('over', () => {
  it('is the top colour over nothing, and composes with alpha as two layers drawn one over the other would', () => {
    expect(over([30, 60, 90, 69], [0, 0, 0, 0])).toEqual([30, 60, 90, 69]);
    // a = 69/255 over an opaque orange: 30a + 200(1 − a) = 154, 60a + 100(1 − a) = 89, 90a = 24.
    expect(over([30, 60, 90, 69], [200, 100, 0, 255])).toEqual([154, 89, 24, 255]);
    // Both about half transparent (128/255): alpha 1 − 0.498² = 0.752 (192); red 255 · 0.502 / 0.752 = 170, blue 85.
    expect(over([255, 0, 0, 128], [0, 0, 255, 128])).toEqual([170, 0, 85, 192]);
    expect(over([0, 0, 0, 0], [0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
  });
});

describe('hexWithAlpha', () => {
  it('writes a #rrggbb colour as rgba() with the given opacity', () => {
    expect(hexWithAlpha('#ffffff', 0.43)).toBe('rgba(255,255,255,0.430)');
    expect(hexWithAlpha('#546e7a', 0.25)).toBe('rgba(84,110,122,0.250)');
  });
});
