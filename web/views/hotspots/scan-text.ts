// What the scan panel says, as pure functions of the answer of GET /api/hotspots/scan: the method line of the legend,
// one line per cluster, and the sentence shown instead of outlines when there is nothing to draw. In the language in
// force, or the one `t` speaks; `source` is what is counted ('incidents' or 'applications').
import { fmtDecimal, fmtInt, formatPeriod } from '../../format.ts';
import { INTL_TAG } from '../../i18n/locales.ts';
import { activeLocale, activeT, type Translate } from '../../i18n/translate.ts';

/** What these sentences read of the answer (its params and clusters). */
export interface ScanParamsText {
  /** clusters anywhere in the period, or emerging in its last weeks (the space-time scan) */
  kind: 'spatial' | 'emerging';
  rate: 'high' | 'low' | 'both';
  alpha: number;
  records: number;
  /** weeks: the longest emerging cluster (null for the spatial scan) */
  windows: { maxShare: number; weeks: number | null };
  inference: { draws: number; seed: number; studyArea: string };
}

export interface ClusterText {
  rank: number;
  ids: readonly number[];
  observed: number;
  expected: number;
  relativeRisk: number | null;
  p: number;
  /** the last weeks an emerging cluster covers; null for the spatial scan */
  weeks: { from: string; to: string } | null;
}

/** What is counted, as the messages choose their words by it. */
const src = (source: string): 'incidents' | 'applications' =>
  source === 'applications' ? 'applications' : 'incidents';

/** A share as a percentage with at most one decimal: "50 %", "12.5 %" (the language's decimal sign). */
const pct = (share: number): string => {
  const v = Math.round(share * 1000) / 10;
  const text = fmtDecimal(v, Number.isInteger(v) ? 0 : 1, activeLocale());
  return activeLocale().startsWith('uz') ? `${text}%` : `${text} %`;
};

/** Two significant digits in the language's style: 0.031, 0,031. */
const twoDigits = (x: number): string =>
  new Intl.NumberFormat(INTL_TAG[activeLocale()], { maximumSignificantDigits: 2 }).format(x);

/**
 * "p = 0.031" or "p ≤ 0.001" where the draws can say no more (the smallest p of 999 draws is 1/1000), with no-break
 * spaces: a line never ends on "p" with the rest on the next.
 */
export function pText(p: number, draws: number): string {
  return p <= 1 / (draws + 1) ? `p\u00a0≤\u00a0${twoDigits(1 / (draws + 1))}` : `p\u00a0=\u00a0${twoDigits(p)}`;
}

/** How many times the rate outside: "20×", "0.4×"; "all records" when none fall outside. */
export const rrText = (rr: number | null, t: Translate = activeT()): string =>
  rr === null ? t('scan.allRecords') : `${twoDigits(rr)}×`;

/**
 * The legend's method line.
 * @example scanMethod(params, 'incidents') // "Kulldorff scan, Poisson, 999 draws, p < 0.05, relative risk = incidents per resident inside ÷ outside"
 */
export function scanMethod(params: ScanParamsText, source: string, t: Translate = activeT()): string {
  const values = {
    draws: params.inference.draws,
    alpha: twoDigits(params.alpha),
    weeks: params.windows.weeks ?? 1,
    source: src(source),
  };
  return t(params.kind === 'emerging' ? 'scan.methodEmerging' : 'scan.method', values);
}

/** The plain-words explanation under the method line. */
export function scanExplanation(params: ScanParamsText, source: string, t: Translate = activeT()): string {
  const values = {
    share: pct(params.windows.maxShare),
    weeks: params.windows.weeks ?? 1,
    draws: params.inference.draws,
    records: fmtInt(params.records),
    seed: params.inference.seed,
    area: params.inference.studyArea,
    source: src(source),
    rate: params.rate,
  };
  return t(params.kind === 'emerging' ? 'scan.explainEmerging' : 'scan.explain', values);
}

/** The number of weeks an emerging cluster covers (its last weeks). */
const weeksOf = (w: { from: string; to: string }): number =>
  Math.round((Date.parse(w.to) - Date.parse(w.from)) / 864e5 + 1) / 7;

/** "5 mahallas · 20× the rate outside · p ≤ 0.001"; emerging: "3 mahallas · last week · 4.2× · p = 0.007" */
export function clusterLine(c: ClusterText, draws: number, t: Translate = activeT()): string {
  const size = t('scan.mahallas', { count: c.ids.length });
  if (c.weeks)
    return `${size} · ${t('scan.lastWeeks', { count: weeksOf(c.weeks) })} · ${rrText(c.relativeRisk, t)} · ${pText(c.p, draws)}`;
  return `${size} · ${t('scan.rateOutside', { rr: rrText(c.relativeRisk, t) })} · ${pText(c.p, draws)}`;
}

/**
 * "100 incidents observed, 24 expected from its 5 000 residents"; emerging: "16 incidents in 25 Oct – 31 Oct 2026,
 * 3.8 expected from the circle's usual share"
 */
export function recordsLine(c: ClusterText & { residents: number }, source: string, t: Translate = activeT()): string {
  if (c.weeks)
    return t('scan.recordsEmerging', {
      observed: fmtInt(c.observed),
      source: src(source),
      period: formatPeriod(c.weeks),
      expected: twoDigits(c.expected),
    });
  return t('scan.records', {
    observed: fmtInt(c.observed),
    source: src(source),
    expected: fmtInt(c.expected),
    residents: fmtInt(c.residents),
  });
}

/** The sentence shown when no outline is drawn, or null when there are clusters to draw. */
export function scanEmpty(
  scan: {
    tooFew: { records: number; needed: number } | null;
    clusters: readonly ClusterText[];
    params: ScanParamsText;
  },
  source: string,
  district: boolean,
  t: Translate = activeT(),
): string | null {
  if (scan.tooFew)
    return t('scan.tooFew', { source: src(source), records: scan.tooFew.records, needed: scan.tooFew.needed });
  if (scan.clusters.some((c) => c.p < scan.params.alpha)) return null;
  return t('scan.none', { alpha: twoDigits(scan.params.alpha), district: district ? 'yes' : 'no' });
}
