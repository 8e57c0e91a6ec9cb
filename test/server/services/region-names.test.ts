// The region of a city database's districts is named from the official list: "Toshkent shahri", "Тошкент шаҳри",
// "город Ташкент", never "Region 1726" (issue 14).
import { describe, expect, it } from 'vitest';
import { withListedRegions } from '../../../server/services/region-names.ts';

describe('withListedRegions', () => {
  it('names Tashkent city for a database of its districts without a region row', () => {
    expect(withListedRegions([], ['1726294', '1726287'])).toEqual([
      { soato: '1726', name: 'Toshkent shahri', nameUzCyrl: 'Тошкент шаҳри', nameRu: 'город Ташкент' },
    ]);
  });

  it('keeps the stored rows as they are and adds only the missing regions, by Latin name', () => {
    const stored = [{ soato: '1726', name: 'Stored name', nameUzCyrl: null, nameRu: null }];
    expect(withListedRegions(stored, ['1726294', '1703202']).map((r) => [r.soato, r.name, r.nameRu])).toEqual([
      ['1703', 'Andijon viloyati', 'Андижанская область'],
      ['1726', 'Stored name', null],
    ]);
  });

  it('leaves a region the official list does not know unnamed (the page shows its code)', () => {
    expect(withListedRegions([], ['9999001'])).toEqual([]);
  });
});
