// What the scan panel says, as pure functions of the answer of GET /api/hotspots/scan: the method line of the legend,
// one line per cluster, and the sentence shown instead of outlines when there is nothing to draw.
import { fmtInt } from '../../format.ts';

/** What these sentences read of the answer (its params and clusters). */
export interface ScanParamsText {
  rate: 'high' | 'low' | 'both';
  alpha: number;
  records: number;
  windows: { maxShare: number };
  inference: { draws: number; seed: number; studyArea: string };
}

export interface ClusterText {
  rank: number;
  ids: readonly number[];
  observed: number;
  expected: number;
  relativeRisk: number | null;
  p: number;
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
  return `Kulldorff scan, Poisson, ${params.inference.draws} draws, p < ${params.alpha}, relative risk = ${noun} per resident inside ÷ outside`;
}

/** The plain-words explanation under the method line. */
export function scanExplanation(params: ScanParamsText, noun: string): string {
  const which = { high: 'more', low: 'fewer', both: 'more or fewer' }[params.rate];
  return (
    `Circles around every mahalla, up to ${pct(params.windows.maxShare)} of the residents, with ${which} ${noun} than ` +
    `their residents predict; each compared with ${params.inference.draws} maps of the same ${fmtInt(params.records)} ${noun} ` +
    `spread at random in proportion to residents (seed ${params.inference.seed}). Study area: ${params.inference.studyArea}.`
  );
}

/** "5 mahallas · 20× the rate outside · p ≤ 0.001" */
export function clusterLine(c: ClusterText, draws: number): string {
  return `${c.ids.length} mahalla${c.ids.length === 1 ? '' : 's'} · ${rrText(c.relativeRisk)} the rate outside · ${pText(c.p, draws)}`;
}

/** "100 incidents observed, 24 expected from its 5 000 residents" */
export function recordsLine(c: ClusterText & { residents: number }, noun: string): string {
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
