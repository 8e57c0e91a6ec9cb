// Every endpoint that takes `district` narrows on the server: asked for each fixture district, it returns only that
// district's mahallas, inspectors or records, and the two districts' answers add up to the whole database's (so the
// narrowing is real, not an empty answer). Asking for both districts at once equals asking for none.
import { describe, expect, it } from 'vitest';
import { okBody, sharedFixture } from '../../fixtures/api/fixture-app.ts';

// Fixture layout (test/fixtures/api/fixture-db.ts): Yakkasaroy has mahallas 1, 2 and inspector 1; Mirobod 3, 4 and inspector 2.
const YAKKASAROY = '1726287';
const MIROBOD = '1726273';
const MAHALLAS: Record<string, number[]> = { [YAKKASAROY]: [1, 2], [MIROBOD]: [3, 4] };
const MARCH = { from: '2024-03-01', to: '2024-03-31' };
const SPRING = { from: '2024-01-01', to: '2024-06-30' };

// Every test below only reads: one fixture database for all of them.
const f = sharedFixture();

type Area = { district?: string };
/** What an endpoint answered for an area: the mahallas (or inspectors) it names and a total that must add up. */
interface Answer {
  ids: number[];
  total: number;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const api = () => f.api;

const ENDPOINTS: Record<string, { unit: 'mahalla' | 'inspector'; ask: (a: Area) => Promise<Answer> }> = {
  '/metrics': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().metrics.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.ids, total: r.totals.count };
    },
  },
  '/hotspots': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().hotspots.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.ids, total: r.ids.length };
    },
  },
  '/hexagons': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().hexagons.$get({ query: { ...MARCH, res: '7', ...a } }));
      return { ids: [], total: 'counts' in r ? r.counts.records : -1 };
    },
  },
  '/timeline': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().timeline.$get({ query: { ...MARCH, ...a } }));
      return { ids: [], total: sum(r.count) };
    },
  },
  '/emerging': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().emerging.$get({ query: { ...SPRING, ...a } }));
      return { ids: r.ids, total: r.ids.length };
    },
  },
  '/records/points': {
    unit: 'mahalla',
    ask: async (a) => {
      const res = await api().records.points.$get({ query: { ...MARCH, ...a } });
      expect(res.status).toBe(200);
      return { ids: [], total: Number(res.headers.get('x-point-count')) };
    },
  },
  '/mahallas': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().mahallas.$get({ query: a }));
      return { ids: r.features.map((f) => f.properties.id), total: r.features.length };
    },
  },
  '/base-points': {
    unit: 'inspector',
    ask: async (a) => {
      const r = await okBody(await api()['base-points'].$get({ query: a }));
      return { ids: r.map((b) => b.id), total: sum(r.map((b) => b.inspectors)) };
    },
  },
  '/coverage': {
    unit: 'inspector',
    ask: async (a) => {
      const r = await okBody(await api().coverage.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.inspectors.id, total: r.totals.residents };
    },
  },
  '/coverage/outlines': {
    unit: 'inspector',
    ask: async (a) => {
      const r = await okBody(await api().coverage.outlines.$get({ query: a }));
      return { ids: r.features.map((f) => f.properties.inspectorId), total: r.features.length };
    },
  },
  '/coverage/territories': {
    unit: 'inspector',
    ask: async (a) => {
      const r = await okBody(await api().coverage.territories.$get({ query: a }));
      return { ids: r.inspectorId, total: r.inspectorId.length };
    },
  },
  '/applications/flow': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().applications.flow.$get({ query: { ...MARCH, ...a } }));
      return { ids: [], total: r.total.n };
    },
  },
  '/applications/flow/mahallas': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().applications.flow.mahallas.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.ids, total: r.totals.count };
    },
  },
  '/cooperation/summary': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().cooperation.summary.$get({ query: { ...MARCH, ...a } }));
      return { ids: [], total: r.total };
    },
  },
  '/cooperation/mahallas': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().cooperation.mahallas.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.ids, total: sum(r.actions) };
    },
  },
  '/cooperation/matrix': {
    unit: 'inspector',
    ask: async (a) => {
      const r = await okBody(await api().cooperation.matrix.$get({ query: { ...MARCH, ...a } }));
      return { ids: r.inspectors.map((i) => i.id), total: r.total };
    },
  },
  '/cooperation/before-after': {
    unit: 'mahalla',
    ask: async (a) => {
      const r = await okBody(await api().cooperation['before-after'].$get({ query: { ...MARCH, ...a } }));
      return { ids: [], total: sum(r.rows.map((x) => x.actions + x.excluded)) };
    },
  },
};

const INSPECTORS: Record<string, number[]> = { [YAKKASAROY]: [1], [MIROBOD]: [2] };

describe.each(Object.entries(ENDPOINTS))('GET %s?district=', (_path, { unit, ask }) => {
  it('returns only what lies in the district asked', async () => {
    for (const district of [YAKKASAROY, MIROBOD]) {
      const { ids } = await ask({ district });
      const allowed = new Set(unit === 'mahalla' ? MAHALLAS[district] : INSPECTORS[district]);
      expect(ids.filter((id) => !allowed.has(id))).toEqual([]);
    }
  });

  it("adds up: the two districts' totals make the whole database's, and something is in each", async () => {
    const whole = await ask({});
    const parts = await Promise.all([ask({ district: YAKKASAROY }), ask({ district: MIROBOD })]);
    expect(parts[0].total + parts[1].total).toBe(whole.total);
    expect(whole.total).toBeGreaterThan(0);
  });

  it('answers a list of both districts as it answers no district at all', async () => {
    expect(await ask({ district: `${MIROBOD},${YAKKASAROY}` })).toEqual(await ask({}));
  });
});
