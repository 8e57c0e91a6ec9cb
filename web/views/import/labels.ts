// Plain names for the import page: our columns as a police analyst would name them, and each code's label.
import {
  APPLICANT_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  RECEIVER_LABELS,
  REGISTRY_LABELS,
  SERVICE_LABELS,
  STATUS_LABELS,
} from '../../../server/contract/catalog.ts';
import type { ImportKind } from '../../../server/contract/imports.ts';

export const KIND_LABELS: Record<ImportKind, string> = { incidents: 'Incidents', applications: 'Applications' };

/** Our column → what it means (a column not listed shows its own name). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  source_id: 'Record number in your registry',
  ts: 'Date and time of the incident',
  received_at: 'Date and time received',
  resolved_at: 'Date and time resolved',
  lon: 'Longitude (east, degrees)',
  lat: 'Latitude (north, degrees)',
  mahalla_code: 'Mahalla code (if there is no point)',
  category: 'Kind of offence',
  status: 'Status',
  applicant: 'Who applied',
  channel: 'How it came in',
  registry: 'Registry',
  received_by: 'Received by',
  service: 'Service it went to',
};

const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  category: CATEGORY_LABELS,
  status: { ...STATUS_LABELS, open: 'Open', resolved: 'Resolved' },
  applicant: APPLICANT_LABELS,
  channel: CHANNEL_LABELS,
  registry: REGISTRY_LABELS,
  received_by: RECEIVER_LABELS,
  service: SERVICE_LABELS,
};

/** A code as people read it, e.g. codeLabel('category', 'drugs') = 'Drugs'. */
export const codeLabel = (column: string, code: string): string =>
  CODE_LABELS[column]?.[code] ?? code.replace(/_/g, ' ');

export const fieldLabel = (column: string): string => FIELD_LABELS[column] ?? column.replace(/_/g, ' ');
