// Drill-down lists: districts by their summed rate; a district's mahallas by what the map shows, not-rated last.
import { describe, expect, it } from 'vitest';
import { districtRows, drillOpenAtFirst, mahallaRows, valueLabel } from '../../web/views/hotspots/ranking.ts';
import { hotspotView, metricView, type MetricColumns, type MetricView } from '../../web/map/metric-values.ts';
import { quantileScale, SEQUENTIAL } from '../../web/map/colors.ts';

// Mahallas 1, 2 in district A (1,000 + 3,000 residents), 3 in district B (2,000 residents).
const m: MetricColumns = {
  ids: [1, 2, 3],
  count: [6, 6, 10],
  prev: [2, 6, 10],
  rate: [6, 2, 5],
  population: [1000, 3000, 2000],
  changeQ: [null, 1, 1],
  change: {
    days: { period: 31, previous: 31 },
    minEvents: 10,
    fdr: { q: 0.1 },
    tested: 2,
    tooFew: 1,
    up: 0,
    down: 0,
    expectedByChance: { withoutFdr: 0.1, amongColoured: 0 },
  },
};
const names = new Map([
  [1, { name: 'Olmazor', district: 'A' }],
  [2, { name: "Bog'bon", district: 'A' }],
  [3, { name: 'Navbahor', district: 'B' }],
]);

describe('district ranking', () => {
  it('sums incidents and residents per district and ranks by the rate', () => {
    const rows = districtRows(
      m,
      new Map([
        [1, 'A'],
        [2, 'A'],
        [3, 'B'],
      ]),
      [
        { soato: 'A', name: 'Alpha' },
        { soato: 'B', name: 'Beta' },
      ],
    );
    // B: 10 / 2,000 = 5.0 ‰; A: 12 / 4,000 = 3.0 ‰.
    expect(rows.map((r) => [r.id, r.count, r.label])).toEqual([
      ['B', 10, '5.0'],
      ['A', 12, '3.0'],
    ]);
  });

  it('leaves out districts with no mahalla in the figures', () => {
    const rows = districtRows(
      m,
      new Map([
        [1, 'A'],
        [2, 'A'],
        [3, 'B'],
      ]),
      [
        { soato: 'C', name: 'Gamma' },
        { soato: 'A', name: 'Alpha' },
      ],
    );
    expect(rows.map((r) => r.id)).toEqual(['A']);
  });
});

describe('mahalla ranking', () => {
  it('ranks the mahallas of one district by rate, the one too small to rate last', () => {
    // Mahalla 1 has 1,000 residents: rated (threshold 1,000) only if 5 incidents are expected at the overall rate:
    // 22 / 6,000 × 1,000 = 3.7 < 5, so it is not rated and goes last despite the highest raw rate.
    const rows = mahallaRows(metricView(m, 'rate'), m, names, 'A');
    expect(rows.map((r) => [r.name, r.label])).toEqual([
      ["Bog'bon", '2.0'],
      ['Olmazor', 'too few to rate'],
    ]);
    expect(rows[1]?.color).toBeNull();
  });

  it('names hot-spot classes as the legend does, hottest first', () => {
    const view = hotspotView({
      ids: [1, 2, 3],
      bin: [-2, 3, 0],
      lostToFdr: 0,
      heldBack: 0,
      tooFew: null,
      counts: { hot: 1, cold: 1, units: 3 },
      params: {
        source: 'incidents',
        fdr: true,
        period: { from: '2024-03-01', to: '2024-03-31' },
        categories: [],
        statuses: [],
        inference: {
          variable: 'counts',
          null: 'constant risk given residents',
          test: 'exact binomial, neighbourhood',
          draws: 0,
          seed: null,
          studyArea: 'city',
          studyAreaName: 'Tashkent city',
          neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity)',
          records: 500,
          residents: 6000,
          fdr: { method: 'Benjamini–Hochberg', q: 0.1 },
          levels: [0.1, 0.05, 0.01],
        },
      },
    });
    expect(mahallaRows(view, m, names, 'A').map((r) => r.label)).toEqual([
      'Hot spot, 99\u00a0%',
      'Cold spot, 95\u00a0%',
    ]);
    expect(valueLabel(view, 0)).toBe('Not significant');
  });
});

describe('ranked values, as many decimals as the rows need', () => {
  // Issue 11: smoothed rates of one district, the first well above, the next twenty pulled together near 2.9; with one
  // decimal rows 2–20 all read "2.9".
  const values = [3.4, ...Array.from({ length: 20 }, (_, k) => 2.95 - k * 0.004)];
  const ids = values.map((_, i) => i + 1);
  const cols: MetricColumns = {
    ...m,
    ids,
    count: ids.map(() => 10),
    prev: ids.map(() => 10),
    changeQ: ids.map(() => 1),
  };
  const view = (v: number[]): MetricView => ({
    valueById: new Map(ids.map((id, i) => [id, v[i] ?? 0])),
    scale: quantileScale(v, SEQUENTIAL, 1),
    label: 'Incidents per 1,000 residents, smoothed',
    unit: '‰',
  });
  const districtA = new Map(ids.map((id) => [id, { name: `M${String(id).padStart(2, '0')}`, district: 'A' }]));

  it('prints rows 2–21 apart: 2.950, 2.946, … (three decimals), in rank order', () => {
    const rows = mahallaRows(view(values), cols, districtA, 'A');
    expect(rows.slice(0, 4).map((r) => r.label)).toEqual(['3.400', '2.950', '2.946', '2.942']);
    expect(rows.at(-1)?.label).toBe('2.874');
    expect(new Set(rows.map((r) => r.label)).size).toBe(rows.length);
  });

  it('keeps one decimal when one decimal already tells the rows apart', () => {
    const spread = values.map((_, i) => 1 + i * 0.5);
    const rows = mahallaRows(view(spread), cols, districtA, 'A');
    expect(rows.slice(0, 3).map((r) => r.label)).toEqual(['11.0', '10.5', '10.0']);
  });

  it('gives districts the decimals that separate their rates', () => {
    // A: 3,010 / 1,000,000 and B: 3,040 / 1,000,000 residents: 3.01 and 3.04 ‰, both "3.0" with one decimal.
    const d: MetricColumns = { ...m, ids: [1, 2], count: [3010, 3040], population: [1e6, 1e6] };
    const rows = districtRows(
      d,
      new Map([
        [1, 'A'],
        [2, 'B'],
      ]),
      [
        { soato: 'A', name: 'Alpha' },
        { soato: 'B', name: 'Beta' },
      ],
    );
    expect(rows.map((r) => r.label)).toEqual(['3.04', '3.01']);
  });

  it('labels a single value with the decimals it is given', () => {
    expect(valueLabel(view(values), 2.9461, 3)).toBe('2.946');
    expect(valueLabel(view(values), 2.9461)).toBe('2.95');
  });
});

describe('drillOpenAtFirst', () => {
  const tashkent = [69.12, 41.16, 69.48, 41.4] as const;
  const uzbekistan = [56.08, 37.2, 73.1, 45.52] as const;

  it('opens the list beside an area no more than 1.3 times wider than tall (a city), on a wide screen only', () => {
    expect(drillOpenAtFirst(1920, tashkent)).toBe(true);
    expect(drillOpenAtFirst(1600, tashkent)).toBe(true);
    expect(drillOpenAtFirst(1440, tashkent)).toBe(false);
  });

  it('keeps it a button over an area the map frames edge to edge: the country at any width', () => {
    expect(drillOpenAtFirst(1920, uzbekistan)).toBe(false);
    expect(drillOpenAtFirst(2560, uzbekistan)).toBe(false);
    // Measured as the map draws it (Web Mercator): 1° × 1° at 41° N is 1.3 times taller than wide, so it opens; 2° × 1°
    // is 1.5 times wider than tall, so it does not.
    expect(drillOpenAtFirst(1920, [69, 41, 70, 42])).toBe(true);
    expect(drillOpenAtFirst(1920, [69, 41, 71, 42])).toBe(false);
  });
});
