// Golden fixtures of the search's pure parts: search keys of names, how a key matches, the ranking, a geometry's box.
import { describe, expect, it } from 'vitest';
import { geometryBBox, keysOf, matchOf, rank, visibleIn, type SearchEntry } from '../../../server/services/search.ts';

const entry = (kind: SearchEntry['kind'], id: number, name: string, extra: Partial<SearchEntry> = {}): SearchEntry => ({
  kind,
  id,
  name,
  nameRu: null,
  code: null,
  district: '1726294',
  mahallas: kind === 'mahalla' ? [id] : [],
  bbox: null,
  point: null,
  keys: keysOf([name, extra.nameRu ?? null]),
  ...extra,
});

const ENTRIES: SearchEntry[] = [
  entry('mahalla', 1, 'Yuqori Chinor MFY', { code: '1726294001' }),
  entry('mahalla', 2, 'Chinor MFY', { code: '1726294002' }),
  entry('mahalla', 3, 'Chinorbogʻ MFY', { code: '1726294003' }),
  entry('mahalla', 4, 'Oqchinor MFY', { code: '1726294004' }),
  entry('district', 1726294, 'Chilonzor tumani', { code: '1726294', nameRu: 'Чиланзарский район' }),
  entry('inspector', 7, 'Chinorov A. B.'),
  entry('base_point', 9, 'Base point No. 12', { district: '1726273' }),
];
const ALL = (): boolean => true;
const ranked = (q: string, limit = 10): string[] => rank(ENTRIES, q, limit, ALL).map((r) => `${r.entry.id}:${r.match}`);

describe('keysOf', () => {
  it('keys each name with and without its generic last word', () => {
    expect(keysOf(['Chilonzor tumani', 'Чиланзарский район'])).toEqual([
      'chilonzor tumani',
      'chilonzor',
      'chilanzarskiy rayon',
      'chilanzarskiy',
    ]);
    expect(keysOf(['Oʻrikzor MFY', null])).toEqual(['orikzor mfy', 'orikzor']);
  });
});

describe('matchOf', () => {
  it.each([
    ['chinor', 'chinor', 'exact'],
    ['chinorbog', 'chinor', 'prefix'],
    ['yuqori chinor', 'chinor', 'word'],
    ['oqchinor', 'chinor', 'substring'],
    ['olmazor', 'chinor', null],
  ])('%s for %s: %s', (key, q, expected) => {
    expect(matchOf(key, q)).toBe(expected);
  });
});

describe('rank', () => {
  it('orders exact > prefix > word prefix > substring, mahallas before inspectors at a tie', () => {
    expect(ranked('Chinor')).toEqual(['2:exact', '3:prefix', '7:prefix', '1:word', '4:substring']);
  });

  it('reads the query in either script with any apostrophe', () => {
    expect(ranked('Чинорбоғ')).toEqual(['3:exact']);
    expect(ranked("chinorbog'")).toEqual(['3:exact']);
  });

  it('matches codes only exactly, before any name', () => {
    expect(ranked('1726294')).toEqual(['1726294:code']);
    expect(ranked('172629400')).toEqual([]);
  });

  it('finds a district by its Russian name', () => {
    expect(ranked('Чиланзар')).toEqual(['1726294:prefix']);
  });

  it('keeps the best `limit`', () => {
    expect(ranked('chinor', 2)).toEqual(['2:exact', '3:prefix']);
  });

  it('leaves out what the asker may not see', () => {
    const hits = rank(
      ENTRIES,
      'o',
      10,
      visibleIn({ districts: new Set(['1726273']), mahallas: null, inspectors: 'all' }),
    );
    expect(hits.map((h) => h.entry.id)).toEqual([9]);
    const noPersons = visibleIn({ districts: null, mahallas: null, inspectors: 'none' });
    expect(rank(ENTRIES, 'Chinorov', 10, noPersons)).toEqual([]);
    const territory = visibleIn({ districts: new Set(['1726294']), mahallas: new Set([1]), inspectors: 7 });
    expect(rank(ENTRIES, 'chinor', 10, territory).map((h) => h.entry.id)).toEqual([7, 1]);
  });
});

describe('geometryBBox', () => {
  it('boxes a polygon and a multipolygon from their text', () => {
    expect(
      geometryBBox('{"type":"Polygon","coordinates":[[[69.2,41.2],[69.3,41.2],[69.3,41.3],[69.2,41.2]]]}'),
    ).toEqual([69.2, 41.2, 69.3, 41.3]);
    expect(
      geometryBBox('{"type":"MultiPolygon","coordinates":[[[[1,2],[3,4],[1,2]]],[[[-5,1e-1],[6,7],[-5,0.1]]]]}'),
    ).toEqual([-5, 0.1, 6, 7]);
  });

  it('is null for a geometry without coordinates', () => {
    expect(geometryBBox('{"type":"Polygon","coordinates":[]}')).toBeNull();
  });
});
