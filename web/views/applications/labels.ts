// Display names of the flow's codes; a NULL service means the prevention inspector kept the application.
import {
  CHANNEL_LABELS,
  RECEIVER_LABELS,
  REGISTRY_LABELS,
  SERVICE_LABELS,
  APPLICANT_LABELS,
  type ServiceCode,
} from '../../../server/contract/catalog.ts';

/** Short service names for the diagram (the full names do not fit beside a band). */
const SERVICE_SHORT: Record<ServiceCode, string> = {
  duty_unit: 'Duty unit',
  criminal_investigation: 'Criminal investigation',
  investigation: 'Investigation',
  inquiry: 'Inquiry',
  operational_search: 'Operational search',
  forensics: 'Forensics',
  migration: 'Migration',
  traffic_safety: 'Traffic safety',
  juvenile: 'Juvenile affairs',
  patrol: 'Patrol',
};

export const KEPT = 'Kept by the inspector';

/** Short registry and receiver names for the diagram. */
const SHORT: Record<string, string> = {
  form1: 'Form 1 book',
  form2: 'Form 2 journal',
  alphabetical: 'Alphabetical',
  duty_unit: 'Duty unit',
  inspector: 'Inspector',
  service: 'A service',
};

export type Dimension = 'channel' | 'registry' | 'receiver' | 'service' | 'applicant';

/** The label of a code of `dim`; `short` for the diagram. */
export function labelOf(dim: Dimension, code: string | null, short = false): string {
  if (dim === 'service') {
    if (code === null) return short ? 'Kept by inspector' : KEPT;
    return (short ? SERVICE_SHORT : SERVICE_LABELS)[code as ServiceCode] ?? code;
  }
  if (short && code !== null && (dim === 'registry' || dim === 'receiver')) return SHORT[code] ?? code;
  const table: Record<string, string> =
    dim === 'channel'
      ? CHANNEL_LABELS
      : dim === 'registry'
        ? REGISTRY_LABELS
        : dim === 'receiver'
          ? RECEIVER_LABELS
          : APPLICANT_LABELS;
  return code === null ? '—' : (table[code] ?? code);
}
