// The room a map fit leaves for the legend: the country is framed in what the legend leaves free, on the side that
// gives it the larger scale, and a legend that would leave only a sliver is not made room for.
import { describe, expect, it } from 'vitest';
import { fitRoom } from '../../web/map/fit-room.ts';

const BASE = { top: 40, right: 40, bottom: 40, left: 40 };

describe('fitRoom', () => {
  it('moves a wide country right of a tall legend on the left (Coverage, 1440 × 900)', () => {
    const legend = { left: 12, top: 190, right: 262, bottom: 420 };
    expect(fitRoom({ width: 1100, height: 430 }, 1.9, BASE, [legend])).toEqual({ ...BASE, left: 274 });
  });

  it('lifts a country above a low, wide legend when that leaves it a larger scale', () => {
    // A tall narrow map (the country is taller than wide here): room above the legend beats room beside it.
    const legend = { left: 12, top: 620, right: 262, bottom: 760 };
    expect(fitRoom({ width: 500, height: 800 }, 0.6, BASE, [legend])).toEqual({ ...BASE, bottom: 192 });
  });

  it('keeps the plain padding with no legend, or with one that would leave only a sliver', () => {
    expect(fitRoom({ width: 1100, height: 600 }, 2, BASE, [])).toEqual(BASE);
    const wall = { left: 0, top: 0, right: 1000, bottom: 560 };
    expect(fitRoom({ width: 1100, height: 600 }, 2, BASE, [wall])).toEqual(BASE);
  });

  it('ignores a legend outside the map', () => {
    expect(fitRoom({ width: 800, height: 600 }, 2, BASE, [{ left: 820, top: 0, right: 900, bottom: 100 }])).toEqual(
      BASE,
    );
  });
});
