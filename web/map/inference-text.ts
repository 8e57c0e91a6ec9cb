// How a hot-spot map was tested, in words: the sentences the legends, the mahalla card and the wall-screen slide share
// (variable, null, test, study area, FDR, the guardrails), from a response's `params.inference`.
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';

/** What is counted, as the text names it. */
export interface Noun {
  plural: string;
  title: string;
}

const thousands = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** What was counted, as the legend names it, from a response's `source`. */
export const nounOf = (source: 'incidents' | 'applications'): Noun =>
  source === 'applications'
    ? { plural: 'applications', title: 'Applications' }
    : { plural: 'incidents', title: 'Incidents' };

/**
 * How a hot-spot map was tested, in words a reader without statistics can follow: the variable (counts against
 * residents), the null (everyone the same risk), the test (exact), the study area and the false discovery rate.
 * @example
 * inferenceSentence(h.params.inference, 'mahalla', { plural: 'incidents', title: 'Incidents' });
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
 * @example inferenceLine(inf, { plural: 'incidents', title: 'Incidents' }); // 'Incidents counted against residents, as if everyone ran the same risk · exact test · …'
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
