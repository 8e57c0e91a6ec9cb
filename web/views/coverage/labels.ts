// Words of the coverage page that come from data: an inspector's rank and the reason a territory is over a norm, in
// the language of `t` (the server sends ranks and reasons in English; the figures travel with the flag).
import type { NormKey, Norms } from '../../../server/contract/coverage.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { MESSAGES } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Formatters } from '../../format.ts';

/**
 * A rank as stored ("Senior lieutenant") in the language of `t`; an unknown rank as it is.
 * @example rankLabel('Captain', translator('ru')) // 'Капитан'
 */
export function rankLabel(rank: string | null | undefined, t: Translate): string {
  if (!rank) return '';
  const id = `coverage.rank.${rank}`;
  return id in MESSAGES.en ? t(id as MessageId) : rank;
}

/** What a flag carries: the norm, the territory's value and the norm as applied to the period. */
export interface FlagFigures {
  norm: NormKey;
  value: number;
  limit: number;
}

/**
 * Why a territory is over a norm, e.g. "16 000 residents, norm 15 000"; `norms` gives the 30-day incidents norm and
 * `days` the period's length, as the server's rule (server/shared/overload.ts) applies them.
 * @example flagReason({ norm: 'normDistanceKm', value: 3.2, limit: 2.5 }, NORM_DEFAULTS, 30, translator('en'), formatters('en'))
 * // 'farthest mahalla 3.2 km from the base point, norm 2.5 km'
 */
export function flagReason(flag: FlagFigures, norms: Norms, days: number, t: Translate, f: Formatters): string {
  const num = (n: number): string => (Number.isInteger(n) ? f.int(n) : f.decimal(n, 1));
  if (flag.norm === 'normResidents')
    return t('coverage.norm.residents', { value: num(flag.value), limit: num(flag.limit) });
  if (flag.norm === 'normIncidents')
    return t('coverage.norm.incidents', {
      value: num(flag.value),
      days,
      limit: num(flag.limit),
      per30: num(norms.normIncidents),
    });
  return t('coverage.norm.distance', { value: f.decimal(flag.value, 1), limit: num(flag.limit) });
}
