// What each H3 hexagon is coloured by (incident count or hot-spot bin) and the legend text; pure, so legend and map agree.
import { getHexagonAreaAvg } from 'h3-js';
import { quantileScale } from './colors.ts';
import { filtersPhrase, hotspotClasses, HOTSPOT_SCALE, type MetricView } from './metric-values.ts';
import { heldBackSentence, inferenceSentence, nounOf, tooFewSentence } from './inference-text.ts';
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';
import { activeLocale, activeT, type Translate } from '../i18n/translate.ts';
import type { Locale } from '../i18n/locales.ts';
import { fmtDecimal, fmtInt } from '../format.ts';

export type HexMode = 'count' | 'hotspot';

/** The columns of GET /api/hexagons the map reads (the inferred response type satisfies it). */
export interface HexColumns {
  cells: string[];
  count: number[];
  bin: number[];
  lostToFdr: number;
  heldBack: number;
  tooFew: TooFewRecords | null;
  counts: { hot: number; cold: number; units: number; records: number };
  params: {
    resolution: number;
    /** what was counted */
    source: 'incidents' | 'applications';
    fdr: boolean;
    period: { from: string; to: string };
    categories: string[];
    statuses: string[];
    /** the districts whose cells were returned (null: all) */
    districts: string[] | null;
    inference: Inference;
  };
}

/** A legend for hexagons: MetricView's legend fields, with the value of each cell in data order instead of by id. */
export interface HexView extends Omit<MetricView, 'valueById'> {
  values: number[];
}

/**
 * "≈ 0.74 km²": the average cell area at a resolution, as the legend states it (two significant digits below 10 km²).
 * @example cellArea(6, translator('ru'), 'ru') // '≈ 36 км²' (no-break spaces)
 */
export function cellArea(res: number, t: Translate = activeT(), locale: Locale = activeLocale()): string {
  const km2 = getHexagonAreaAvg(res, 'km2');
  const digits = km2 >= 10 ? 0 : Math.max(0, 1 - Math.floor(Math.log10(km2)));
  return t('hex.area', { area: km2 >= 10 ? fmtInt(km2, locale) : fmtDecimal(km2, digits, locale) });
}

/**
 * Values, colour scale and legend for the hexagons: counts on the sequential ramp (quantile classes over the cells
 * drawn), or hot-spot bins −3…+3 on the hot/cold ramp of the mahalla hot spots; the note states support, resolution,
 * period, filters and how the cells were tested (variable, null, test, study area, FDR), in the language of `t` with
 * the numbers of `locale`.
 * @example hexView(await (await fetch('/api/hexagons?…&res=8')).json(), 'hotspot').classes?.[6] // 'Hot spot, 99 %'
 */
export function hexView(
  h: HexColumns,
  mode: HexMode,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
): HexView {
  const { resolution: res, source } = h.params;
  const area = cellArea(res, t, locale);
  const filters = filtersPhrase(h.params, t, locale);
  const what = nounOf(source, t);
  const int = (n: number): string => fmtInt(n, locale);
  // A hexagon on a district's border counts every record in it: what its test counted as its own.
  const border = h.params.districts === null ? '' : ` ${t('hex.border')}`;
  if (mode === 'count') {
    return {
      values: h.count,
      scale: quantileScale(h.count),
      label: t('hex.countLabel', { source }),
      unit: '',
      note: t('hex.countNote', { source, res, area, filters, records: int(h.counts.records) }) + border,
    };
  }
  const counts = t('hex.hotspotCounts', {
    hot: int(h.counts.hot),
    cold: int(h.counts.cold),
    units: int(h.counts.units),
  });
  return {
    values: h.tooFew ? h.bin.map(() => Number.NaN) : h.bin,
    scale: HOTSPOT_SCALE,
    label: t('hex.hotspotLabel', { source }),
    unit: '',
    classes: hotspotClasses(t),
    foldNote: true,
    note:
      `${t('hex.support', { res, area, filters })} ${inferenceSentence(h.params.inference, 'hexagon', what, t)} ` +
      (h.tooFew
        ? t('hex.greyNotTested')
        : counts +
          (h.params.fdr ? t('mv.lostToFdr', { count: int(h.lostToFdr) }) : '.') +
          heldBackSentence(h.heldBack, what, t)) +
      border,
    ...(h.tooFew ? { notice: tooFewSentence(h.tooFew, h.params.inference, what, t) } : {}),
  };
}
