// The change of a count against the comparison period, in words: the mahalla card's sentence, now shared with the
// district (or city) line of the Hotspots page, so both say it the same way, name the comparison chosen ("vs same days
// last year" or "vs previous period"), go per day when the two periods differ in length (29 February), and add the
// exact test's verdict as the wall screen does (compareCounts: too few / within normal variation / significant).
import type { Translate } from '../../i18n/translate.ts';
import type { Formatters } from '../../format.ts';
import { lengthDays, type Period } from '../../../server/shared/period.ts';
import { changePercent, compareCounts, MIN_EVENTS } from '../../../server/shared/poisson-compare.ts';

export interface CountChange {
  count: number;
  prev: number;
  period: Period;
  previous: Period;
}

/**
 * The change against the comparison period, per day when the two differ in length.
 * @example changeText({ count: 120, prev: 100, period, previous }, false, t, f) // '+20 % vs previous period (100)'
 */
export function changeText(c: CountChange, year: boolean, t: Translate, f: Formatters): string {
  const against = year ? 'year' : 'previous';
  const [n, p] = [c.count, c.prev];
  if (n + p < MIN_EVENTS) return t('card.change.tooFew', { n: f.int(n), p: f.int(p), against });
  const [t1, t0] = [lengthDays(c.period), lengthDays(c.previous)];
  const change = changePercent(n, p, t1, t0);
  const pct = `${change >= 0 ? '+' : '−'}${f.pct(Math.abs(Math.round(change)) / 100)}`;
  if (t1 === t0) return t('card.change.same', { pct, against, p: f.int(p) });
  return t('card.change.leap', { pct, against, n: f.int(n), p: f.int(p), t1, t0 });
}

/**
 * Whether `count` in `t1` days against `prev` in `t0` days is more than chance (exact conditional test, per day), in
 * words: the one wording of the Hotspots line and the wall screen's hot-spot slide.
 * @example testVerdict(300, 200, 90, 90, t, f) // 'significant change (p < 0.001)'
 */
export function testVerdict(count: number, prev: number, t1: number, t0: number, t: Translate, f: Formatters): string {
  const test = compareCounts(count, prev, t1, t0);
  if (test.verdict === 'too-few') return t('hotspots.change.tooFew');
  if (test.verdict === 'none') return t('hotspots.change.normal', { p: f.decimal(test.p, 2) });
  return t('hotspots.change.significant', {
    // No-break spaces, as in the message around it: "p" never ends a line with "< 0,001" on the next.
    p: test.p < 0.001 ? `<\u00a0${f.decimal(0.001, 3)}` : `=\u00a0${f.decimal(test.p, 3)}`,
  });
}

/**
 * Whether the change is more than chance (exact conditional test of the two counts, per day), in words.
 * @example changeVerdict({ count: 300, prev: 200, period, previous }, t, f) // 'significant change (p < 0.001)'
 */
export function changeVerdict(c: CountChange, t: Translate, f: Formatters): string {
  return testVerdict(c.count, c.prev, lengthDays(c.period), lengthDays(c.previous), t, f);
}

/**
 * The Hotspots page's line for the district (or the city): where, the count, its change and the verdict.
 * @example districtChangeLine('Chilonzor tumani', c, 'year', 'incidents', t, f)
 * // 'Chilonzor tumani: 1,234 incidents, +5 % vs same days last year (1,175) — within normal variation (p = 0.21)'
 */
export function districtChangeLine(
  where: string,
  c: CountChange,
  compare: 'previous' | 'year',
  source: 'incidents' | 'applications',
  t: Translate,
  f: Formatters,
): string {
  return t('hotspots.change.line', {
    where,
    n: f.int(c.count),
    count: c.count,
    source,
    change: changeText(c, compare === 'year', t, f),
    verdict: changeVerdict(c, t, f),
  });
}
