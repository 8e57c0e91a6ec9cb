// How the screen names what it counts (incidents or applications) and the codes of their filters.
import {
  CATEGORY_LABELS,
  RECEIVER_LABELS,
  REGISTRY_LABELS,
  STATUS_LABELS,
  type RecordSource,
} from '../../../server/contract/catalog.ts';

/** "incidents" / "applications", and the capitalised form for headings. */
export function noun(source: RecordSource): { plural: string; title: string } {
  return source === 'incidents'
    ? { plural: 'incidents', title: 'Incidents' }
    : { plural: 'applications', title: 'Applications' };
}

const LABELS: Record<string, string> = { ...CATEGORY_LABELS, ...REGISTRY_LABELS, ...RECEIVER_LABELS, ...STATUS_LABELS };

/** The readable name of a category, status, registry or receiver code (the code itself if unknown). */
export const codeLabel = (code: string): string => LABELS[code] ?? code;
