// The hot-spot legends in words: what was tested (counts against residents, same risk for everyone, exact test, study
// area, FDR), figures of the mahallas shown, and a plain "too few records" instead of colours that would mean nothing.
import { describe, expect, it } from 'vitest';
import { emergingView, type EmergingColumns } from '../../web/map/emerging-view.ts';
import { hotspotView, type HotspotColumns } from '../../web/map/metric-values.ts';
import { inferenceLine } from '../../web/map/inference-text.ts';
import type { Inference } from '../../server/contract/hotspots.ts';
import { translator } from '../../web/i18n/translate.ts';

const INFERENCE: Inference = {
  variable: 'counts',
  null: 'constant risk given residents',
  test: 'exact binomial, neighbourhood',
  draws: 0,
  seed: null,
  studyArea: 'city',
  studyAreaName: 'Tashkent city',
  neighbourhood: 'the mahalla and the mahallas touching it (queen contiguity)',
  records: 27_412,
  residents: 3_040_000,
  fdr: { method: 'Benjamini–Hochberg', q: 0.1 },
  levels: [0.1, 0.05, 0.01],
};

function hotspots(over: Partial<HotspotColumns> = {}): HotspotColumns {
  return {
    ids: [1, 2, 3, 4],
    bin: [3, 0, -1, 0],
    lostToFdr: 2,
    heldBack: 1,
    tooFew: null,
    counts: { hot: 1, cold: 1, units: 4 },
    params: {
      source: 'incidents',
      fdr: true,
      period: { from: '2026-08-03', to: '2026-10-31' },
      categories: ['drugs'],
      statuses: ['solved'],
      inference: INFERENCE,
    },
    ...over,
  };
}

describe('hotspotView', () => {
  it('states variable, null, test, study area and FDR, and counts only the mahallas shown', () => {
    const note = hotspotView(hotspots()).note ?? '';
    for (const part of [
      '3 Aug – 31 Oct 2026, 1 category, Solved',
      'has more (fewer) incidents than its residents explain if everyone ran the same risk',
      'Counts, not rates; exact test, no simulation',
      'all of Tashkent city (3\u2009040\u2009000 residents, 27\u2009412 incidents), whatever district is shown',
      'False discovery rate 10\u00a0% (Benjamini–Hochberg)',
      '1 hot, 1 cold of 4 mahallas shown; 2 lost significance to the correction.',
      '1 more with no incident of its own left uncoloured.',
    ])
      expect(note).toContain(part);
    expect(hotspotView(hotspots()).notice).toBeUndefined();
  });

  it('says too few records in words and colours nothing (hatched) instead of painting spots', () => {
    const v = hotspotView(hotspots({ tooFew: { records: 14, needed: 20 }, bin: [0, 0, 0, 0] }));
    expect(v.notice).toBe(
      'Too few incidents (14 in Tashkent city) to test for hot spots in this view: at least 20 are needed. ' +
        'Choose a longer period or fewer filters.',
    );
    expect([...v.valueById.values()].every(Number.isNaN)).toBe(true);
    expect(v.note).toContain('Hatched: not tested.');
  });

  it('names applications when applications were tested, and says when there is no correction', () => {
    const h = hotspots();
    const v = hotspotView({
      ...h,
      params: { ...h.params, source: 'applications', fdr: false, inference: { ...INFERENCE, fdr: null } },
    });
    expect(v.label).toBe('Hot & cold spots of applications');
    expect(v.note).toContain('No false-discovery correction');
  });
});

describe('inferenceLine', () => {
  it('says it in one line for the wall screen', () => {
    expect(inferenceLine(INFERENCE, { plural: 'incidents', title: 'Incidents' })).toBe(
      'Incidents counted against residents, as if everyone ran the same risk · exact test · compared with all of ' +
        'Tashkent city · false discovery rate 10\u00a0%',
    );
  });
});

describe('emergingView', () => {
  const e: EmergingColumns = {
    ids: [1, 2, 3],
    category: [1, 0, 1],
    classes: [
      { id: 'none', label: 'No pattern detected' },
      { id: 'new-hot', label: 'New hot spot' },
    ],
    params: { source: 'incidents', bin: 'week', bins: 13, from: '2026-08-03', to: '2026-10-31', inference: INFERENCE },
    tooFew: null,
  };

  it('lists the classes present and states that each week is tested as the hot-spot map is', () => {
    const v = emergingView(e);
    expect(v.classes).toEqual(['No pattern detected (1)', 'New hot spot (2)']);
    expect(v.note).toContain('Each week (13 weeks, 3 Aug – 31 Oct 2026) tested as the hot-spot map is');
    expect(v.note).toContain('compared with all of Tashkent city, false discovery rate 10\u00a0% per week');
  });

  it('writes its period and counts as the language does, never as ISO dates, and folds its long note', () => {
    const many = {
      ...e,
      ids: Array.from({ length: 12_345 }, (_, i) => i),
      category: new Array<number>(12_345).fill(1),
    };
    const ru = emergingView(many, translator('ru'), 'ru');
    expect(ru.note).toContain('Каждая неделя (13 нед., 3 авг. – 31 окт. 2026\u202fг.) проверена');
    expect(ru.classes).toEqual(['Новый очаг (12\u00a0345)']);
    const uz = emergingView(e, translator('uz-Cyrl'), 'uz-Cyrl');
    expect(uz.note).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(uz.note).toContain('3 авг – 31 окт, 2026');
    expect(ru.foldNote).toBe(true);
  });

  it('says which weeks were too thin to test instead of showing classes', () => {
    const v = emergingView({ ...e, tooFew: { records: 6, needed: 20, bins: 9 } });
    expect(v.classes).toEqual([]);
    expect(v.notice).toContain('Too few incidents in 9 of 13 weeks (the thinnest has 6; each needs 20)');
    expect([...v.valueById.values()].every(Number.isNaN)).toBe(true);
  });
});
