// How the screen names what it counts (incidents or applications) and the codes of their filters, in the language in
// force (or the one `t` speaks).
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  REGISTRIES,
  type RecordSource,
} from '../../../server/contract/catalog.ts';
import { nounOf, type Noun } from '../../map/inference-text.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { activeT, type Translate } from '../../i18n/translate.ts';

/** "incidents" / "applications", and the capitalised form for headings. */
export function noun(source: RecordSource, t: Translate = activeT()): Noun {
  return nounOf(source, t);
}

/** Each filter code's message id (the codes of the four vocabularies do not collide). */
const IDS = new Map<string, MessageId>([
  ...INCIDENT_CATEGORIES.map((c) => [c, `catalog.category.${c}`] as const),
  ...INCIDENT_STATUSES.map((c) => [c, `catalog.status.${c}`] as const),
  ...REGISTRIES.map((c) => [c, `catalog.registry.${c}`] as const),
  ...RECEIVERS.map((c) => [c, `catalog.receiver.${c}`] as const),
]);

/**
 * The readable name of a category, status, registry or receiver code (the code itself if unknown).
 * @example codeLabel('form1', translator('ru')) // 'Книга учёта по форме № 1'
 */
export const codeLabel = (code: string, t: Translate = activeT()): string => {
  const id = IDS.get(code);
  return id ? t(id) : code;
};
