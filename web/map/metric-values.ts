// The number each mahalla is coloured by, for the selected metric; pure so the legend and the map agree.
import type { Metric } from '../state/url.ts';
import { empiricalBayes } from '../../server/shared/empirical-bayes.ts';
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';
import { EMERGING_COLORS, HOTSPOT_COLORS, divergingScale, quantileScale, type ColorScale, type Rgb } from './colors.ts';

const NEUTRAL: Rgb = [247, 247, 247];

/** What is counted, as the legend names it. */
export interface Noun {
  plural: string;
  title: string;
}
const INCIDENTS: Noun = { plural: 'incidents', title: 'Incidents' };

export interface MetricColumns {
  ids: number[];
  count: number[];
  prev: number[];
  rate: number[];
  population: number[];
  /** p-value of the change (null = too few incidents to judge) */
  changeP: Array<number | null>;
}

/** A change is coloured only when this test says it is unlikely to be chance. */
export const CHANGE_ALPHA = 0.05;

/** Below this many events in both periods a percentage change is noise, not news: it is not coloured. */
export const MIN_EVENTS_FOR_CHANGE = 10;

export interface MetricView {
  valueById: Map<number, number>;
  scale: ColorScale;
  label: string;
  unit: string;
  /** named classes (one per colour) instead of numeric breaks */
  classes?: string[];
  /** how the values were obtained, shown under the legend */
  note?: string;
  /** said instead of the classes when the data cannot be coloured (too few records to test) */
  notice?: string;
}

/** Per-mahalla values and a colour scale for the metric. `change` is % vs the previous period. */
export function metricView(
  m: MetricColumns,
  metric: Metric,
  compare: 'previous' | 'year' = 'previous',
  what: Noun = INCIDENTS,
): MetricView {
  if (metric === 'eb' || metric === 'rate') return rateView(m, metric, what);
  const valueById = new Map<number, number>();
  m.ids.forEach((id, i) => {
    const n = m.count[i] ?? 0;
    const p = m.prev[i] ?? 0;
    valueById.set(id, metric === 'count' ? n : changeValue(n, p, m.changeP[i] ?? null));
  });
  const values = [...valueById.values()].filter(Number.isFinite);
  if (metric === 'change') {
    // Breaks from the significant changes only: the many zeros (no significant change) would flatten the scale.
    const sorted = values
      .filter((v) => v !== 0)
      .map(Math.abs)
      .sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 50;
    const significant = [...valueById.values()].filter((v) => Number.isFinite(v) && v !== 0).length;
    return {
      valueById,
      scale: divergingScale(Math.max(10, Math.min(p90, 200))),
      label:
        compare === 'year' ? 'Significant change vs same period last year' : 'Significant change vs previous period',
      unit: '%',
      note: `Coloured where a Poisson test gives p < ${CHANGE_ALPHA} (${significant} mahalla${significant === 1 ? '' : 's'}); white: no significant change; hatched: fewer than ${MIN_EVENTS_FOR_CHANGE} ${what.plural} in both periods together.`,
    };
  }
  return { valueById, scale: quantileScale(values), label: what.title, unit: '' };
}

export interface HotspotColumns {
  ids: number[];
  bin: number[];
  lostToFdr: number;
  heldBack: number;
  tooFew: TooFewRecords | null;
  counts: { hot: number; cold: number; units: number };
  params: {
    source: 'incidents' | 'applications';
    fdr: boolean;
    period: { from: string; to: string };
    categories: string[];
    statuses: string[];
    inference: Inference;
  };
}

/**
 * Period and filters as the legend states them.
 * @example filtersPhrase({ period: { from: '2024-03-01', to: '2024-03-31' }, categories: ['fraud'], statuses: ['solved'] })
 * // '2024-03-01 – 2024-03-31, 1 categories, solved'
 */
export function filtersPhrase(p: Pick<HotspotColumns['params'], 'period' | 'categories' | 'statuses'>): string {
  return (
    `${p.period.from} – ${p.period.to}, ` +
    `${p.categories.length === 12 ? 'all categories' : `${p.categories.length} categories`}` +
    `${p.statuses.length === 3 ? '' : `, ${p.statuses.join('/')}`}`
  );
}

const thousands = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** What was counted, as the legend names it, from a response's `source`. */
export const nounOf = (source: 'incidents' | 'applications'): Noun =>
  source === 'applications' ? { plural: 'applications', title: 'Applications' } : INCIDENTS;

/**
 * How a hot-spot map was tested, in words a reader without statistics can follow: the variable (counts against
 * residents), the null (everyone the same risk), the test (exact), the study area and the false discovery rate.
 * @example
 * inferenceSentence(h.params.inference, 'mahalla', INCIDENTS);
 * // 'A hot (cold) spot: a mahalla whose neighbourhood — itself and the mahallas touching it — has more (fewer) …'
 */
export function inferenceSentence(inf: Inference, unit: 'mahalla' | 'hexagon', what: Noun): string {
  const around = unit === 'mahalla' ? 'itself and the mahallas touching it' : 'itself and the 6 hexagons touching it';
  const residents = unit === 'mahalla' ? 'residents' : 'residents (shared out from mahallas by area)';
  return (
    `A hot (cold) spot: a ${unit} whose neighbourhood — ${around} — has more (fewer) ${what.plural} than its ` +
    `${residents} explain if everyone ran the same risk. Counts, not rates; exact test, no simulation. ` +
    `Compared with all of ${inf.studyAreaName} (${thousands(inf.residents)} residents, ${thousands(inf.records)} ` +
    `${inf.records === 1 ? what.plural.replace(/s$/, '') : what.plural}), whatever district is shown. ` +
    (inf.fdr
      ? `False discovery rate ${Math.round(inf.fdr.q * 100)} % (Benjamini–Hochberg).`
      : 'No false-discovery correction: expect some spots by chance alone.')
  );
}

/**
 * The same in one short line for the wall screen.
 * @example inferenceLine(inf, INCIDENTS); // 'Incidents counted against residents, as if everyone ran the same risk · exact test · …'
 */
export function inferenceLine(inf: Inference, what: Noun): string {
  return (
    `${what.title} counted against residents, as if everyone ran the same risk · exact test · ` +
    `compared with all of ${inf.studyAreaName} · ` +
    (inf.fdr ? `false discovery rate ${Math.round(inf.fdr.q * 100)} %` : 'no false-discovery correction')
  );
}

/** "2 more with no incident of their own left uncoloured." (the guardrail on own records), or nothing. */
export function heldBackSentence(heldBack: number, what: Noun): string {
  if (heldBack <= 0) return '';
  return ` ${heldBack} more with no ${what.plural.replace(/s$/, '')} of ${heldBack === 1 ? 'its' : 'their'} own left uncoloured.`;
}

/** "Too few incidents (11) …": the words shown instead of spots when nothing could be significant. */
export function tooFewSentence(t: TooFewRecords, inf: Pick<Inference, 'studyAreaName'>, what: Noun): string {
  return (
    `Too few ${what.plural} (${thousands(t.records)} in ${inf.studyAreaName}) to test for hot spots in this view: ` +
    `at least ${thousands(t.needed)} are needed. Choose a longer period or fewer filters.`
  );
}

/** Gi* bins −3…+3 (mahallas or hexagons): one colour and one name per bin. */
export const HOTSPOT_SCALE: ColorScale = {
  breaks: [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5],
  colors: HOTSPOT_COLORS,
  colorOf: (v) => HOTSPOT_COLORS[Math.round(v) + 3] ?? NEUTRAL,
};
export const HOTSPOT_CLASSES = [
  'Cold spot, 99 %',
  'Cold spot, 95 %',
  'Cold spot, 90 %',
  'Not significant',
  'Hot spot, 90 %',
  'Hot spot, 95 %',
  'Hot spot, 99 %',
];

/**
 * Hot-spot bins −3…+3 as seven named classes; the legend states variable, null, test, study area and FDR, and every
 * figure counts the mahallas shown. With too few records nothing is coloured (hatched) and the legend says why.
 */
export function hotspotView(h: HotspotColumns): MetricView {
  const what = nounOf(h.params.source);
  const valueById = new Map<number, number>();
  h.ids.forEach((id, i) => valueById.set(id, h.tooFew ? Number.NaN : (h.bin[i] ?? 0)));
  return {
    valueById,
    scale: HOTSPOT_SCALE,
    label: `Hot & cold spots of ${what.plural}`,
    unit: '',
    classes: HOTSPOT_CLASSES,
    note:
      `${filtersPhrase(h.params)}. ${inferenceSentence(h.params.inference, 'mahalla', what)} ` +
      (h.tooFew
        ? 'Hatched: not tested.'
        : `${h.counts.hot} hot, ${h.counts.cold} cold of ${h.counts.units} mahallas shown` +
          (h.params.fdr ? `; ${h.lostToFdr} lost significance to the correction.` : '.') +
          heldBackSentence(h.heldBack, what)),
    ...(h.tooFew ? { notice: tooFewSentence(h.tooFew, h.params.inference, what) } : {}),
  };
}

export interface EmergingColumns {
  ids: number[];
  category: number[];
  classes: Array<{ id: string; label: string }>;
  params: {
    source: 'incidents' | 'applications';
    bin: string;
    bins: number;
    from: string;
    to: string;
    inference: Inference;
  };
  tooFew: { records: number; needed: number; bins: number } | null;
}

/** Emerging hot spot classes; the legend lists only the classes that occur, or says why there are none to show. */
export function emergingView(e: EmergingColumns): MetricView {
  const what = nounOf(e.params.source);
  const { bin, bins } = e.params;
  const valueById = new Map<number, number>();
  const present = new Map<number, number>();
  e.ids.forEach((id, i) => {
    const code = e.category[i] ?? 0;
    valueById.set(id, e.tooFew ? Number.NaN : code);
    present.set(code, (present.get(code) ?? 0) + 1);
  });
  const codes = e.tooFew ? [] : [...present.keys()].sort((a, b) => a - b);
  const inf = e.params.inference;
  return {
    valueById,
    scale: {
      breaks: [],
      colors: codes.map((c) => EMERGING_COLORS[c] ?? NEUTRAL),
      colorOf: (v) => EMERGING_COLORS[v] ?? NEUTRAL,
    },
    label: 'Emerging hot spots',
    unit: '',
    classes: codes.map((c) => `${e.classes[c]?.label ?? c} (${present.get(c) ?? 0})`),
    note:
      `Each ${bin} (${bins} ${bin}s, ${e.params.from} – ${e.params.to}) tested as the hot-spot map is: ${what.plural} ` +
      `counted in each mahalla and its neighbours against what their residents explain if everyone ran the same risk, ` +
      `exact test, compared with all of ${inf.studyAreaName}, false discovery rate ` +
      `${Math.round((inf.fdr?.q ?? 0) * 100)} % per ${bin}; then a Mann–Kendall trend per mahalla.` +
      (e.tooFew ? ' Hatched: not tested.' : ''),
    ...(e.tooFew
      ? {
          notice:
            `Too few ${what.plural} in ${e.tooFew.bins} of ${bins} ${bin}s (the thinnest has ${e.tooFew.records}; ` +
            `each needs ${e.tooFew.needed}) to find emerging hot spots in this view. Choose monthly bins, a longer ` +
            `period or fewer filters.`,
        }
      : {}),
  };
}

/** % change when the test finds it significant, 0 (neutral) when not, NaN (hatched) when there are too few incidents. */
function changeValue(n: number, p: number, pValue: number | null): number {
  if (pValue === null || n + p < MIN_EVENTS_FOR_CHANGE) return Number.NaN;
  if (pValue >= CHANGE_ALPHA) return 0;
  return ((n - p) / Math.max(p, 1)) * 100;
}

/** A raw rate is not shown where it rests on too little: fewer residents than this … */
export const MIN_RESIDENTS = 1000;
/** … or fewer incidents expected at the overall rate than this. */
export const MIN_EXPECTED = 5;

/**
 * Raw rates (unreliable ones hatched, not painted as extremes) or Empirical Bayes smoothed rates (every mahalla
 * rated, small ones pulled towards the overall rate).
 */
function rateView(m: MetricColumns, metric: 'rate' | 'eb', what: Noun): MetricView {
  const valueById = new Map<number, number>();
  const eb = metric === 'eb' ? empiricalBayes(m.count, m.population) : null;
  const totalN = m.count.reduce((a, b) => a + b, 0);
  const totalP = m.population.reduce((a, b) => a + b, 0);
  const overall = totalP > 0 ? totalN / totalP : 0;
  let unrated = 0;
  m.ids.forEach((id, i) => {
    const pop = m.population[i] ?? 0;
    if (eb) {
      valueById.set(id, eb[i] ?? 0);
      return;
    }
    const reliable = pop >= MIN_RESIDENTS && overall * pop >= MIN_EXPECTED;
    if (!reliable) unrated++;
    valueById.set(id, reliable ? (m.rate[i] ?? 0) : Number.NaN);
  });
  const values = [...valueById.values()].filter(Number.isFinite);
  return {
    valueById,
    scale: quantileScale(values),
    label: eb ? `${what.title} per 1,000 residents, smoothed` : `${what.title} per 1,000 residents`,
    unit: '‰',
    note: eb
      ? 'Empirical Bayes: each rate is pulled towards the overall rate, the more the fewer residents it rests on.'
      : unrated > 0
        ? `Hatched: ${unrated} mahalla${unrated === 1 ? '' : 's'} with fewer than ${fmtThousand(MIN_RESIDENTS)} residents or ${MIN_EXPECTED} expected ${what.plural}, too few to rate.`
        : undefined,
  };
}

const fmtThousand = (n: number): string => n.toLocaleString('en-GB');
