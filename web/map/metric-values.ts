// The number each mahalla is coloured by, for the selected metric; pure so the legend and the map agree.
import type { Metric } from '../state/url.ts';
import { empiricalBayes } from '../../server/shared/empirical-bayes.ts';
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';
import { heldBackSentence, inferenceSentence, nounOf, tooFewSentence, type Noun } from './inference-text.ts';
import { changePercent, MIN_EVENTS } from '../../server/shared/poisson-compare.ts';
import { EMERGING_COLORS, HOTSPOT_COLORS, divergingScale, quantileScale, type ColorScale, type Rgb } from './colors.ts';

const NEUTRAL: Rgb = [247, 247, 247];

/** What is counted, as the legend names it. */
export type { Noun };
const INCIDENTS: Noun = { plural: 'incidents', title: 'Incidents' };

export interface MetricColumns {
  ids: number[];
  count: number[];
  prev: number[];
  rate: number[];
  population: number[];
  /** FDR-adjusted p-value (q) of the change; null = too few incidents to compare */
  changeQ: Array<number | null>;
  /** how the server judged the change (GET /api/metrics `change`) */
  change: ChangeJudgement;
}

/** The parts of the server's change summary the legend states. */
export interface ChangeJudgement {
  days: { period: number; previous: number };
  minEvents: number;
  fdr: { q: number };
  tested: number;
  tooFew: number;
  up: number;
  down: number;
  expectedByChance: { withoutFdr: number; amongColoured: number };
}

/** Below this many events in both periods a percentage change is noise, not news: it is not coloured. */
export const MIN_EVENTS_FOR_CHANGE = MIN_EVENTS;

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
  const { days, fdr } = m.change;
  m.ids.forEach((id, i) => {
    const n = m.count[i] ?? 0;
    const q = m.changeQ[i] ?? null;
    // Coloured only where the change survives the FDR; its size is the change of the rate per day.
    const change =
      q === null ? Number.NaN : q > fdr.q ? 0 : changePercent(n, m.prev[i] ?? 0, days.period, days.previous);
    valueById.set(id, metric === 'count' ? n : change);
  });
  const values = [...valueById.values()].filter(Number.isFinite);
  if (metric === 'change') {
    // Breaks from the significant changes only: the many zeros (no significant change) would flatten the scale.
    const sorted = values
      .filter((v) => v !== 0)
      .map(Math.abs)
      .sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 50;
    return {
      valueById,
      scale: divergingScale(Math.max(10, Math.min(p90, 200))),
      label:
        compare === 'year' ? 'Significant change vs same period last year' : 'Significant change vs previous period',
      unit: '%',
      note: changeNote(m.change, what),
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

/** Hot-spot bins −3…+3 (mahallas or hexagons): one colour and one name per bin. */
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

/** A count of what chance alone would do, in words: "about 3", "less than 1". */
const about = (x: number): string => (x < 0.5 ? 'less than 1' : `about ${Math.round(x)}`);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The change map's legend note: how many changed beyond chance, by which test and false discovery rate, what chance
 * alone would colour without that correction, and how thin counts and leap days are handled. (The legend's hatched
 * row already names the hatching, so the note does not.)
 * @example changeNote({ days: { period: 31, previous: 31 }, minEvents: 10, fdr: { q: 0.1 }, tested: 40, tooFew: 2, up: 3,
 *   down: 1, expectedByChance: { withoutFdr: 2.6, amongColoured: 0.4 } }, { plural: 'incidents', title: 'Incidents' })
 * // '4 of 40 mahallas compared changed beyond chance (3 up, 1 down). …'
 */
export function changeNote(c: ChangeJudgement, what: Noun): string {
  const level = `${Math.round(c.fdr.q * 100)} %`;
  const few = `${plural(c.tooFew, 'mahalla has', 'mahallas have')} too few ${what.plural} to compare (fewer than ${c.minEvents} in both periods).`;
  const leap =
    c.days.period === c.days.previous
      ? ''
      : ` ${c.days.period} days against ${c.days.previous} (29 February has no twin a year earlier): ${what.plural} per day are compared.`;
  if (c.tested === 0) return `No change can be judged: ${few}${leap}`;
  return (
    `${c.up + c.down} of ${plural(c.tested, 'mahalla', 'mahallas')} compared changed beyond chance (${c.up} up, ${c.down} down). ` +
    `Exact test of the two counts, false discovery rate ${level} (Benjamini–Hochberg)` +
    (c.up + c.down > 0 ? `: on average at most 1 in ${Math.round(1 / c.fdr.q)} of those coloured is chance. ` : '. ') +
    `Without that correction, chance alone would colour ${about(c.expectedByChance.withoutFdr)} even if nothing had changed. ${few}${leap}`
  );
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
    // Rates print with one decimal at least; more where neighbouring breaks would otherwise read alike.
    scale: quantileScale(values, undefined, 1),
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
