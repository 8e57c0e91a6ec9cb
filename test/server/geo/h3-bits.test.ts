// The bit-mask parents used in SQL against h3-js cellToParent, the split cells written at ingest, and cell keys.
import { describe, expect, it } from 'vitest';
import { cellToParent, getResolution, h3IndexToSplitLong, latLngToCell } from 'h3-js';
import {
  h3Bigint,
  h3CellKey,
  h3Halves,
  h3KeyCell,
  h3KeyHalves,
  h3ParentBits,
  h3ParentMasks,
  STORED_H3_RES,
} from '../../../server/geo/h3-bits.ts';
import { Rng } from '../../../data/generate/random.ts';

// Seeded points over Uzbekistan's bounding box and a few far away (southern hemisphere, the antimeridian).
const rng = new Rng(3);
const POINTS: Array<[number, number]> = [
  ...Array.from({ length: 400 }, (): [number, number] => [56 + rng.next() * 17.2, 37.1 + rng.next() * 8.5]),
  [69.28, 41.3],
  [-179.99, -45.5],
  [179.99, 0.01],
  [0, 89.9],
];

describe('h3ParentBits', () => {
  it('equals cellToParent for every resolution from 0 to the stored one', () => {
    for (const [lon, lat] of POINTS) {
      const cell = latLngToCell(lat, lon, STORED_H3_RES);
      for (let res = 0; res <= STORED_H3_RES; res++) {
        expect(h3ParentBits(BigInt(`0x${cell}`), res).toString(16), `${cell} → ${res}`).toBe(cellToParent(cell, res));
      }
    }
  });

  it('leaves a cell at its own resolution unchanged', () => {
    const cell = latLngToCell(41.3, 69.28, 7);
    expect(h3ParentBits(BigInt(`0x${cell}`), 7).toString(16)).toBe(cell);
  });

  it('refuses a resolution outside 0–15', () => {
    expect(() => h3ParentMasks(16)).toThrow(/0–15/);
    expect(() => h3ParentMasks(2.5)).toThrow(/0–15/);
  });
});

describe('h3Halves and h3Bigint', () => {
  it('split each cell into the 32-bit halves that rebuild the h3-js cell', () => {
    const lons = Float64Array.from(POINTS, (p) => p[0]);
    const lats = Float64Array.from(POINTS, (p) => p[1]);
    const { hi, lo } = h3Halves(lons, lats);
    POINTS.forEach(([lon, lat], i) => {
      const joined = (BigInt(hi[i]!) << 32n) | BigInt(lo[i]!);
      expect(joined.toString(16)).toBe(latLngToCell(lat, lon, STORED_H3_RES));
      expect(h3Bigint(lon, lat)).toBe(joined);
    });
  });

  it('stores resolution 9', () => {
    expect(getResolution(h3Bigint(69.28, 41.3).toString(16))).toBe(9);
  });
});

describe('h3CellKey and h3KeyCell', () => {
  it('turn every cell of resolutions 5–9 into an exact number and back', () => {
    for (const [lon, lat] of POINTS) {
      for (let res = 5; res <= 9; res++) {
        const cell = latLngToCell(lat, lon, res);
        const key = h3CellKey(cell, res);
        expect(Number.isSafeInteger(key)).toBe(true);
        expect(h3KeyCell(key, res)).toBe(cell);
      }
    }
  });
});

describe('h3KeyHalves', () => {
  it('gives the halves h3IndexToSplitLong reads from the hex string, at resolutions 5–9', () => {
    for (const [lon, lat] of POINTS) {
      for (let res = 5; res <= 9; res++) {
        const cell = latLngToCell(lat, lon, res);
        expect(h3KeyHalves(h3CellKey(cell, res), res)).toEqual(h3IndexToSplitLong(cell));
      }
    }
  });

  it('refuses a resolution whose unused digits span 32 bits or more', () => {
    expect(() => h3KeyHalves(1, 4)).toThrow('resolution 5 or finer');
  });
});
