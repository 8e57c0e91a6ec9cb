// GET /api/mahallas/:id: one mahalla's card (counts, previous, rate, district rank, categories, trend, inspector).
// March 2024 rates by hand: district 1726287: 1 → 3.00, 2 → 1.00; district 1726273: 3 → 1.67, 4 → 2.00.
import { describe, expect, it } from 'vitest';
import type { InferRequestType } from 'hono/client';
import { bodyOf, okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

const MARCH = { from: '2024-03-01', to: '2024-03-31' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();
type CardQuery = InferRequestType<(typeof f.api.mahallas)[':id']['$get']>['query'];
const getCard = (id: number, query: CardQuery) => f.api.mahallas[':id'].$get({ param: { id: String(id) }, query });
const card = async (id: number, query: CardQuery = MARCH) => okBody(await getCard(id, query));

describe('GET /api/mahallas/:id', () => {
  it('describes the mahalla and its district', async () => {
    const c = await card(1);
    expect({
      id: c.id,
      code: c.code,
      name: c.name,
      districtSoato: c.districtSoato,
      districtName: c.districtName,
    }).toEqual({
      id: 1,
      code: '1726287001',
      name: 'Olmazor',
      districtSoato: '1726287',
      districtName: 'Yakkasaroy',
    });
    expect({ population: c.population, households: c.households, areaKm2: c.areaKm2 }).toEqual({
      population: 1000,
      households: 250,
      areaKm2: 23.154,
    });
  });

  it('names the inspector, the mahallas in their territory and their base point', async () => {
    const c = await card(1);
    expect(c.inspector).toEqual({
      id: 1,
      name: 'Aziz Karimov',
      rank: 'captain',
      mahallas: 2,
      basePoint: 'Base point No. 1',
    });
  });

  it('has a null inspector for the unassigned mahalla', async () => {
    const c = await card(4);
    expect(c.inspector).toBeNull();
  });

  it('echoes the period and its previous period', async () => {
    const c = await card(1);
    expect(c.period).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(c.previous).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('counts the period and the previous period and gives the rate', async () => {
    const c = await card(3);
    expect({ count: c.count, prev: c.prev, rate: c.rate }).toEqual({ count: 5, prev: 3, rate: 1.67 });
  });

  it('ranks the highest rate of the district first', async () => {
    const c = await card(1);
    expect({ districtRank: c.districtRank, districtMahallas: c.districtMahallas }).toEqual({
      districtRank: 1,
      districtMahallas: 2,
    });
  });

  it('ranks by rate, not by count (5 incidents at 1.67 below 1 incident at 2.00)', async () => {
    const c = await card(3);
    expect(c.districtRank).toBe(2);
  });

  it('ranks under the selected categories', async () => {
    // property only: 3 → 1/3000 = 0.33, 4 → 0, so mahalla 3 moves to first.
    const c = await card(3, { ...MARCH, categories: 'property' });
    expect(c.districtRank).toBe(1);
  });

  it('breaks the period down by category, largest first, then by code', async () => {
    const c = await card(3);
    expect(c.byCategory).toEqual([
      { category: 'hooliganism', count: 2 },
      { category: 'fraud', count: 1 },
      { category: 'person', count: 1 },
      { category: 'property', count: 1 },
    ]);
  });

  /** Every month of the fixture's data period (2024), zero unless given. */
  const months2024 = (counts: Record<string, number>) =>
    Array.from({ length: 12 }, (_, i) => {
      const month = `2024-${String(i + 1).padStart(2, '0')}`;
      return { month, count: counts[month] ?? 0 };
    });

  it('trends over the whole data period by month, not just the selected range', async () => {
    // Mahalla 3: February #15–#17, March #6–#10, November #21.
    const c = await card(3);
    expect(c.trend).toEqual(months2024({ '2024-02': 3, '2024-03': 5, '2024-11': 1 }));
  });

  it('trends under the selected categories', async () => {
    // Mahalla 1, property: January #12, #18; March #1, #2 (February's #13 is 'person').
    const c = await card(1, { ...MARCH, categories: 'property' });
    expect(c.trend).toEqual(months2024({ '2024-01': 2, '2024-03': 2 }));
  });

  it('answers 404 naming the id when no mahalla has it', async () => {
    const body = await bodyOf(await getCard(9999999, MARCH), 404);
    expect(body).toEqual({
      error: 'not_found',
      issues: [{ field: 'id', reason: 'no mahalla has this id', code: 'not_found', params: { what: 'mahalla' } }],
    });
  });

  it('counts the period’s incidents by weekday and hour', async () => {
    // Mahalla 3, March: #6–#10 at 08:00 on Tue 5 … Sat 9 March 2024 (weekday 0 = Monday).
    const c = await card(3);
    expect(c.weekHour).toHaveLength(7);
    expect(c.weekHour.map((row) => row[8])).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(c.weekHour.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });
});
