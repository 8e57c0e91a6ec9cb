// How a hot-spot map was tested, in words: the sentences the legends, the mahalla card and the wall-screen slide share
// (variable, null, test, study area, FDR, the guardrails), from a response's `params.inference`, in the language in
// force (or the one `t` speaks).
import type { Inference, TooFewRecords } from '../../server/contract/hotspots.ts';
import { activeLocale, activeT, type Translate } from '../i18n/translate.ts';
import { fmtInt } from '../format.ts';

/** What is counted, as the text names it. */
export interface Noun {
  plural: string;
  title: string;
}

const thousands = (n: number): string => fmtInt(n, activeLocale());

/** What was counted, as the legend names it, from a response's `source` (in the language in force). */
export const nounOf = (source: 'incidents' | 'applications', t: Translate = activeT()): Noun => ({
  plural: t('records.plural', { source }),
  title: t('records.title', { source }),
});

/**
 * The study area as the language names it: the city or the country in its words, a region by the server's name.
 * @example areaName({ studyArea: 'city', studyAreaName: 'Tashkent city' }, translator('ru')) // 'город Ташкент'
 */
export function areaName(
  inf: Pick<Inference, 'studyAreaName'> & Partial<Pick<Inference, 'studyArea'>>,
  t: Translate = activeT(),
): string {
  if (inf.studyArea === 'city') return t('header.city');
  if (inf.studyArea === 'country') return t('header.country');
  return inf.studyAreaName;
}

/** The ICU `source` a Noun stands for: messages choose their words (and cases) by it. */
export const sourceOf = (what: Noun): 'incidents' | 'applications' =>
  /^(applications|murojaat|обращ|мурожаат)/i.test(what.plural) ? 'applications' : 'incidents';

/**
 * How a hot-spot map was tested, in words a reader without statistics can follow: the variable (counts against
 * residents), the null (everyone the same risk), the test (exact), the study area and the false discovery rate.
 * @example
 * inferenceSentence(h.params.inference, 'mahalla', { plural: 'incidents', title: 'Incidents' });
 * // 'A hot (cold) spot: a mahalla whose neighbourhood — itself and the mahallas touching it — has more (fewer) …'
 */
export function inferenceSentence(
  inf: Inference,
  unit: 'mahalla' | 'hexagon',
  what: Noun,
  t: Translate = activeT(),
): string {
  return t('inf.sentence', {
    unit,
    source: sourceOf(what),
    area: areaName(inf, t),
    residents: thousands(inf.residents),
    records: inf.records,
    recordsText: thousands(inf.records),
    fdr: inf.fdr ? 'yes' : 'no',
    q: Math.round((inf.fdr?.q ?? 0) * 100),
  });
}

/**
 * The same in one short line for the wall screen.
 * @example inferenceLine(inf, { plural: 'incidents', title: 'Incidents' }); // 'Incidents counted against residents, as if everyone ran the same risk · exact test · …'
 */
export function inferenceLine(inf: Inference, what: Noun, t: Translate = activeT()): string {
  return t('inf.line', {
    title: what.title,
    area: areaName(inf, t),
    fdr: inf.fdr ? 'yes' : 'no',
    q: Math.round((inf.fdr?.q ?? 0) * 100),
  });
}

/** "2 more with no incident of their own left uncoloured." (the guardrail on own records), or nothing. */
export function heldBackSentence(heldBack: number, what: Noun, t: Translate = activeT()): string {
  if (heldBack <= 0) return '';
  return t('inf.heldBack', { count: heldBack, source: sourceOf(what) });
}

/** "Too few incidents (11) …": the words shown instead of spots when nothing could be significant. */
export function tooFewSentence(
  few: TooFewRecords,
  inf: Pick<Inference, 'studyAreaName'> & Partial<Pick<Inference, 'studyArea'>>,
  what: Noun,
  t: Translate = activeT(),
): string {
  return t('inf.tooFew', {
    source: sourceOf(what),
    records: thousands(few.records),
    area: areaName(inf, t),
    needed: thousands(few.needed),
  });
}
