// What each H3 hexagon is coloured by (incident count or hot-spot bin) and the legend text; pure, so legend and map agree.
import { getHexagonAreaAvg } from 'h3-js';
import { quantileScale } from './colors.ts';
import { filtersPhrase, HOTSPOT_CLASSES, HOTSPOT_SCALE, type MetricView } from './metric-values.ts';
import { heldBackSentence, inferenceSentence, nounOf, tooFewSentence } from './inference-text.ts';
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';

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

/** "≈ 0.74 km²": the average cell area at a resolution, as the legend states it. */
function cellArea(res: number): string {
  const km2 = getHexagonAreaAvg(res, 'km2');
  return `≈ ${km2 >= 10 ? Math.round(km2).toLocaleString('en-GB') : km2.toPrecision(2)} km²`;
}

/**
 * Values, colour scale and legend for the hexagons: counts on the sequential ramp (quantile classes over the cells
 * drawn), or hot-spot bins −3…+3 on the hot/cold ramp of the mahalla hot spots; the note states support, resolution,
 * period, filters and how the cells were tested (variable, null, test, study area, FDR).
 * @example hexView(await (await fetch('/api/hexagons?…&res=8')).json(), 'hotspot').classes?.[6] // 'Hot spot, 99 %'
 */
export function hexView(h: HexColumns, mode: HexMode): HexView {
  const res = h.params.resolution;
  const support = `H3 resolution ${res} hexagons (${cellArea(res)} each)`;
  const what = nounOf(h.params.source);
  // A hexagon on a district's border counts every record in it: what its test counted as its own.
  const border = h.params.districts === null ? '' : ' Hexagons on the border count all their records.';
  if (mode === 'count') {
    return {
      values: h.count,
      scale: quantileScale(h.count),
      label: `${what.title} per hexagon`,
      unit: '',
      note: `${what.title} per ${support}, ${filtersPhrase(h.params)}; ${h.counts.records.toLocaleString('en-GB')} in this selection. Empty hexagons are not drawn.${border}`,
    };
  }
  return {
    values: h.tooFew ? h.bin.map(() => Number.NaN) : h.bin,
    scale: HOTSPOT_SCALE,
    label: `Hot & cold spots of ${what.plural} per hexagon`,
    unit: '',
    classes: HOTSPOT_CLASSES,
    note:
      `${support}, ${filtersPhrase(h.params)}. ${inferenceSentence(h.params.inference, 'hexagon', what)} ` +
      (h.tooFew
        ? 'Grey: not tested.'
        : `${h.counts.hot} hot, ${h.counts.cold} cold of ${h.counts.units.toLocaleString('en-GB')} hexagons shown, empty ones included` +
          (h.params.fdr ? `; ${h.lostToFdr} lost significance to the correction.` : '.') +
          heldBackSentence(h.heldBack, what)) +
      border,
    ...(h.tooFew ? { notice: tooFewSentence(h.tooFew, h.params.inference, what) } : {}),
  };
}
