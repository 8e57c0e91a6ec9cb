// The scan view's pure pieces: which clusters the outline layers draw and how, and what the panel says.
import { describe, expect, it } from 'vitest';
import { buildScanLayers } from '../../web/map/scan-layer.ts';
import { outlineStyle, scanFeatures, SCAN_COLORS, SCAN_HALO_ID, SCAN_LAYER_ID } from '../../web/map/scan-outline.ts';
import {
  clusterLine,
  pText,
  rrText,
  recordsLine,
  scanEmpty,
  scanExplanation,
  scanMethod,
} from '../../web/views/hotspots/scan-text.ts';

const square = (x: number): number[][][][] => [
  [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
];
const cluster = (rank: number, p: number, direction: 'high' | 'low' = 'high') => ({
  rank,
  p,
  direction,
  ids: [rank * 10, rank * 10 + 1],
  weeks: null,
  observed: 100,
  expected: 24,
  relativeRisk: 20,
  outline: square(rank),
});
const CLUSTERS = [cluster(1, 0.001), cluster(2, 0.03, 'low'), cluster(3, 0.4)];
const PARAMS = {
  kind: 'spatial' as const,
  rate: 'high' as const,
  alpha: 0.05,
  records: 120,
  windows: { maxShare: 0.5, weeks: null },
  inference: { draws: 999, seed: 20_261_111, studyArea: 'city (585 mahallas)' },
};

describe('scan outline layers', () => {
  it('draw only the clusters below the significance level, as MultiPolygon features', () => {
    const fc = scanFeatures(CLUSTERS, 0.05);
    expect(fc.features.map((f) => f.properties.rank)).toEqual([1, 2]);
    expect(fc.features[0]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: square(1) });
  });

  it('are a halo under a pickable line, with stable ids, drawn before the mahalla borders', () => {
    const layers = buildScanLayers(CLUSTERS, { selected: null, alpha: 0.05 });
    expect(layers.map((l) => l.id)).toEqual([SCAN_HALO_ID, SCAN_LAYER_ID]);
    expect(layers.map((l) => l.props.pickable)).toEqual([false, true]);
    expect(layers.every((l) => l.props.filled === false && l.props.stroked === true)).toBe(true);
  });

  it('colour high and low clusters apart and thicken the chosen one', () => {
    expect(outlineStyle({ rank: 1, direction: 'high' }, 2)).toEqual({
      color: [...SCAN_COLORS.high, 255],
      width: 3,
      halo: 6,
    });
    expect(outlineStyle({ rank: 2, direction: 'low' }, 2)).toEqual({
      color: [...SCAN_COLORS.low, 255],
      width: 5,
      halo: 8,
    });
    expect(SCAN_COLORS.high).not.toEqual(SCAN_COLORS.low);
    const [, line] = buildScanLayers(CLUSTERS, { selected: 2, alpha: 0.05 });
    expect(line!.props.updateTriggers).toEqual({ getLineWidth: [2] });
  });
});

describe('scan panel text', () => {
  it('states method, draws, level and what relative risk means in the legend line', () => {
    expect(scanMethod(PARAMS, 'incidents')).toBe(
      'Kulldorff scan, Poisson, 999 draws, p\u00a0<\u00a00.05, relative risk = incidents per resident inside ÷ outside',
    );
  });

  it('explains windows, null, seed and study area in plain words', () => {
    expect(scanExplanation(PARAMS, 'incidents')).toBe(
      'Circles around every mahalla, up to 50 % of the residents, with more incidents than their residents predict; ' +
        'each compared with 999 maps of the same 120 incidents spread at random in proportion to residents ' +
        '(seed 20261111). Study area: city (585 mahallas).',
    );
  });

  it('writes the smallest p the draws can give as a bound, others to two digits', () => {
    expect(pText(0.001, 999)).toBe('p\u00a0≤\u00a00.001');
    expect(pText(0.0312, 999)).toBe('p\u00a0=\u00a00.031');
    expect(pText(0.01, 99)).toBe('p\u00a0≤\u00a00.01');
    expect(rrText(20)).toBe('20×');
    expect(rrText(2.345)).toBe('2.3×');
    expect(rrText(null)).toBe('all records');
  });

  it('sums a cluster up in one line', () => {
    expect(clusterLine(CLUSTERS[0]!, 999)).toBe('2 mahallas · 20× the rate outside · p\u00a0≤\u00a00.001');
    expect(recordsLine({ ...CLUSTERS[0]!, observed: 1234, expected: 345.6, residents: 31_500 }, 'incidents')).toBe(
      '1\u2009234 incidents observed, 346 expected from its 31\u2009500 residents',
    );
  });

  it('says what the emerging scan looks for and when a cluster is', () => {
    const emerging = { ...PARAMS, kind: 'emerging' as const, windows: { maxShare: 0.1, weeks: 4 } };
    expect(scanMethod(emerging, 'incidents')).toBe(
      'Kulldorff space–time scan, permutation, 999 draws, p\u00a0<\u00a00.05, the last 1–4 weeks, relative risk = incidents in those weeks against the circle’s usual share, inside ÷ outside',
    );
    expect(scanExplanation(emerging, 'incidents')).toContain('what is new, not what is always busy');
    const c = { ...cluster(1, 0.007), relativeRisk: 4.2, weeks: { from: '2026-10-18', to: '2026-10-31' } };
    expect(clusterLine(c, 999)).toBe('2 mahallas · last 2 weeks · 4.2× · p\u00a0=\u00a00.007');
    expect(clusterLine({ ...c, weeks: { from: '2026-10-25', to: '2026-10-31' } }, 999)).toContain('· last week ·');
    expect(recordsLine({ ...c, observed: 16, expected: 3.84, residents: 9000 }, 'incidents')).toBe(
      '16 incidents in 18 – 31 Oct 2026, 3.8 expected from the circle’s usual share',
    );
  });

  it('says in words when there is nothing to draw, and nothing when there is', () => {
    expect(scanEmpty({ tooFew: { records: 6, needed: 20 }, clusters: [], params: PARAMS }, 'incidents', false)).toBe(
      'Too few incidents to look for clusters: 6 in this selection, at least 20 needed.',
    );
    expect(scanEmpty({ tooFew: null, clusters: [cluster(1, 0.4)], params: PARAMS }, 'incidents', true)).toBe(
      'No cluster stands out beyond chance (p\u00a0<\u00a00.05) in or around the chosen district.',
    );
    expect(scanEmpty({ tooFew: null, clusters: CLUSTERS, params: PARAMS }, 'incidents', false)).toBeNull();
  });
});
