// The colour arithmetic of the mahallas drawn from tiles (web/map/mahalla-tiles.ts): the hover highlight laid over a
// mahalla's fill as one colour (the fill layer draws the hovered mahalla itself), the outline colour with alpha, the
// hatch's pixels.
import { describe, expect, it } from 'vitest';
import { hatchPixels } from '../../web/map/hatch.ts';
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

describe('hatchPixels', () => {
  const alpha = (px: Uint8Array, x: number, y: number): number => px[4 * (16 * y + x) + 3] ?? -1;

  it('draws 45° lines in the colour, full on the line, fading over a pixel either side, clear between', () => {
    const { width, height, data } = hatchPixels([110, 124, 138, 150]);
    expect([width, height, data.length]).toEqual([16, 16, 16 * 16 * 4]);
    // On the line x + y = 16 (pixel centres x + y + 1 = 16): the colour at its full alpha.
    expect([...data.subarray(4 * (16 * 7 + 8), 4 * (16 * 7 + 8) + 4)]).toEqual([110, 124, 138, 150]);
    // One pixel beside it (centre 1/√2 px away): covered 1.375 − 0.707 = 0.668 of 150 = 100.
    expect(alpha(data, 9, 7)).toBe(100);
    // Halfway between two lines: nothing.
    expect(alpha(data, 0, 7)).toBe(0);
    expect([...data.subarray(0, 4 * 16 * 16)].filter((_, i) => i % 4 === 3 && data[i]! > 0).length).toBeLessThan(80);
  });

  it('tiles without seams: pixels continue across the right and bottom edges', () => {
    const { data } = hatchPixels([0, 0, 0, 255]);
    // The line through (15, 0) continues through (0, 15) of the next tile: both fully on a line (x + y + 1 ≡ 0 mod 16).
    expect(alpha(data, 15, 0)).toBe(255);
    expect(alpha(data, 0, 15)).toBe(255);
    for (let y = 0; y < 16; y++) expect(alpha(data, 15, y)).toBe(alpha(data, 0, (y + 15) % 16));
  });
});
