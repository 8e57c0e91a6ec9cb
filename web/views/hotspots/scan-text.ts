// What the scan panel says, as pure functions of the answer of GET /api/hotspots/scan: the method line of the legend,
// one line per cluster, and the sentence shown instead of outlines when there is nothing to draw.
import { fmtInt, formatPeriod } from '../../format.ts';

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

const pct = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/** "p = 0.001" or "p < 0.001" where the draws can say no more (the smallest p of 999 draws is 1/1000). */
export function pText(p: number, draws: number): string {
  return p <= 1 / (draws + 1) ? `p ≤ ${+(1 / (draws + 1)).toPrecision(2)}` : `p = ${+p.toPrecision(2)}`;
}

/** How many times the rate outside: "20×", "0.4×"; "all records" when none fall outside. */
export const rrText = (rr: number | null): string => (rr === null ? 'all records' : `${+rr.toPrecision(2)}×`);

/**
 * The legend's method line.
 * @example scanMethod(params, 'incidents') // "Kulldorff scan, Poisson, 999 draws, p < 0.05, relative risk = incidents per resident inside ÷ outside"
 */
export function scanMethod(params: ScanParamsText, noun: string): string {
  const { draws } = params.inference;
  if (params.kind === 'emerging')
    return `Kulldorff space–time scan, permutation, ${draws} draws, p < ${params.alpha}, the last 1–${params.windows.weeks ?? 1} weeks, relative risk = ${noun} in those weeks against the circle's usual share, inside ÷ outside`;
  return `Kulldorff scan, Poisson, ${draws} draws, p < ${params.alpha}, relative risk = ${noun} per resident inside ÷ outside`;
}

/** The plain-words explanation under the method line. */
export function scanExplanation(params: ScanParamsText, noun: string): string {
  if (params.kind === 'emerging')
    return (
      `Circles around every mahalla, up to ${pct(params.windows.maxShare)} of the residents, over the last 1 to ` +
      `${params.windows.weeks ?? 1} weeks, with more ${noun} in those weeks than the circle's share of the whole period ` +
      `and those weeks' share of all ${noun} predict: what is new, not what is always busy. Each compared with ` +
      `${params.inference.draws} shuffles of the weeks among the same ${fmtInt(params.records)} ${noun} (seed ` +
      `${params.inference.seed}). Study area: ${params.inference.studyArea}.`
    );
  const which = { high: 'more', low: 'fewer', both: 'more or fewer' }[params.rate];
  return (
    `Circles around every mahalla, up to ${pct(params.windows.maxShare)} of the residents, with ${which} ${noun} than ` +
    `their residents predict; each compared with ${params.inference.draws} maps of the same ${fmtInt(params.records)} ${noun} ` +
    `spread at random in proportion to residents (seed ${params.inference.seed}). Study area: ${params.inference.studyArea}.`
  );
}

/** "last week", "last 3 weeks" of an emerging cluster. */
const lastWeeks = (w: { from: string; to: string }): string => {
  const n = Math.round((Date.parse(w.to) - Date.parse(w.from)) / 864e5 + 1) / 7;
  return n === 1 ? 'last week' : `last ${n} weeks`;
};

/** "5 mahallas · 20× the rate outside · p ≤ 0.001"; emerging: "3 mahallas · last week · 4.2× · p = 0.007" */
export function clusterLine(c: ClusterText, draws: number): string {
  const size = `${c.ids.length} mahalla${c.ids.length === 1 ? '' : 's'}`;
  if (c.weeks) return `${size} · ${lastWeeks(c.weeks)} · ${rrText(c.relativeRisk)} · ${pText(c.p, draws)}`;
  return `${size} · ${rrText(c.relativeRisk)} the rate outside · ${pText(c.p, draws)}`;
}

/**
 * "100 incidents observed, 24 expected from its 5 000 residents"; emerging: "16 incidents in 25 Oct – 31 Oct 2026,
 * 3.8 expected from the circle's usual share"
 */
export function recordsLine(c: ClusterText & { residents: number }, noun: string): string {
  if (c.weeks)
    return `${fmtInt(c.observed)} ${noun} in ${formatPeriod(c.weeks)}, ${+c.expected.toPrecision(2)} expected from the circle's usual share`;
  return `${fmtInt(c.observed)} ${noun} observed, ${fmtInt(c.expected)} expected from its ${fmtInt(c.residents)} residents`;
}

/** The sentence shown when no outline is drawn, or null when there are clusters to draw. */
export function scanEmpty(
  scan: {
    tooFew: { records: number; needed: number } | null;
    clusters: readonly ClusterText[];
    params: ScanParamsText;
  },
  noun: string,
  district: boolean,
): string | null {
  if (scan.tooFew)
    return `Too few ${noun} to look for clusters: ${scan.tooFew.records} in this selection, at least ${scan.tooFew.needed} needed.`;
  if (scan.clusters.some((c) => c.p < scan.params.alpha)) return null;
  return `No cluster stands out beyond chance (p < ${scan.params.alpha})${district ? ' in or around the chosen district' : ''}.`;
}
