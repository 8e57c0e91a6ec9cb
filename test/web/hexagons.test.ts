// The hexagon view's pure pieces: zoom → resolution, the legend text and classes, and the layer's invariants.
import { describe, expect, it } from 'vitest';
import { cellToBoundary, gridDisk } from 'h3-js';
import { HEX_LAYER_ID, resolutionForZoom } from '../../web/map/hex-resolution.ts';
import { hexView, type HexColumns } from '../../web/map/hex-view.ts';
import { buildHexLayer, hexData } from '../../web/map/hex-layer.ts';
import { HOTSPOT_COLORS, SEQUENTIAL } from '../../web/map/colors.ts';
import { translator } from '../../web/i18n/translate.ts';

const CELLS = gridDisk('8820a192ddfffff', 1); // a resolution-8 centre and its ring, in Tashkent

function response(over: Partial<HexColumns> = {}): HexColumns {
  return {
    cells: CELLS,
    count: [9, 1, 2, 3, 4, 5, 6],
    bin: [3, 1, 0, 0, 0, -1, -2],
    lostToFdr: 2,
    heldBack: 1,
    tooFew: null,
    counts: { hot: 2, cold: 2, units: 40, records: 30 },
    params: {
      resolution: 8,
      source: 'incidents',
      fdr: true,
      period: { from: '2024-03-01', to: '2024-03-31' },
      categories: ['fraud'],
      statuses: ['solved'],
      districts: null,
      inference: {
        variable: 'counts',
        null: 'constant risk given residents',
        test: 'exact binomial, neighbourhood',
        draws: 0,
        seed: null,
        studyArea: 'city',
        studyAreaName: 'Tashkent city',
        neighbourhood: 'the cell and the 6 cells touching it (k-ring 1)',
        records: 4321,
        residents: 3_040_000,
        fdr: { method: 'Benjamini–Hochberg', q: 0.1 },
        levels: [0.1, 0.05, 0.01],
      },
    },
    ...over,
  };
}

describe('resolutionForZoom', () => {
  it('gets finer as the map zooms in: ≤ 5 → 5, 6–7 → 6, 8–9 → 7, 10–11 → 8, ≥ 12 → 9', () => {
    expect([3, 5, 6, 7.9, 8, 9, 10, 11.5, 12, 18].map((z) => resolutionForZoom(z))).toEqual([
      5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
    ]);
  });

  it('never goes finer than the extent allows, nor outside 5–9', () => {
    expect(resolutionForZoom(14, 7)).toBe(7);
    expect(resolutionForZoom(14, 12)).toBe(9);
    expect(resolutionForZoom(4, 3)).toBe(5);
    expect(resolutionForZoom(Number.NaN)).toBe(5);
    expect(resolutionForZoom(12, Number.NaN)).toBe(9);
  });
});

describe('hexView', () => {
  it('colours hot spots by bin on the hot/cold ramp with seven named classes', () => {
    const v = hexView(response(), 'hotspot');
    expect(v.values).toEqual([3, 1, 0, 0, 0, -1, -2]);
    expect(v.classes).toHaveLength(7);
    expect(v.scale.colorOf(3)).toEqual(HOTSPOT_COLORS[6]);
    expect(v.scale.colorOf(-2)).toEqual(HOTSPOT_COLORS[1]);
  });

  it('states support, period, filters, variable, null, test, study area, FDR and what it removed', () => {
    const note = hexView(response(), 'hotspot').note ?? '';
    for (const part of [
      'H3 resolution 8',
      'the 6 hexagons touching it',
      '1 – 31 Mar 2024',
      '1 category, Solved',
      'more (fewer) incidents than its residents (shared out from mahallas by area) explain if everyone ran the same risk',
      'Counts, not rates; exact test, no simulation',
      'all of Tashkent city (3\u2009040\u2009000 residents, 4\u2009321 incidents), whatever district is shown',
      'False discovery rate 10\u00a0% (Benjamini–Hochberg)',
      '2 hot, 2 cold of 40 hexagons shown',
      '2 lost significance',
      '1 more with no incident of its own left uncoloured',
    ]) {
      expect(note).toContain(part);
    }
    const off = response();
    off.params = { ...off.params, fdr: false, inference: { ...off.params.inference, fdr: null } };
    expect(hexView(off, 'hotspot').note).toContain('No false-discovery correction');
  });

  it('says in words that there are too few records to test, and colours no hexagon as a spot', () => {
    const v = hexView(response({ tooFew: { records: 12, needed: 20 } }), 'hotspot');
    expect(v.notice).toBe(
      'Too few incidents (12 in Tashkent city) to test for hot spots in this view: at least 20 are needed. ' +
        'Choose a longer period or fewer filters.',
    );
    expect(v.values.every(Number.isNaN)).toBe(true);
    expect(hexView(response(), 'hotspot').notice).toBeUndefined();
  });

  it('colours counts on the sequential ramp, the largest darkest', () => {
    const v = hexView(response(), 'count');
    expect(v.values).toEqual([9, 1, 2, 3, 4, 5, 6]);
    expect(v.scale.colorOf(9)).toEqual(SEQUENTIAL[SEQUENTIAL.length - 1]);
    expect(v.note).toContain('Incidents per H3 resolution 8 hexagons');
  });
});

describe('hexView in Russian and Uzbek', () => {
  const big = response({ counts: { hot: 1502, cold: 3548, units: 11219, records: 29985 }, lostToFdr: 1131 });
  big.params = { ...big.params, resolution: 6, districts: ['1726294'] };

  it('writes every word of the legend in the language shown (no English left but "H3")', () => {
    for (const locale of ['ru', 'uz-Cyrl'] as const) {
      const t = translator(locale);
      for (const mode of ['count', 'hotspot'] as const) {
        const v = hexView(big, mode, t, locale);
        const text = [v.label, ...(v.classes ?? []), v.note].join(' ');
        expect(text.replace(/H3/g, '')).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
    expect(hexView(big, 'hotspot', translator('ru'), 'ru').label).toBe(
      'Очаги и спокойные зоны происшествий по шестиугольникам',
    );
  });

  it('groups thousands and writes the cell area as the language does, kept on one line', () => {
    const ru = hexView(big, 'hotspot', translator('ru'), 'ru').note ?? '';
    expect(ru).toContain('(каждый ≈\u00a036\u00a0км²)');
    expect(ru).toContain('Из 11\u00a0219 показанных шестиугольников (включая пустые) очагов — 1\u00a0502');
    expect(ru).toContain('1\u00a0131 утратили значимость');
    expect(ru).not.toMatch(/\d,\d{3}/);
    const count = hexView(big, 'count', translator('uz-Cyrl'), 'uz-Cyrl').note ?? '';
    expect(count).toContain('бу танловда 29\u00a0985 та');
    expect(hexView(response(), 'count', translator('ru'), 'ru').note).toContain('(каждый ≈\u00a00,74\u00a0км²)');
  });
});

describe('buildHexLayer', () => {
  it('keeps one id whatever the mode, and draws every cell of the response', () => {
    const data = response();
    const a = buildHexLayer(data, { mode: 'count', opacity: 0.8 });
    const b = buildHexLayer(data, { mode: 'hotspot', selectedCell: CELLS[0], opacity: 0.8 });
    expect(a.id).toBe(HEX_LAYER_ID);
    expect(b.id).toBe(HEX_LAYER_ID);
    expect(hexData(data)).toHaveLength(CELLS.length);
  });

  it('outlines each cell in [lon, lat] order, the same object on every render of one response', () => {
    const data = response();
    const first = hexData(data)[0]!;
    expect(first.polygon).toEqual(cellToBoundary(CELLS[0]!, true));
    expect(first.polygon[0]![0]).toBeGreaterThan(69); // longitude first: Tashkent is at 69° E, 41° N
    expect(hexData(data)).toBe(hexData(data));
  });

  it('recolours when the mode or the selected cell changes', () => {
    const layer = buildHexLayer(response(), { mode: 'hotspot', selectedCell: CELLS[2], opacity: 1 });
    expect(layer.props.updateTriggers).toEqual({
      getFillColor: ['hotspot'],
      getLineColor: [CELLS[2]],
      getLineWidth: [CELLS[2]],
    });
  });
});
