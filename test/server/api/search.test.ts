// GET /api/search: names in either script with any apostrophe, codes, ranking, the asker's area, bad input.
// The fixture (test/fixtures/api/fixture-db.ts) is renamed here so that one name exists in many spellings:
// mahalla 1 (Yakkasaroy) "Gʻalaba MFY", 3 (Mirobod) "Yuqori Gʻalaba MFY", 4 (Mirobod) stored in Cyrillic "Чинор",
// and 2 keeps the fixture's ASCII apostrophe, "Bog'bon".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../server/contract/access.ts';
import type { SearchHit, SearchResult } from '../../../server/contract/search.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
  await w.db.run(`UPDATE mahallas SET name = 'Gʻalaba MFY' WHERE id = 1;
    UPDATE mahallas SET name = 'Yuqori Gʻalaba MFY' WHERE id = 3;
    UPDATE mahallas SET name = 'Чинор' WHERE id = 4`);
});
afterAll(() => w.close());

async function search(q: string, role: Role = 'admin', limit?: number): Promise<SearchHit[]> {
  const qs = new URLSearchParams({ q, ...(limit === undefined ? {} : { limit: String(limit) }) });
  const res = await w.as(role, `/api/search?${qs}`);
  const body = (await res.json()) as SearchResult;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.hits;
}
const ids = (hits: SearchHit[]): string[] => hits.map((h) => `${h.kind}:${h.id}:${h.match}`);

describe('GET /api/search', () => {
  it('finds Gʻalaba however the apostrophe is typed, and in Cyrillic, the exact name before a word in another', async () => {
    for (const q of ['Gʻalaba', "G'alaba", 'G‘alaba', 'G’alaba', 'G`alaba', 'Galaba', 'Ғалаба', 'ғалаба mfy'])
      expect(ids(await search(q)), q).toEqual(['mahalla:1:exact', 'mahalla:3:word']);
  });

  it('finds a name stored with an ASCII apostrophe by its proper spelling', async () => {
    expect(ids(await search('Bogʻbon'))).toEqual(['mahalla:2:exact']);
    expect(ids(await search('Богбон'))).toEqual(['mahalla:2:exact']);
  });

  it('finds a name stored in Cyrillic by its Latin spelling, and Latin names by Cyrillic', async () => {
    expect(ids(await search('Chinor'))).toEqual(['mahalla:4:exact']);
    expect(ids(await search('Яккасарой'))).toEqual(['district:1726287:exact']);
  });

  it('finds a district by its official Russian name', async () => {
    const [hit] = await search('Мирабадский');
    expect(hit).toMatchObject({ kind: 'district', id: 1726273, name: 'Mirobod', nameRu: 'Мирабадский' });
  });

  it('ranks the start of a name before a word inside one, before anything inside a word', async () => {
    expect(ids(await search('gʻal'))).toEqual(['mahalla:1:prefix', 'mahalla:3:word']);
    expect(ids(await search('alaba'))).toEqual(['mahalla:1:substring', 'mahalla:3:substring']);
  });

  it('finds codes only when equal: a mahalla code and a district SOATO code', async () => {
    expect(ids(await search('1726287002'))).toEqual(['mahalla:2:code']);
    expect(ids(await search(' 1726273 '))).toEqual(['district:1726273:code']);
    expect(await search('17262870')).toEqual([]);
  });

  it('gives each hit its district and where to fly', async () => {
    const [m] = await search('Gʻalaba MFY');
    expect(m).toEqual({
      kind: 'mahalla',
      id: 1,
      name: 'Gʻalaba MFY',
      nameRu: null,
      code: '1726287001',
      district: { soato: '1726287', name: 'Yakkasaroy', nameRu: 'Яккасарайский' },
      bbox: [69.2, 41.2, 69.25, 41.25],
      point: null,
      match: 'exact',
    });
    const [b] = await search('Base point No. 2');
    expect(b).toMatchObject({ kind: 'base_point', id: 2, point: [69.31, 41.26], bbox: null });
    const [i] = await search('Karimov');
    expect(i).toMatchObject({ kind: 'inspector', id: 1, name: 'Aziz Karimov', point: [69.21, 41.21], match: 'word' });
  });

  it('returns at most `limit` hits', async () => {
    expect(await search('Base point', 'admin', 1)).toHaveLength(1);
    expect(await search('Base point')).toHaveLength(2);
  });
});

describe('GET /api/search within the asker’s area', () => {
  it('shows a district head only their district', async () => {
    expect(ids(await search('Galaba', 'district_head'))).toEqual(['mahalla:1:exact']);
    expect(ids(await search('Base point', 'district_head'))).toEqual(['base_point:1:prefix']);
    expect(await search('Mirobod', 'district_head')).toEqual([]);
    expect(await search('Rahimova', 'district_head')).toEqual([]);
    expect(ids(await search('Karimov', 'district_head'))).toEqual(['inspector:1:word']);
  });

  it('finds no inspector for a role that may not see persons’ names', async () => {
    expect(await search('Karimov', 'analyst')).toEqual([]);
    expect(await search('Rahimova', 'ministry')).toEqual([]);
  });

  it('lets an inspector find their own territory and themselves only', async () => {
    expect(ids(await search('Karimov', 'inspector'))).toEqual(['inspector:1:word']);
    expect(ids(await search('Galaba', 'inspector'))).toEqual(['mahalla:1:exact']);
  });

  it('lets the region head and the ministry find every district', async () => {
    expect(ids(await search('Galaba', 'region_head'))).toEqual(['mahalla:1:exact', 'mahalla:3:word']);
    expect(ids(await search('Galaba', 'ministry'))).toEqual(['mahalla:1:exact', 'mahalla:3:word']);
  });

  it('is refused without a session', async () => {
    expect((await w.as(null, '/api/search?q=Galaba')).status).toBe(401);
  });
});

describe('GET /api/search bad input', () => {
  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ["q=''", 'q'],
    ['q=%CA%BB%CA%BC', 'q'],
    [`q=${'a'.repeat(101)}`, 'q'],
    ['q=Galaba&limit=0', 'limit'],
    ['q=Galaba&limit=51', 'limit'],
    ['q=Galaba&limit=ten', 'limit'],
  ])('?%s is a 400 naming %s', async (qs, field) => {
    const res = await w.as('admin', `/api/search?${qs}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: Array<{ field: string; reason: string }> };
    expect(body.issues[0]?.field).toBe(field);
  });
});
