// Plain names for the import page: our columns as a police analyst would name them, and each code's label.
import { APPLICANT_KINDS, APPLICATION_CHANNELS, SERVICES, type ServiceCode } from '../../../server/contract/catalog.ts';
import type { ImportKind } from '../../../server/contract/imports.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { MESSAGES } from '../../i18n/messages.ts';
import { activeT, type Translate } from '../../i18n/translate.ts';
import { codeLabel as catalogLabel } from '../hotspots/records.ts';
import { actionTypeLabel, serviceLabel } from '../cooperation/services.ts';

/** A message by an id built from data, or null when there is none (a code or column the app does not know). */
const known = (id: string, t: Translate): string | null => (id in MESSAGES.en ? t(id as MessageId) : null);

/** What a kind of file holds, e.g. 'Incidents'. */
export const kindLabel = (kind: ImportKind, t: Translate = activeT()): string => t(`import.kind.${kind}`);

/** What importing a kind does, in one sentence under the kind list. */
export const kindNote = (kind: ImportKind, t: Translate = activeT()): string => t(`import.note.${kind}`);

/** The kind list's groups (label message ids), in the order the page offers them. */
export const KIND_GROUPS: ReadonlyArray<{ label: MessageId; kinds: readonly ImportKind[] }> = [
  { label: 'import.group.records', kinds: ['incidents', 'applications', 'joint_actions'] },
  { label: 'import.group.staff', kinds: ['inspectors', 'base_points', 'territories'] },
  { label: 'import.group.boundaries', kinds: ['mahallas', 'districts', 'regions'] },
];

/**
 * What a boundary file gives Hamkor, per role of data/import/boundaries/fields.ts.
 * @example roleLabel('population', translator('ru')) // 'Население (необязательно)'
 */
export const roleLabel = (role: string, t: Translate = activeT()): string => known(`import.role.${role}`, t) ?? role;

/**
 * A code as people read it, in the language of `t`.
 * @example codeLabel('category', 'drugs', translator('en')) // 'Drugs'
 */
export function codeLabel(column: string, code: string, t: Translate = activeT()): string {
  const plain = code.replace(/_/g, ' ');
  if (column === 'service')
    return (SERVICES as readonly string[]).includes(code) ? serviceLabel(code as ServiceCode, t) : plain;
  if (column === 'type') return actionTypeLabel(code, t);
  if (column === 'channel')
    return (APPLICATION_CHANNELS as readonly string[]).includes(code)
      ? t(`applications.channel.${code}` as MessageId)
      : plain;
  if (column === 'applicant')
    return (APPLICANT_KINDS as readonly string[]).includes(code)
      ? t(`applications.applicant.${code}` as MessageId)
      : plain;
  if (column === 'status' && (code === 'open' || code === 'resolved')) return t(`import.code.${code}`);
  if (['category', 'status', 'registry', 'received_by'].includes(column)) {
    const label = catalogLabel(code, t);
    return label === code ? plain : label;
  }
  return plain;
}

/**
 * Our column as a police analyst would name it (a column not listed shows its own name).
 * @example fieldLabel('mahalla_code', translator('en')) // 'Mahalla code (if there is no point)'
 */
export const fieldLabel = (column: string, t: Translate = activeT()): string =>
  known(`import.field.${column}`, t) ?? column.replace(/_/g, ' ');
