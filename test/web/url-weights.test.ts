// The planner's workload weights in the link: written only when they differ from the defaults, read back the same,
// and anything malformed (a part out of range, all parts 0, an unknown category) falls back instead of breaking.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../server/shared/planner/workload.ts';
import { readWeights, writeWeights } from '../../web/state/url-fields.ts';

const written = (w: typeof DEFAULT_WEIGHTS): string => {
  const q = new URLSearchParams();
  writeWeights(w, q);
  return q.toString();
};
const read = (qs: string) => readWeights(new URLSearchParams(qs));

describe('workload weights in the link', () => {
  it('writes nothing for the defaults and reads the defaults from nothing', () => {
    expect(written(DEFAULT_WEIGHTS)).toBe('');
    expect(read('')).toEqual({ ...DEFAULT_WEIGHTS, categories: {} });
  });

  it('writes the six parts in percent and the categories that are not 1, and reads them back', () => {
    const w = { ...DEFAULT_WEIGHTS, residents: 0.5, distanceKm: 0.05, categories: { drugs: 2, fraud: 1 } };
    expect(written(w)).toBe('w=50%2C25%2C15%2C10%2C10%2C5&wc=drugs%3A2');
    expect(read(written(w))).toEqual({ ...w, categories: { drugs: 2 } });
  });

  it.each([
    ['five parts', 'w=50,25,15,10,10'],
    ['a part over 100', 'w=150,25,15,10,10,10'],
    ['a negative part', 'w=-5,25,15,10,10,10'],
    ['every part 0', 'w=0,0,0,0,0,0'],
    ['not numbers', 'w=a,b,c,d,e,f'],
  ])('falls back to the default parts on %s', (_, qs) => {
    expect(read(qs)).toEqual({ ...DEFAULT_WEIGHTS, categories: {} });
  });

  it('drops unknown categories and weights out of range, keeps the rest', () => {
    expect(read('wc=drugs:3,unicorns:2,fraud:99,person:x').categories).toEqual({ drugs: 3 });
  });
});
