// Display names of the flow's codes in the language of `t`; a NULL service means the prevention inspector kept the
// application.
import {
  APPLICANT_KINDS,
  APPLICATION_CHANNELS,
  RECEIVERS,
  REGISTRIES,
  type ServiceCode,
} from '../../../server/contract/catalog.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { activeT, type Translate } from '../../i18n/translate.ts';
import { codeLabel } from '../hotspots/records.ts';
import { serviceLabel, serviceShort } from '../cooperation/services.ts';

export type Dimension = 'channel' | 'registry' | 'receiver' | 'service' | 'applicant';

const has = (list: readonly string[], code: string): boolean => list.includes(code);

/**
 * The label of a code of `dim`; `short` for the diagram (the full names do not fit beside a band).
 * @example labelOf('service', null, false, translator('ru')) // 'Оставлено инспектором'
 * @example labelOf('channel', 'phone', false, translator('en')) // 'Phone'
 */
export function labelOf(dim: Dimension, code: string | null, short = false, t: Translate = activeT()): string {
  if (dim === 'service') {
    if (code === null) return t(short ? 'applications.keptShort' : 'applications.kept');
    return short ? serviceShort(code as ServiceCode, t) : serviceLabel(code as ServiceCode, t);
  }
  if (code === null) return '—';
  if (short && ((dim === 'registry' && has(REGISTRIES, code)) || (dim === 'receiver' && has(RECEIVERS, code))))
    return t(`applications.short.${code}` as MessageId);
  if (dim === 'channel') return has(APPLICATION_CHANNELS, code) ? t(`applications.channel.${code}` as MessageId) : code;
  if (dim === 'applicant') return has(APPLICANT_KINDS, code) ? t(`applications.applicant.${code}` as MessageId) : code;
  return codeLabel(code, t);
}
