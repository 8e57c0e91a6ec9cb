// What each role sees of the data: its own area only (another is a 403, never an empty answer), aggregates where it
// may not see exact locations or persons' names, and plans and playlists of its area only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';

const MARCH = 'from=2024-03-01&to=2024-03-31';
const MIROBOD = '1726273';
const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

const body = async <T>(res: Response): Promise<T> => (await res.json()) as T;

describe('areas', () => {
  it('narrows a district head to their district without being asked', async () => {
    const m = await body<{ ids: number[] }>(await w.as('district_head', `/api/metrics?${MARCH}`));
    expect(m.ids).toEqual([1, 2]);
  });

  it('refuses another district with 403 naming the field, for every role bound to one', async () => {
    for (const role of ['district_head', 'planner', 'analyst', 'inspector'] as const) {
      const res = await w.as(role, `/api/metrics?${MARCH}&district=${MIROBOD}`);
      expect(res.status).toBe(403);
      expect((await body<{ issues: Array<{ field: string }> }>(res)).issues[0]?.field).toBe('district');
    }
  });

  it('lets a region head see every district of the region, and the ministry all', async () => {
    expect((await w.as('region_head', `/api/metrics?${MARCH}&district=${MIROBOD}`)).status).toBe(200);
    expect((await body<{ ids: number[] }>(await w.as('ministry', `/api/metrics?${MARCH}`))).ids).toEqual([1, 2, 3, 4]);
  });

  it("narrows an inspector to their own territory's mahallas", async () => {
    const m = await body<{ ids: number[] }>(await w.as('inspector', `/api/metrics?${MARCH}`));
    expect(m.ids).toEqual([1, 2]);
  });

  it('refuses a mahalla card, record list or inspector card outside the area with 403', async () => {
    expect((await w.as('district_head', `/api/mahallas/3?${MARCH}`)).status).toBe(403);
    expect((await w.as('district_head', `/api/records?${MARCH}&mahalla=3`)).status).toBe(403);
    expect((await w.as('district_head', `/api/inspectors/2?${MARCH}`)).status).toBe(403);
    expect((await w.as('inspector', `/api/inspectors/2?${MARCH}`)).status).toBe(403);
  });

  it('answers 404, not 403, for a mahalla that does not exist', async () => {
    expect((await w.as('district_head', `/api/mahallas/99?${MARCH}`)).status).toBe(404);
  });
});

describe('aggregates for roles without exact locations or names', () => {
  it('gives the ministry heat-map points at cell centres, not the records where they happened', async () => {
    const exact = new Float32Array(await (await w.as('admin', `/api/records/points?${MARCH}`)).arrayBuffer());
    const coarse = new Float32Array(await (await w.as('ministry', `/api/records/points?${MARCH}`)).arrayBuffer());
    expect(coarse.length).toBe(exact.length);
    const pairs = (a: Float32Array) =>
      new Set(Array.from({ length: a.length / 2 }, (_, i) => `${a[2 * i]},${a[2 * i + 1]}`));
    expect([...pairs(coarse)].filter((p) => pairs(exact).has(p))).toEqual([]);
    // Each is the centre of the resolution-8 cell the record lies in.
    for (let i = 0; i < coarse.length; i += 2) {
      const [lat, lon] = cellToLatLng(latLngToCell(coarse[i + 1] ?? 0, coarse[i] ?? 0, 8));
      expect(Math.abs(lon - (coarse[i] ?? 0)) + Math.abs(lat - (coarse[i + 1] ?? 0))).toBeLessThan(1e-5);
    }
  });

  it('leaves inspectors unnamed for roles that may not see persons', async () => {
    const cov = await body<{ inspectors: { name: Array<string | null> } }>(
      await w.as('ministry', `/api/coverage?${MARCH}`),
    );
    expect(cov.inspectors.name).toEqual([null, null]);
    const named = await body<{ inspectors: { name: Array<string | null> } }>(
      await w.as('district_head', `/api/coverage?${MARCH}`),
    );
    expect(named.inspectors.name.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    const fc = await body<{ features: Array<{ properties: { inspectorName: string | null } }> }>(
      await w.as('analyst', '/api/mahallas'),
    );
    expect(fc.features.map((f) => f.properties.inspectorName)).toEqual([null, null]);
    const card = await body<{ inspector: { name: string | null } | null }>(
      await w.as('ministry', `/api/mahallas/1?${MARCH}`),
    );
    expect(card.inspector?.name).toBeNull();
  });
});

describe('plans and playlists of the area', () => {
  it('lists only the plans of the districts a role sees, and refuses a plan of another district', async () => {
    const plan = (district: string, inspector: number) => ({
      name: `P ${district}`,
      district,
      from: '2024-03-01',
      to: '2024-03-31',
      items: [{ inspector, service: 'patrol', type: 'joint_patrol', required: 1 }],
    });
    const a = await body<{ id: number }>(await w.as('admin', '/api/plans', json(plan('1726287', 1))));
    const b = await body<{ id: number }>(await w.as('admin', '/api/plans', json(plan(MIROBOD, 2))));
    const mine = await body<Array<{ id: number }>>(await w.as('planner', '/api/plans'));
    expect(mine.map((p) => p.id)).toContain(a.id);
    expect(mine.map((p) => p.id)).not.toContain(b.id);
    expect((await w.as('planner', `/api/plans/${b.id}`)).status).toBe(403);
    expect((await w.as('planner', '/api/plans', json(plan(MIROBOD, 2)))).status).toBe(403);
  });

  it('lets a district head keep a playlist of their district only', async () => {
    const own = { name: 'Ours', district: '1726287', period: '7d', slides: [{ kind: 'title', dwellS: 10 }] };
    expect((await w.as('district_head', '/api/playlists', json(own))).status).toBe(201);
    expect((await w.as('district_head', '/api/playlists', json({ ...own, district: MIROBOD }))).status).toBe(403);
    expect((await w.as('district_head', '/api/playlists', json({ ...own, district: null }))).status).toBe(403);
  });
});

describe('meta', () => {
  it('lists only the districts a role sees', async () => {
    const m = await body<{ districts: Array<{ soato: string }> }>(await w.as('district_head', '/api/meta'));
    expect(m.districts.map((d) => d.soato)).toEqual(['1726287']);
    const all = await body<{ districts: Array<{ soato: string }> }>(await w.as('ministry', '/api/meta'));
    expect(all.districts).toHaveLength(2);
  });
});
