// Plain names for the import page: our columns as a police analyst would name them, and each code's label.
import {
  APPLICANT_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  JOINT_ACTION_LABELS,
  RECEIVER_LABELS,
  REGISTRY_LABELS,
  SERVICE_LABELS,
  STATUS_LABELS,
} from '../../../server/contract/catalog.ts';
import type { ImportKind } from '../../../server/contract/imports.ts';

export const KIND_LABELS: Record<ImportKind, string> = {
  incidents: 'Incidents',
  applications: 'Applications',
  joint_actions: 'Joint actions (with the services taking part)',
  inspectors: 'Prevention inspectors',
  base_points: 'Base points (tayanch punkti)',
  territories: 'Territory assignment (which inspector covers which mahalla)',
  mahallas: 'Mahalla boundaries',
  districts: 'District boundaries',
  regions: 'Region boundaries',
};

/** The kind list's groups, in the order the page offers them. */
export const KIND_GROUPS: ReadonlyArray<{ label: string; kinds: readonly ImportKind[] }> = [
  { label: 'Records from a registry (a table)', kinds: ['incidents', 'applications', 'joint_actions'] },
  { label: 'Staff and territory (a table)', kinds: ['inspectors', 'base_points', 'territories'] },
  { label: 'Boundaries (a map file)', kinds: ['mahallas', 'districts', 'regions'] },
];

/** What importing a kind does, in one sentence under the kind list. */
export const KIND_NOTES: Record<ImportKind, string> = {
  incidents: 'Records are matched by their number in your registry: new ones are added, changed ones updated.',
  applications: 'Records are matched by their number in your registry: new ones are added, changed ones updated.',
  joint_actions:
    'Matched by their number: new ones are added, changed ones updated. The first import replaces the demo actions.',
  inspectors:
    'Matched by their personnel number: new inspectors are added, changed ones updated; inspectors not in the file stay.',
  base_points: 'Matched by their number: new base points are added, changed ones updated; others stay.',
  territories:
    'Each district in the file gets a new draft version of its territory plan, for a planner to check and approve. ' +
    'The plan in force is not changed.',
  mahallas:
    'GeoJSON, a zipped Shapefile (with its .prj), KML or KMZ. Saved as a new boundary version (earlier versions are ' +
    'kept) and every incident, application and base point is placed again in the new mahallas.',
  districts: 'GeoJSON, a zipped Shapefile, KML or KMZ. Saved as a new version; districts not in the file stay.',
  regions: 'GeoJSON, a zipped Shapefile, KML or KMZ. Saved as a new version; regions not in the file stay.',
};

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
  day: 'Day of the action',
  inspector: 'Inspector (number or full name)',
  type: 'Kind of action',
  persons_checked: 'Persons checked',
  offences_found: 'Offences found',
  wanted_found: 'Wanted persons found',
  services: 'Services taking part',
  name: 'Name',
  rank: 'Rank',
  district_soato: 'District (SOATO code)',
  base_point: 'Base point (its number)',
  'lon/lat': 'Longitude and latitude',
  geometry: 'Shape on the map',
  mapping: 'Field choice',
  features: 'Features',
  file: 'The file',
};

/** What a boundary file gives Hamkor, per role of data/import/boundaries/fields.ts. */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  code: 'Code (10 digits for a mahalla, 7 for a district, 4 for a region)',
  name: 'Name',
  parent: 'District or region it belongs to (SOATO code)',
  population: 'Population (optional)',
  households: 'Households (optional)',
};

const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  category: CATEGORY_LABELS,
  status: { ...STATUS_LABELS, open: 'Open', resolved: 'Resolved' },
  applicant: APPLICANT_LABELS,
  channel: CHANNEL_LABELS,
  registry: REGISTRY_LABELS,
  received_by: RECEIVER_LABELS,
  service: SERVICE_LABELS,
  type: JOINT_ACTION_LABELS,
};

/** A code as people read it, e.g. codeLabel('category', 'drugs') = 'Drugs'. */
export const codeLabel = (column: string, code: string): string =>
  CODE_LABELS[column]?.[code] ?? code.replace(/_/g, ' ');

export const fieldLabel = (column: string): string => FIELD_LABELS[column] ?? column.replace(/_/g, ' ');
