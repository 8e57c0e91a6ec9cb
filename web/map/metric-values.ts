// The number each mahalla is coloured by, for the selected metric; pure so the legend and the map agree. Labels and
// notes are in the language in force, or the one `t` speaks.
import type { Metric } from '../state/url.ts';
import { empiricalBayes } from '../../server/shared/empirical-bayes.ts';
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';
import { heldBackSentence, inferenceSentence, nounOf, sourceOf, tooFewSentence, type Noun } from './inference-text.ts';
import { activeLocale, activeT, type Translate } from '../i18n/translate.ts';
import type { Locale } from '../i18n/locales.ts';
import { fmtInt, fmtPct, formatPeriod } from '../format.ts';
import { changePercent, MIN_EVENTS } from '../../server/shared/poisson-compare.ts';
import { HOTSPOT_COLORS, divergingScale, quantileScale, type ColorScale, type Rgb } from './colors.ts';

/** The colour of a mahalla no class or value applies to. */
export const NEUTRAL: Rgb = [247, 247, 247];

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
  /** the note is long prose on how spots were tested: folded under "How it was tested" so the classes and map show */
  foldNote?: boolean;
  /** said instead of the classes when the data cannot be coloured (too few records to test) */
  notice?: string;
}

/** Per-mahalla values and a colour scale for the metric. `change` is % vs the previous period. */
export function metricView(
  m: MetricColumns,
  metric: Metric,
  compare: 'previous' | 'year' = 'previous',
  what: Noun = INCIDENTS,
  t: Translate = activeT(),
): MetricView {
  if (metric === 'eb' || metric === 'rate') return rateView(m, metric, what, t);
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
      label: t(compare === 'year' ? 'mv.changeYear' : 'mv.changePrevious'),
      unit: '%',
      note: changeNote(m.change, what, t),
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
 * Period and filters as the legend states them, in the language of `t` with the dates of `locale`.
 * @example filtersPhrase({ period: { from: '2024-03-01', to: '2024-03-31' }, categories: ['fraud'], statuses: ['solved'] })
 * // '1 – 31 Mar 2024, 1 category, Solved'
 */
export function filtersPhrase(
  p: Pick<HotspotColumns['params'], 'period' | 'categories' | 'statuses'>,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
): string {
  return t('mv.filters', {
    period: formatPeriod(p.period, locale),
    all: p.categories.length === 12 ? 'yes' : 'no',
    categories: p.categories.length,
    statuses:
      p.statuses.length === 3 ? '' : `, ${p.statuses.map((s) => t(`catalog.status.${s as 'solved'}`)).join('/')}`,
  });
}

/** Hot-spot bins −3…+3 (mahallas or hexagons): one colour and one name per bin. */
export const HOTSPOT_SCALE: ColorScale = {
  breaks: [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5],
  colors: HOTSPOT_COLORS,
  colorOf: (v) => HOTSPOT_COLORS[Math.round(v) + 3] ?? NEUTRAL,
};
const HOTSPOT_CLASS_IDS = [
  'mv.class.cold99',
  'mv.class.cold95',
  'mv.class.cold90',
  'mv.class.none',
  'mv.class.hot90',
  'mv.class.hot95',
  'mv.class.hot99',
] as const;
/** The seven hot-spot classes, bin −3 first, in the language of `t`. */
export const hotspotClasses = (t: Translate = activeT()): string[] => HOTSPOT_CLASS_IDS.map((id) => t(id));
/** The same in English (the names the tests and the API documentation use). */
export const HOTSPOT_CLASSES = hotspotClasses(activeT());

/**
 * Hot-spot bins −3…+3 as seven named classes; the legend states variable, null, test, study area and FDR, and every
 * figure counts the mahallas shown. With too few records nothing is coloured (hatched) and the legend says why.
 */
export function hotspotView(h: HotspotColumns, t: Translate = activeT()): MetricView {
  const what = nounOf(h.params.source, t);
  const valueById = new Map<number, number>();
  h.ids.forEach((id, i) => valueById.set(id, h.tooFew ? Number.NaN : (h.bin[i] ?? 0)));
  return {
    valueById,
    scale: HOTSPOT_SCALE,
    label: t('mv.hotspotTitle', { source: h.params.source }),
    unit: '',
    classes: hotspotClasses(t),
    foldNote: true,
    note:
      `${filtersPhrase(h.params, t)}. ${inferenceSentence(h.params.inference, 'mahalla', what, t)} ` +
      (h.tooFew
        ? t('mv.hatchedNotTested')
        : t('mv.hotspotCounts', { hot: h.counts.hot, cold: h.counts.cold, units: h.counts.units }) +
          (h.params.fdr ? t('mv.lostToFdr', { count: h.lostToFdr }) : '.') +
          heldBackSentence(h.heldBack, what, t)),
    ...(h.tooFew ? { notice: tooFewSentence(h.tooFew, h.params.inference, what, t) } : {}),
  };
}

/** A count of what chance alone would do, in words: "about 3", "less than 1". */
const about = (x: number, t: Translate): string =>
  x < 0.5 ? t('mv.aboutLessThanOne') : t('mv.about', { n: Math.round(x) });

/**
 * The change map's legend note: how many changed beyond chance, by which test and false discovery rate, what chance
 * alone would colour without that correction, and how thin counts and leap days are handled. (The legend's hatched
 * row already names the hatching, so the note does not.)
 * @example changeNote({ days: { period: 31, previous: 31 }, minEvents: 10, fdr: { q: 0.1 }, tested: 40, tooFew: 2, up: 3,
 *   down: 1, expectedByChance: { withoutFdr: 2.6, amongColoured: 0.4 } }, { plural: 'incidents', title: 'Incidents' })
 * // '4 of 40 mahallas compared changed beyond chance (3 up, 1 down). …'
 */
export function changeNote(c: ChangeJudgement, what: Noun, t: Translate = activeT()): string {
  const source = sourceOf(what);
  const few = t('mv.fewToCompare', { count: c.tooFew, source, min: c.minEvents });
  const leap =
    c.days.period === c.days.previous ? '' : t('mv.leap', { period: c.days.period, previous: c.days.previous, source });
  if (c.tested === 0) return t('mv.noChangeJudged', { few, leap });
  return t('mv.changeNote', {
    changed: c.up + c.down,
    tested: c.tested,
    testedText: fmtInt(c.tested, activeLocale()),
    up: c.up,
    down: c.down,
    level: fmtPct(c.fdr.q, activeLocale()),
    coloured: c.up + c.down > 0 ? 'yes' : 'no',
    one: Math.round(1 / c.fdr.q),
    about: about(c.expectedByChance.withoutFdr, t),
    few,
    leap,
  });
}

/** A raw rate is not shown where it rests on too little: fewer residents than this … */
export const MIN_RESIDENTS = 1000;
/** … or fewer incidents expected at the overall rate than this. */
export const MIN_EXPECTED = 5;

/**
 * Raw rates (unreliable ones hatched, not painted as extremes) or Empirical Bayes smoothed rates (every mahalla
 * rated, small ones pulled towards the overall rate).
 */
function rateView(m: MetricColumns, metric: 'rate' | 'eb', what: Noun, t: Translate): MetricView {
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
    // The messages word the noun themselves: Uzbek puts it after the number, mid-phrase and in lower case.
    label: t(eb ? 'mv.ratePer1000Smoothed' : 'mv.ratePer1000', { source: sourceOf(what) }),
    unit: '‰',
    note: eb
      ? t('mv.ebNote')
      : unrated > 0
        ? t('mv.unrated', {
            count: unrated,
            residents: fmtInt(MIN_RESIDENTS, activeLocale()),
            expected: MIN_EXPECTED,
            source: sourceOf(what),
          })
        : undefined,
  };
}
