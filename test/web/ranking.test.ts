// Drill-down lists: districts by their summed rate; a district's mahallas by what the map shows, not-rated last.
import { describe, expect, it } from 'vitest';
import { districtRows, mahallaRows, valueLabel } from '../../web/views/hotspots/ranking.ts';
import { hotspotView, metricView, type MetricColumns } from '../../web/map/metric-values.ts';

// Mahallas 1, 2 in district A (1,000 + 3,000 residents), 3 in district B (2,000 residents).
const m: MetricColumns = {
  ids: [1, 2, 3],
  count: [6, 6, 10],
  prev: [2, 6, 10],
  rate: [6, 2, 5],
  population: [1000, 3000, 2000],
  changeP: [null, 1, 1],
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
    expect(mahallaRows(view, m, names, 'A').map((r) => r.label)).toEqual(['Hot spot, 99 %', 'Cold spot, 95 %']);
    expect(valueLabel(view, 0)).toBe('Not significant');
  });
});
