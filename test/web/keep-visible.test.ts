// The pan that moves a picked point out from under a card: none when clear, into the wider free strip otherwise.
import { describe, expect, it } from 'vitest';
import { panClear } from '../../web/map/keep-visible.ts';

const view = { left: 0, top: 0, right: 1000, bottom: 600 };

describe('panClear', () => {
  it('leaves a point clear of the card (and its margin) where it is', () => {
    const card = { left: 700, top: 0, right: 1000, bottom: 600 };
    expect(panClear({ x: 650, y: 300 }, view, card)).toEqual([0, 0]);
    expect(panClear({ x: 680, y: 300 }, view, card, 10)).toEqual([0, 0]);
    expect(panClear({ x: 680, y: 300 }, view, card, 24)).not.toEqual([0, 0]);
  });

  it('brings a point under a card on the right to the middle of the strip left of it', () => {
    const card = { left: 700, top: 0, right: 1000, bottom: 600 };
    // Middle of 0–700 is 350: the camera pans 550 px right, so the point moves 550 px left.
    expect(panClear({ x: 900, y: 300 }, view, card)).toEqual([550, 0]);
  });

  it('uses the strip right of a card on the left', () => {
    const card = { left: 0, top: 100, right: 300, bottom: 500 };
    expect(panClear({ x: 100, y: 300 }, view, card)).toEqual([100 - 650, 0]);
    // Below the card: clear.
    expect(panClear({ x: 100, y: 560 }, view, card)).toEqual([0, 0]);
  });
});
